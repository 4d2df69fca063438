"""Bar labels that share a unit carry it once, in the chart's title: "0-5 min" ... "60+ min"
were cut to "5-10 m..." under each bar on a 1366 px desk screen."""

from __future__ import annotations

import pytest

from kiosk.reports.service import WAIT_BUCKETS, bucket_label
from ui.supervisor.panes import common_unit


def test_the_wait_buckets_unit_moves_to_the_title() -> None:
    labels = [bucket_label(i, "en") for i in range(len(WAIT_BUCKETS) + 1)]
    heads, unit = common_unit(labels)
    assert unit == "min"
    assert heads[0] == "0-5" and heads[-1] == f"{WAIT_BUCKETS[-1]}+"


@pytest.mark.parametrize(
    "labels",
    [
        ["02:00", "03:00"],
        ["Window 1", "Window 2"],
        ["张敏", "李娜"],
        ["0-5分钟", "60分钟以上"],
        ["x"],
    ],
)
def test_labels_without_a_shared_unit_stay_whole(labels: list[str]) -> None:
    assert common_unit(labels) == (labels, "")


def test_an_unstaffed_help_desk_alert_reads_as_words() -> None:
    """It read "waiting=2", the detail's raw key, in the alerts pane."""
    from ui.supervisor.texts import alert_text

    assert alert_text("helpdesk_unstaffed", {"waiting": 2}) == (
        "2 questions waiting, nobody at the help desk"
    )


def test_a_long_bar_name_wraps_instead_of_being_cut() -> None:
    from ui.supervisor.panes import bar_label

    assert bar_label("Education and Culture", 2) == "Education and<br>Culture"
    assert bar_label("Education and Civil Affairs – Window 3", 2) == (
        "Education and<br>Civil Affairs –…"
    )
    assert bar_label("Satisfaction of all", 6) == "Satisfaction<br>of all"
    assert bar_label("教育文化窗口", 2) == "教育文化窗口"
    assert bar_label("不动产登记与税务联办窗口", 10) == "不动产登<br>记与税…"
    assert bar_label("R&D <desk>", 1) == "R&amp;D &lt;desk&gt;"
    for label in ("0-5", "10-15", "60+", "9:00"):  # numbers are never split
        assert bar_label(label, 12) == label


def test_chinese_wait_buckets_share_their_unit_too() -> None:
    from ui.supervisor.panes import _open_ended

    labels = [bucket_label(i, "zh") for i in range(len(WAIT_BUCKETS) + 1)]
    heads, unit = common_unit([_open_ended(label) for label in labels])
    assert unit == "分钟"
    assert heads[0] == "0-5" and heads[-1] == "60+"


def test_a_report_column_title_takes_two_lines() -> None:
    from ui.supervisor.models import two_lines

    assert two_lines("Mean handling (min)") == "Mean handling\n(min)"
    assert two_lines("平均办理时长（分钟）") == "平均办理时长\n（分钟）"
    assert two_lines("Cases overdue") == "Cases\noverdue"
    assert two_lines("Served") == "Served"
    assert two_lines("满意率") == "满意率"


@pytest.mark.gui
def test_today_is_the_hall_s_service_day(qapp) -> None:
    from ui.supervisor.panes import Period

    period = Period()
    assert period.set_today("2030-01-02")  # untouched: moves, and says to ask again
    assert period.span() == ("2030-01-02", "2030-01-02")
    period.start.setDate(period.start.date().addDays(-3))
    assert not period.set_today("2030-01-03")  # a period the supervisor picked stays
    assert period.span() == ("2029-12-30", "2030-01-02")
    period.choose("day")
    assert period.span() == ("2030-01-03", "2030-01-03")
    assert not period.set_today("not a day")
