"""The supervisor's console against a live hall server: the hall pushed live (never polled),
a window paused remotely through its dialog, an alert acknowledged with a note, a case walked a
step, a report shown and a report exported to a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from kiosk.domain import Outcome, RatingChannel
from kiosk.engine.base import Actor
from tests.ui.supervisor.conftest import WAIT


def open_dialog(window):  # type: ignore[no-untyped-def]
    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def bad_rating(live) -> None:  # type: ignore[no-untyped-def]
    hall, clerk = live.hall, Actor(clerk="1002")
    hall.login("1002", "1234", 2)
    hall.issue_ticket("GJJ", "GJJ-1", actor=Actor(device="kiosk-1"))
    ticket = hall.call_next(2, clerk)
    hall.start(2, clerk)
    hall.finish(2, Outcome.COMPLETED, clerk)
    hall.rate(ticket["id"], 1, RatingChannel.PAD, pad_window=2)


@pytest.mark.gui
def test_the_hall_is_pushed_live(qtbot, live, console) -> None:
    w = console("hall")
    gets = []
    w.session.api.get = (lambda orig: lambda *a, **k: gets.append(a[0]) or orig(*a, **k))(
        w.session.api.get
    )
    waiting = lambda code: next(  # noqa: E731
        c["waiting"] for c in w.hall.categories.rows if c["code"] == code
    )
    assert waiting("SB") == 0
    with live.client(live.tokens["kiosk"]) as kiosk:
        kiosk.post("/api/v1/tickets", json={"category": "SB"}).raise_for_status()
    qtbot.waitUntil(lambda: waiting("SB") == 1, timeout=WAIT)
    # one re-read of the overview per burst of events, asked for by the event itself
    assert gets and all(path.endswith("/supervision/overview") for path in gets)
    qtbot.wait(1500)  # nothing happens in the hall: nothing is read
    before = len(gets)
    qtbot.wait(1500)
    assert len(gets) == before


# a dialog shown on the offscreen platform draws a harmless warning about size hints
DIALOG_WARNING = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.mark.gui
@DIALOG_WARNING
def test_pause_a_window_remotely_with_its_dialog(qtbot, live, console) -> None:
    live.hall.login("1001", "1234", 1)
    w = console("hall")
    qtbot.waitUntil(lambda: w.hall.windows.rows[0]["status"] == "open", timeout=WAIT)
    w.hall.window_view.selectRow(0)
    assert w.hall.buttons["pause"].isEnabled() and not w.hall.buttons["resume"].isEnabled()
    w.hall.buttons["pause"].click()
    dialog = open_dialog(w)
    dialog.reason.setCurrentIndex(dialog.reason.findData("meeting"))
    dialog.text.setPlainText("临时抽调开会")
    dialog.accept()
    qtbot.waitUntil(lambda: w.hall.windows.rows[0]["status"] == "paused", timeout=WAIT)
    assert "开会" in w.hall.windows.data(w.hall.windows.index(0, 1))
    paused = [e for e in live.hall.events_after(0) if e.type == "window.paused"]
    assert paused[-1].payload["by_supervisor"] is True and paused[-1].payload["reason"] == "meeting"
    w.hall.window_view.selectRow(0)
    w.hall.buttons["resume"].click()
    qtbot.waitUntil(lambda: w.hall.windows.rows[0]["status"] == "open", timeout=WAIT)


@pytest.mark.gui
@DIALOG_WARNING
def test_acknowledge_an_alert_and_step_a_case(qtbot, live, console) -> None:
    bad_rating(live)
    w = console("cases")
    qtbot.waitUntil(lambda: w.alerts.model.rowCount() == 1, timeout=WAIT)
    assert w.alerts.model.rows[0]["kind"] == "bad_rating"
    w.alerts.view.selectRow(0)
    w.alerts.ack.click()
    dialog = open_dialog(w)
    dialog.text.setPlainText("已安排回访")
    dialog.accept()
    qtbot.waitUntil(lambda: w.alerts.model.rowCount() == 0, timeout=WAIT)  # open ones only
    assert live.hall.alerts(state="all")["alerts"][0]["note"] == "已安排回访"
    qtbot.waitUntil(lambda: w.cases.model.rowCount() == 1, timeout=WAIT)
    w.cases.view.selectRow(0)
    assert w.cases.steps["assign"].isEnabled() and not w.cases.steps["close"].isEnabled()
    w.cases.steps["assign"].click()
    dialog = open_dialog(w)
    dialog.fields["assignee"].setText("9001")
    dialog.accept()
    qtbot.waitUntil(lambda: w.cases.model.rows[0]["status"] == "assigned", timeout=WAIT)
    assert w.cases.model.data(w.cases.model.index(0, 5)) == "已指派"


@pytest.mark.gui
def test_reports_and_an_export(qtbot, live, console, tmp_path: Path) -> None:
    bad_rating(live)
    w = console("reports")
    w.reports.period.start.setDate(
        w.reports.period.start.date().fromString("2026-11-27", "yyyy-MM-dd")
    )
    w.reports.period.end.setDate(w.reports.period.end.date().fromString("2026-11-27", "yyyy-MM-dd"))
    w.reports.period.emit_changed()
    qtbot.waitUntil(
        lambda: (
            "summary" in w.reports.models and w.reports.models["summary"].rows[0]["tickets"] == 1
        ),
        timeout=WAIT,
    )
    assert w.reports.tabs.tabText(0) == "概况"
    p = w.export.period
    p.start.setDate(p.start.date().fromString("2026-11-27", "yyyy-MM-dd"))
    p.end.setDate(p.end.date().fromString("2026-11-27", "yyyy-MM-dd"))
    w.export.kind.setCurrentIndex(w.export.kind.findData("cases"))
    with qtbot.waitSignal(w.saver.saved, timeout=20000) as saved:
        w.export._export("xlsx")
    from openpyxl import load_workbook

    book = load_workbook(saved.args[0])
    assert "差评工单" in book.sheetnames
    assert Path(saved.args[0]).parent == tmp_path / "exports"
    assert "已保存" in w.export.status.text()


@pytest.mark.gui
@DIALOG_WARNING
def test_a_tidal_alert_s_suggestion_opens_the_serve_dialog_ready_to_send(
    qtbot, live, console
) -> None:
    from tests.helpers.hallfactory import at_window, issue

    hall = live.hall
    at_window(hall, 2)  # serves GJJ only
    for _ in range(11):
        issue(hall, "GJJ")
    assert hall.check_tidal() == ["GJJ"]
    w = console("alerts")
    qtbot.waitUntil(lambda: w.alerts.model.rowCount() == 1, timeout=WAIT)
    advised = w.alerts.model.rows[0]["details"]["suggestion"]["window_no"]
    assert not w.alerts.suggested.isEnabled()  # nothing selected yet
    w.alerts.view.selectRow(0)
    assert w.alerts.suggested.isEnabled()
    w.alerts.suggested.click()
    dialog = open_dialog(w)
    ticked = [
        dialog.list.item(i).data(256)
        for i in range(dialog.list.count())
        if dialog.list.item(i).checkState().value == 2
    ]
    assert "GJJ" in ticked
    assert str(advised) in dialog.windowTitle()
    dialog.accept()
    qtbot.waitUntil(
        lambda: any(
            e.type == "window.categories_changed" and e.payload["window_no"] == advised
            for e in hall.events_after(0)
        ),
        timeout=WAIT,
    )
    changed = [e for e in hall.events_after(0) if e.type == "window.categories_changed"]
    assert "GJJ" in changed[-1].payload["categories"]
