"""The working-day calendar: weekends, holidays and 调休 make-up days, from the year files."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.calendar import CalendarFileError, DayKind, load_calendar, parse_year

CAL = load_calendar()


def test_bundled_years_are_known() -> None:
    assert {2025, 2026} <= CAL.known


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        (date(2026, 10, 1), DayKind.HOLIDAY),  # National Day, a Thursday
        (date(2026, 10, 10), DayKind.MAKEUP),  # a Saturday worked instead
        (date(2026, 2, 14), DayKind.MAKEUP),  # the Saturday before Spring Festival
        (date(2026, 2, 23), DayKind.HOLIDAY),  # a Monday inside Spring Festival
        (date(2026, 12, 5), DayKind.WEEKEND),
        (date(2026, 12, 7), DayKind.WORKDAY),
        (date(2027, 10, 1), DayKind.WORKDAY),  # no 2027 file yet: Monday-Friday only
    ],
)
def test_day_kinds(day: date, kind: DayKind) -> None:
    assert CAL.kind(day) is kind
    assert CAL.is_working_day(day) == (kind in (DayKind.WORKDAY, DayKind.MAKEUP))


def test_holiday_names_in_both_languages() -> None:
    h = CAL.holiday(date(2026, 2, 17))
    assert h is not None and h.name_zh == "春节" and h.name_en == "Spring Festival"
    assert CAL.holiday(date(2026, 2, 14)) is None  # a make-up day is not the holiday


def test_working_day_arithmetic_across_a_long_holiday() -> None:
    # Thursday 30 April 2026, then Labour Day 1-5 May, Saturday 9 May worked.
    assert CAL.next_working_day(date(2026, 4, 30)) == date(2026, 5, 6)
    assert CAL.add_working_days(date(2026, 4, 30), 4) == date(2026, 5, 9)
    assert CAL.working_days_between(date(2026, 4, 30), date(2026, 5, 9)) == 4
    assert CAL.working_days_between(date(2026, 5, 9), date(2026, 4, 30)) == 0
    assert CAL.add_working_days(date(2026, 4, 30), 0) == date(2026, 4, 30)


def test_an_imported_year_replaces_the_bundled_one() -> None:
    published = {
        "year": 2026,
        "holiday": [{"name_zh": "测试假", "from": "2026-12-07", "to": "2026-12-07"}],
    }
    cal = load_calendar([published])
    assert cal.kind(date(2026, 12, 7)) is DayKind.HOLIDAY
    assert cal.kind(date(2026, 10, 1)) is DayKind.WORKDAY  # the whole year is replaced


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ({}, "year"),
        ({"year": 2026, "holiday": [{"from": "2026-01-01"}]}, "name_zh"),
        ({"year": 2026, "holiday": [{"name_zh": "x", "from": "2026-13-01"}]}, "not a date"),
        ({"year": 2026, "holiday": [{"name_zh": "x", "from": "2025-12-31"}]}, "not in 2026"),
        (
            {"year": 2026, "holiday": [{"name_zh": "x", "from": "2026-01-02", "to": "2026-01-01"}]},
            "before",
        ),
        (
            {
                "year": 2026,
                "holiday": [{"name_zh": "x", "from": "2026-01-01", "workdays": ["2026-01-05"]}],
            },
            "not a weekend",
        ),
        (
            {
                "year": 2026,
                "holiday": [
                    {"name_zh": "a", "from": "2026-01-01"},
                    {"name_zh": "b", "from": "2026-01-01"},
                ],
            },
            "already listed",
        ),
    ],
)
def test_a_wrong_file_is_refused_whole_with_the_reason(data: dict, needle: str) -> None:
    with pytest.raises(CalendarFileError) as err:
        parse_year(data)
    assert needle in err.value.message_en and err.value.message_zh
