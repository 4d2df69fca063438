"""Taking a ticket: tap to ticket on screen, printing on ESC/POS (Dummy) and PDF, a failed print
that leaves the ticket valid and alerts staff, the automatic return home, and no ticket shown
that the server did not commit."""

from __future__ import annotations

import socket
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument

from kiosk.printing.layout import Line, ticket_document

pytestmark = pytest.mark.gui
WAIT_MS = 5000


def tap(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def take_via_item(kiosk: Any, qtbot: Any, category: str, item: str) -> dict[str, Any]:
    """Home -> category tile -> item tile -> Take a ticket, as a finger would."""
    tap(qtbot, kiosk.screens["home"].tiles[category])
    assert kiosk.current == ("category", category)
    grid = kiosk.screens["category"].grid
    codes = [i["code"] for i in kiosk.ctx.hall.catalog.items_of(category)]
    tap(qtbot, grid.cells[codes.index(item)])
    assert kiosk.current == ("item", item)
    tap(qtbot, kiosk.screens["item"].take)
    qtbot.waitUntil(lambda: kiosk.current[0] == "ticket", timeout=WAIT_MS)
    return kiosk.screens["ticket"].issued.ticket


def ticket_count(hall: Any) -> int:
    return int(hall.reader().execute("SELECT COUNT(*) FROM tickets").fetchone()[0])


def test_tap_to_ticket_shows_what_the_server_committed(
    kiosk: Any, sample_live: Any, qtbot: Any
) -> None:
    ticket = take_via_item(kiosk, qtbot, "GONGJIJIN", "GJJ-001")
    stored = sample_live.hall.ticket(ticket["id"])
    screen = kiosk.screens["ticket"]
    assert screen.number.text() == stored["number"] == "C001"
    assert "住房公积金" in screen.service.text() and "购买自住住房" in screen.service.text()
    # no window of the sample hall is open: nobody ahead, yet not "next", and no figure
    assert screen.ahead.text() == "前面没有人在等候"
    assert "暂无窗口办理" in screen.wait.text()
    paper = ticket_document(screen.issued.data, 48)
    assert screen.wait.text() in [b.text for b in paper if isinstance(b, Line)]
    assert screen.qr.data == sample_live.url + stored["status_url"]
    assert screen.qr.isVisible() and screen.qr.width() >= 240
    assert "居民身份证" in screen.bring.text()
    assert "取号时间" in screen.issued_at.text()
    assert screen.status.text() == "请记住您的号码，或拍下二维码。"  # no printer configured
    assert ticket_count(sample_live.hall) == 1


def test_escpos_ticket_bytes_hold_number_gb18030_text_and_qr(
    sample_live: Any, make_kiosk: Any, qtbot: Any
) -> None:
    kiosk = make_kiosk(sample_live.url, sample_live.tokens["kiosk"], printer="escpos+dummy://")
    with qtbot.waitSignal(kiosk.ctx.printer.printed, timeout=WAIT_MS) as printed:
        ticket = take_via_item(kiosk, qtbot, "HUJI", "HJ-004")
    job, result = printed.args
    assert (job.kind, job.tag, job.name) == ("ticket", ticket["id"], ticket["number"])
    assert result.ok
    data: bytes = result.data
    assert ticket["number"].encode() in data
    assert "户籍与身份证".encode("gb18030") in data
    assert "S市政务服务中心".encode("gb18030") in data
    assert b"\x1d(k" in data  # GS ( k: the printer's native QR code
    assert ticket["status_url"].encode() in data
    screen = kiosk.screens["ticket"]
    qtbot.waitUntil(lambda: screen.print_state == "printed", timeout=WAIT_MS)
    assert "取走号票" in screen.status.text()


def test_pdf_ticket_and_notice(
    sample_live: Any, make_kiosk: Any, qtbot: Any, tmp_path: Path
) -> None:
    kiosk = make_kiosk(sample_live.url, sample_live.tokens["kiosk"], printer=f"pdf://{tmp_path}")
    with qtbot.waitSignal(kiosk.ctx.printer.printed, timeout=WAIT_MS) as printed:
        ticket = take_via_item(kiosk, qtbot, "SHEBAO", "SB-001")
    result = printed.args[1]
    assert result.ok and result.path is not None and result.path.exists()
    doc = QPdfDocument()
    doc.load(str(result.path))
    assert ticket["number"] in doc.getAllText(0).text()
    # the one-time notice prints on the same backend
    kiosk.go("item", "GJJ-001")
    item = kiosk.screens["item"]
    assert item.print.isVisible()
    with qtbot.waitSignal(kiosk.ctx.printer.printed, timeout=WAIT_MS) as notice:
        tap(qtbot, item.print)
    job, result = notice.args
    assert job.kind == "notice" and job.name == "GJJ-001" and result.ok
    doc.load(str(result.path))
    # PDF text extraction maps some CJK glyphs to Kangxi radicals; NFKC folds them back
    text = unicodedata.normalize("NFKC", doc.getAllText(0).text())
    assert "一次性告知单" in text and "GJJ-001" in text and "购房合同" in text
    qtbot.waitUntil(lambda: "已打印" in item.print_status.text(), timeout=WAIT_MS)


def test_print_failure_keeps_ticket_on_screen_and_alerts_staff(
    sample_live: Any, make_kiosk: Any, qtbot: Any
) -> None:
    with socket.socket() as s:  # a port nobody listens on: the printer is "offline"
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    kiosk = make_kiosk(
        sample_live.url,
        sample_live.tokens["kiosk"],
        printer=f"escpos+tcp://127.0.0.1:{port}?timeout=1",
    )
    with qtbot.waitSignal(kiosk.ctx.printer.printed, timeout=WAIT_MS) as printed:
        ticket = take_via_item(kiosk, qtbot, "HUJI", "HJ-004")
    assert not printed.args[1].ok
    screen = kiosk.screens["ticket"]
    qtbot.waitUntil(lambda: screen.print_state == "failed", timeout=WAIT_MS)
    assert "号码依然有效" in screen.status.text() and "打印机未连接" in screen.status.text()
    assert screen.number.text() == ticket["number"] and screen.qr.isVisible()
    assert screen.remaining >= 40  # time to photograph the QR code

    def alerted() -> bool:
        events = sample_live.hall.events_after(0, 5000)
        return any(
            e.type == "print.failed" and e.payload["ticket_id"] == ticket["id"] for e in events
        )

    qtbot.waitUntil(alerted, timeout=WAIT_MS)
    assert sample_live.hall.ticket(ticket["id"])["status"] == "waiting"  # still valid


def test_ticket_screen_returns_home_by_itself(
    kiosk: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.ticket_kiosk.screens.ticket.RETURN_S", 1)
    take_via_item(kiosk, qtbot, "HUJI", "HJ-004")
    qtbot.waitUntil(lambda: kiosk.current[0] == "home", timeout=3000)
    assert kiosk.screens["ticket"].issued is None


def test_category_ticket_and_green_channel(
    kiosk: Any, sample_live: Any, qtbot: Any, speaker: Any
) -> None:
    kiosk.go("category", "SHEBAO")
    category = kiosk.screens["category"]
    assert not category.green.isVisible()  # the green channel is an elder-mode choice
    tap(qtbot, kiosk.header.elder)
    qtbot.waitUntil(category.green.isVisible, timeout=WAIT_MS)
    tap(qtbot, category.green)
    qtbot.waitUntil(lambda: kiosk.current[0] == "ticket", timeout=WAIT_MS)
    ticket = kiosk.screens["ticket"].issued.ticket
    assert ticket["priority"] == "green" and ticket["item"] is None
    assert kiosk.screens["ticket"].green.isVisible()
    # elder mode reads the number out, letter by letter and digit by digit
    qtbot.waitUntil(lambda: ticket["number"] in speaker.said[-1].text, timeout=WAIT_MS)
    assert speaker.said[-1].spoken.startswith("您的号码是 A 零 零 一")


def test_one_ticket_per_tap_even_when_tapped_twice(
    kiosk: Any, sample_live: Any, qtbot: Any
) -> None:
    kiosk.go("item", "HJ-004")
    take = kiosk.screens["item"].take
    take.click()
    take.click()  # the second tap of an impatient finger, while the first is in flight
    assert kiosk.cover.isVisible()
    qtbot.waitUntil(lambda: kiosk.current[0] == "ticket", timeout=WAIT_MS)
    qtbot.wait(300)
    assert ticket_count(sample_live.hall) == 1
    assert not kiosk.cover.isVisible()


def test_a_refused_ticket_is_never_shown(kiosk: Any, sample_live: Any, qtbot: Any) -> None:
    sample_live.hall.close_day()
    kiosk.go("item", "HJ-004")
    item = kiosk.screens["item"]
    tap(qtbot, item.take)
    qtbot.waitUntil(item.error.isVisible, timeout=WAIT_MS)
    assert "今日已停止取号" in item.error.text()
    assert kiosk.current[0] == "item"
    assert ticket_count(sample_live.hall) == 0
