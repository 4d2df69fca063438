"""One list of event types: the enum, the documented table and the projection agree, and a
type nobody decided about cannot enter the log."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.clock import FakeClock, iso
from kiosk.engine.projector import HANDLERS, NOT_PROJECTED, UnknownEventType
from kiosk.events import Event, EventType
from kiosk.ids import ulid
from tests.helpers.hallfactory import make_hall, morning

DOC = Path(__file__).resolve().parents[3] / "docs" / "events.md"


def documented_types() -> list[str]:
    table = DOC.read_text(encoding="utf-8").split("## Types and payloads", 1)[1]
    return re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", table, flags=re.MULTILINE)


def test_the_documented_types_are_the_event_types() -> None:
    documented = documented_types()
    assert len(documented) == len(set(documented)), "a type is documented twice"
    assert set(documented) == {t.value for t in EventType}


def test_every_type_is_projected_or_read_from_the_log() -> None:
    assert set(HANDLERS) | NOT_PROJECTED == set(EventType)
    assert not set(HANDLERS) & NOT_PROJECTED


def test_an_unknown_type_is_refused_and_nothing_is_logged(tmp_path: Path) -> None:
    clock = FakeClock(morning())
    hall = make_hall(tmp_path / "hall.db", clock)
    try:
        before = hall.last_seq
        with pytest.raises(UnknownEventType), hall.transaction() as tx:
            stranger = Event(
                seq=tx.next_seq,
                id=ulid(),
                hall=hall.code,
                ts=iso(clock.now()),
                device=None,
                actor=None,
                type="ticket.teleported",
                payload={},
            )
            tx.append(stranger)
        assert hall.last_seq == before
        assert hall.events_after(before) == []
        hall.issue_ticket("SB")  # the sequence goes on without a gap
        assert [e.seq for e in hall.events_after(before)] == [before + 1]
    finally:
        hall.close()
