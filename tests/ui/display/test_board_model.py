"""The board's Qt-free model: a snapshot, then every event moves windows, calls and waiting
counts exactly as the engine moves tickets."""

from __future__ import annotations

from typing import Any

from ui.display.model import RECENT, BoardModel, Call


def snapshot() -> dict[str, Any]:
    return {
        "hall": {"code": "T-01", "name_zh": "测试中心", "name_en": "Test Center"},
        "service_day": "2026-11-27",
        "categories": [
            {"code": "SB", "prefix": "A", "name_zh": "社保", "name_en": "Social", "waiting": 2},
            {"code": "GJJ", "prefix": "B", "name_zh": "公积金", "name_en": "Fund", "waiting": 0},
        ],
        "windows": [
            {"no": 1, "name_zh": "1号窗", "name_en": "W1", "status": "open", "ticket": None,
             "pause_reason": None},
            {"no": 2, "name_zh": "2号窗", "name_en": "W2", "status": "closed", "ticket": None,
             "pause_reason": None},
        ],
        "recent_calls": [
            {"seq": 7, "number": "A002", "window_no": 1, "recall": 1},
            {"seq": 6, "number": "A002", "window_no": 1, "recall": 0},
            {"seq": 5, "number": "A001", "window_no": 2, "recall": 0},
        ],
        "last_seq": 9,
    }  # fmt: skip


def ev(seq: int, type_: str, **payload: Any) -> dict[str, Any]:
    return {"seq": seq, "type": type_, "payload": payload}


def loaded() -> BoardModel:
    model = BoardModel()
    model.load_snapshot(snapshot())
    return model


def test_snapshot_lists_each_number_once_newest_first() -> None:
    model = loaded()
    assert [c.number for c in model.recent] == ["A002", "A001"]
    assert model.latest == Call(7, "A002", 1, True)
    assert model.queues["SB"].waiting == 2 and model.last_seq == 9
    assert not model.windows[2].in_service


def test_a_call_moves_a_ticket_from_its_queue_to_the_window() -> None:
    model = loaded()
    calls = model.apply(ev(10, "ticket.called", ticket_id="t3", number="A003", category="SB",
                           window_no=1, clerk="1001", wait_s=3.0))  # fmt: skip
    assert calls == [Call(10, "A003", 1, False)]
    assert model.windows[1].ticket == "A003" and not model.windows[1].serving
    assert model.queues["SB"].waiting == 1
    assert model.recent[0].number == "A003" and model.last_seq == 10
    assert model.apply(ev(11, "ticket.started", ticket_id="t3", number="A003", window_no=1)) == []
    assert model.windows[1].serving
    model.apply(ev(12, "ticket.finished", ticket_id="t3", number="A003", window_no=1))
    assert model.windows[1].ticket is None


def test_a_recall_is_a_call_again_without_touching_the_queue() -> None:
    model = loaded()
    model.apply(ev(10, "ticket.called", ticket_id="t3", number="A003", category="SB", window_no=1))
    calls = model.apply(ev(11, "ticket.recalled", ticket_id="t3", number="A003", window_no=1,
                           recall_count=1))  # fmt: skip
    assert calls == [Call(11, "A003", 1, True)]
    assert model.queues["SB"].waiting == 1
    assert [c.number for c in model.recent].count("A003") == 1


def test_issue_transfer_requeue_and_cancel_keep_counts_exact() -> None:
    model = loaded()
    model.apply(ev(10, "ticket.issued", ticket_id="t9", number="B001", category="GJJ",
                   service_day="2026-11-27"))  # fmt: skip
    assert model.queues["GJJ"].waiting == 1
    model.apply(ev(11, "ticket.called", ticket_id="t9", number="B001", category="GJJ", window_no=1))
    model.apply(ev(12, "ticket.transferred", ticket_id="t9", number="B001", from_window=1,
                   from_category="GJJ", to_category="SB", to_window=None))  # fmt: skip
    assert model.windows[1].ticket is None
    assert (model.queues["GJJ"].waiting, model.queues["SB"].waiting) == (0, 3)
    model.apply(ev(13, "ticket.called", ticket_id="t9", number="B001", category="SB", window_no=1))
    model.apply(ev(14, "ticket.no_show", ticket_id="t9", number="B001", window_no=1))
    model.apply(ev(15, "ticket.requeued", ticket_id="t9", number="B001", hold_calls=2))
    assert model.queues["SB"].waiting == 3  # back in the queue it was called from
    model.apply(ev(16, "ticket.cancelled", ticket_id="t9", number="B001", reason="day_close"))
    assert model.queues["SB"].waiting == 2


def test_a_requeue_of_a_ticket_never_seen_falls_back_to_its_prefix() -> None:
    model = loaded()
    model.apply(ev(10, "ticket.requeued", ticket_id="old", number="B017", hold_calls=0))
    assert model.queues["GJJ"].waiting == 1


def test_pause_close_and_day_close() -> None:
    model = loaded()
    model.apply(ev(10, "window.paused", window_no=1, clerk="1001", absence_id="x", reason="meal"))
    assert model.windows[1].status == "paused" and model.windows[1].pause_reason == "meal"
    assert not model.windows[1].in_service
    model.apply(ev(11, "window.resumed", window_no=1, clerk="1001", absence_id="x"))
    assert model.windows[1].in_service and model.windows[1].pause_reason is None
    model.apply(ev(12, "window.opened", window_no=2, clerk="1002"))
    model.apply(ev(13, "ticket.called", ticket_id="t1", number="A001", category="SB", window_no=2))
    model.apply(ev(14, "day.closed", service_day="2026-11-27", cancelled=1, closed_windows=[2]))
    assert all(q.waiting == 0 for q in model.queues.values())
    assert all(w.status == "closed" and w.ticket is None for w in model.windows.values())


def test_the_first_ticket_of_a_new_day_clears_yesterdays_queues() -> None:
    model = loaded()
    model.apply(ev(10, "ticket.issued", ticket_id="n1", number="A001", category="SB",
                   service_day="2026-11-28"))  # fmt: skip
    assert model.service_day == "2026-11-28" and model.queues["SB"].waiting == 1


def test_recent_calls_are_capped_and_unknown_events_ignored() -> None:
    model = loaded()
    for i in range(RECENT + 3):
        model.apply(ev(20 + i, "ticket.called", ticket_id=f"x{i}", number=f"A{100 + i}",
                       category="SB", window_no=1))  # fmt: skip
    assert len(model.recent) == RECENT and model.recent[0].number == f"A{100 + RECENT + 2}"
    assert model.apply(ev(99, "consultation.created", consultation_id="c")) == []
    assert model.queues["SB"].waiting == 0
    model.load_catalog({"notices": [{"title_zh": "通知", "body_zh": "内容", "title_en": "N"}]})
    assert model.notices == [
        {"title_zh": "通知", "body_zh": "内容", "title_en": "N", "body_en": ""}
    ]


def test_a_number_no_longer_called_leaves_now_calling() -> None:
    """After 过号, a transfer or a cancel, "正在呼叫 A002" must not keep inviting its holder."""
    for seq, kind, payload in (
        (10, "ticket.no_show", {"window_no": 1}),
        (10, "ticket.transferred", {"from_window": 1, "to_category": "GJJ"}),
        (10, "ticket.cancelled", {}),
    ):
        model = loaded()
        model.apply(ev(9, "ticket.called", ticket_id="t2", number="A002", category="SB",
                       window_no=1, clerk="1001", wait_s=3.0))  # fmt: skip
        assert model.latest is not None and model.latest.number == "A002"
        model.apply(ev(seq, kind, ticket_id="t2", number="A002", **payload))
        assert model.latest is None, kind
        assert model.windows[1].ticket is None, kind


def test_a_finished_service_or_another_number_keeps_the_latest_call() -> None:
    model = loaded()
    model.apply(ev(10, "ticket.no_show", ticket_id="t1", number="A001", window_no=2))
    assert model.latest is not None and model.latest.number == "A002"
