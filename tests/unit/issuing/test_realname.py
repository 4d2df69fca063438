"""Real-name tickets in the engine: the ID check, one open ticket per person per category and
day, a booking checked in by the same card, the green channel offered (never forced), second
trips, and the number kept out of the log and out of the projections."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kiosk.catalog.hall_config import HallConfig
from kiosk.catalog.model import Catalog
from kiosk.clock import FakeClock
from kiosk.domain import Outcome
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall, initialise
from kiosk.errors import Invalid
from kiosk.idcard import make_id_number, parse_id_number
from tests.helpers.hallfactory import at_window, catalog_dict, config_dict, issue
from tests.unit.issuing.conftest import local, person

MakeHall = Callable[..., Hall]
TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("number", "zh"),
    [
        ("37020219900101123", "应为18位，实际为17位"),
        ("3702021990010112X4", "只能包含数字"),
        ("990202199001011230", "地区码不存在"),
        (make_id_number("370202", date(1990, 1, 1), 123)[:-1] + "0", "校验位不正确"),
        ("370202199002301234", "出生日期不存在"),
        (make_id_number("370202", date(2030, 1, 1), 1), "出生日期不正确"),
    ],
)
def test_a_wrong_number_is_refused_saying_what_is_wrong(number: str, zh: str) -> None:
    if zh == "校验位不正确" and number == make_id_number("370202", date(1990, 1, 1), 123):
        pytest.skip("the check character happened to be 0")
    with pytest.raises(Invalid) as err:
        parse_id_number(number, TODAY)
    assert zh in err.value.message_zh and err.value.message_zh.startswith("身份证号码有误")


def test_a_good_number_in_any_written_form_is_the_same_card() -> None:
    number = make_id_number("370202", date(1950, 6, 1), 7)
    old15 = number[:6] + number[8:17]  # the first-generation card of the same person
    spaced = f" {number[:6]} {number[6:14]} {number[14:]} ".replace("1", "１")
    cards = [parse_id_number(v, TODAY) for v in (number, old15, spaced, number.lower())]
    assert {c.number for c in cards} == {number}
    assert cards[0].masked == number[:4] + "*" * 10 + number[-4:]
    assert cards[0].age_on(TODAY) == 76
    assert cards[0].person_key("a") != cards[0].person_key("b")


def test_one_open_ticket_per_person_and_category_a_day(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 27, 9, 30), rules={"realname": {"allowed": ["*"]}})
    first, created = hall.issue_ticket("SB", actor=Actor(device="kiosk-1"), id_number=person(1))
    assert created and first["realname"] is True and first["realname_masked"].count("*") == 10
    again, created = hall.issue_ticket("SB", actor=Actor(device="kiosk-2"), id_number=person(1))
    assert not created and again["already_issued"] is True and again["id"] == first["id"]
    other = issue(hall, "GJJ", id_number=person(1))  # another category: its own ticket
    assert other["number"] == "B001"
    assert issue(hall, "SB", id_number=person(2))["number"] == "A002"  # another person
    # served: the allowance is of open tickets, so the person may take another
    w1 = at_window(hall, 1)
    hall.call_number(1, first["number"], w1)
    hall.finish(1, Outcome.COMPLETED, w1)
    assert issue(hall, "SB", id_number=person(1))["number"] == "A003"


def test_required_and_off_categories(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(
        local(2026, 11, 27, 9, 30), rules={"realname": {"allowed": ["SB"], "required": ["GJJ"]}}
    )
    with pytest.raises(Invalid) as err:
        issue(hall, "GJJ")
    assert "须刷身份证" in err.value.message_zh
    with pytest.raises(Invalid) as err:
        issue(hall, "ZX", id_number=person(1))
    assert "无需实名" in err.value.message_zh
    assert issue(hall, "SB")["realname"] is False  # allowed, not required


def test_a_booking_with_the_same_card_checks_in_by_itself(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 27, 9, 50), rules={"realname": {"allowed": ["*"]}})
    supervisor = Actor(device="web", clerk="9001")
    appt = hall.book_appointment(
        "GJJ", "2026-11-27T10:00:00+08:00", "GJJ-1", supervisor, id_number=person(5)
    )
    ticket = issue(hall, None, id_number=person(5))  # no category chosen: the booking's
    assert (ticket["source"], ticket["category"], ticket["item"]) == (
        "appointment",
        "GJJ",
        "GJJ-1",
    )
    row = hall.reader().execute("SELECT status FROM appointments WHERE code = ?", (appt["code"],))
    assert row.fetchone()[0] == "checked_in"
    # another person's card does not check the booking of someone else in
    assert issue(hall, "GJJ", id_number=person(6))["source"] == "walk_in"


def test_a_booking_for_later_today_is_not_checked_in_early(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 27, 9, 0), rules={"realname": {"allowed": ["*"]}})
    hall.book_appointment(
        "SB", "2026-11-27T15:00:00+08:00", actor=Actor(clerk="9001"), id_number=person(5)
    )
    assert issue(hall, "SB", id_number=person(5))["source"] == "walk_in"


def test_the_green_channel_is_offered_at_seventy_never_forced(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 27, 9, 30), rules={"realname": {"allowed": ["*"]}})
    elder = make_id_number("370202", date(1956, 11, 27), 1)  # 70 today
    younger = make_id_number("370202", date(1956, 11, 28), 2)  # 70 tomorrow
    t = issue(hall, "SB", id_number=elder)
    assert (t["green_channel_offered"], t["priority"]) == (True, "normal")
    assert issue(hall, "SB", id_number=younger)["green_channel_offered"] is False
    taken = issue(hall, "GJJ", id_number=elder, priority="green")
    assert (taken["priority"], taken["green_channel_offered"]) == ("green", False)


def test_a_second_trip_for_the_same_item_is_marked(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 26, 9, 30), rules={"realname": {"allowed": ["*"]}})
    first = issue(hall, "SB", item="SB-1", id_number=person(1))
    assert first["repeat_visit"] is False
    hall.clock.set(local(2026, 11, 27, 9, 30))  # type: ignore[attr-defined]
    again = issue(hall, "SB", item="SB-1", id_number=person(1))
    assert again["repeat_visit"] is True
    assert issue(hall, "SB", item="SB-2", id_number=person(2))["repeat_visit"] is False
    assert issue(hall, "GJJ", item="GJJ-1", id_number=person(1))["repeat_visit"] is False
    assert hall.ticket(again["id"])["repeat_visit"] is True  # what the window client reads


def test_the_number_is_nowhere_but_as_hash_and_mask(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 27, 9, 30), rules={"realname": {"allowed": ["*"]}})
    number = person(9)
    appt = hall.book_appointment(
        "SB", "2026-11-28T10:00:00+08:00", actor=Actor(clerk="9001"), id_number=number
    )
    ticket = issue(hall, "SB", id_number=number)
    hall.flush()
    dump = "\n".join(hall.reader().iterdump())
    digits = number[6:17]  # birth date and sequence: what the mask hides
    assert number not in dump and digits not in dump
    events = [e.to_dict() for e in hall.events_after(0)]
    assert number[-4:] not in str([e["payload"] for e in events if e["type"] == "ticket.issued"])
    issued = next(e for e in events if e["type"] == "ticket.issued")["payload"]
    assert (issued["realname"], issued["repeat_visit"]) == (True, False)
    row = hall.reader().execute(
        "SELECT person, masked FROM ticket_persons WHERE ticket_id = ?", (ticket["id"],)
    )
    key, masked = row.fetchone()
    assert masked == ticket["realname_masked"] and len(key) == 64
    assert appt["code"] not in str(ticket)


def test_each_store_makes_its_own_person_secret(tmp_path: Path) -> None:
    """Two halls never hash the same person alike, so their stores cannot be joined on it."""
    keys = []
    for name in ("one", "two"):
        config = HallConfig.model_validate(
            config_dict(clerks=[], issuing={"realname": {"allowed": ["*"]}})
        )
        catalog = Catalog.model_validate(catalog_dict())
        hall = initialise(
            tmp_path / f"{name}.db", config, catalog, FakeClock(local(2026, 11, 27, 9))
        )
        try:
            issue(hall, "SB", id_number=person(1))
            hall.flush()
            conn = sqlite3.connect(hall.path)
            keys.append(conn.execute("SELECT person FROM ticket_persons").fetchone()[0])
            conn.close()
        finally:
            hall.close()
    assert keys[0] != keys[1]
