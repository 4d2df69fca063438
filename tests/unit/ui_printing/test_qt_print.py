"""The Qt backends (PDF, system printer) and the dispatcher that picks a backend by URL."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import socket
import threading
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from kiosk.printing.errors import PrintErrorKind
from kiosk.printing.layout import (
    Cut,
    Line,
    NoticeData,
    NoticeMaterial,
    Size,
    TicketData,
    ticket_document,
)
from ui.printing import qt_backend
from ui.printing.dispatch import print_document, print_notice, print_ticket

pytestmark = pytest.mark.gui

HALL = "S市政务服务中心"
MM_PER_POINT = 25.4 / 72


def ticket(number: str = "A012") -> TicketData:
    return TicketData(
        hall_name=HALL,
        number=number,
        category_name="社保业务",
        item_name="城镇职工基本养老保险参保登记",
        issued_at=datetime(2026, 11, 27, 1, 5, tzinfo=UTC),
        timezone="Asia/Shanghai",
        people_ahead=5,
        estimated_wait_min=35,
        status_url="https://hall.example.gov.cn/t/370200-00/A012",
        materials=["居民身份证", "户口簿"],
    )


def notice() -> NoticeData:
    return NoticeData(
        hall_name=HALL,
        item_name="城镇职工基本养老保险参保登记",
        item_code="SB-001",
        department="市人力资源和社会保障局",
        issued_at=datetime(2026, 11, 27, 2, 0, tzinfo=UTC),
        timezone="Asia/Shanghai",
        materials=[NoticeMaterial("居民身份证"), NoticeMaterial("户口簿", "original_and_copy")],
        missing=[NoticeMaterial("户口簿", "copy", note="复印件不清晰")],
        window_no=3,
        clerk_name="张敏",
        ticket_number="A012",
        online_url="https://zwfw.example.gov.cn/item/SB-001",
    )


def pdf_text(path: Path) -> str:
    """All text of page one, NFKC-normalised.

    Qt's PDF ToUnicode map names some ideographs by their Kangxi radical twins (心 as ⼼);
    NFKC folds them back, which is also what a search over archived PDFs should do.
    """
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    try:
        return unicodedata.normalize("NFKC", doc.getAllText(0).text())
    finally:
        doc.close()


def page_size_mm(path: Path) -> tuple[float, float]:
    doc = QPdfDocument()
    doc.load(str(path))
    try:
        size = doc.pagePointSize(0)
        return size.width() * MM_PER_POINT, size.height() * MM_PER_POINT
    finally:
        doc.close()


def ink_fraction(path: Path) -> float:
    """Share of page one covered by ink (the render is transparent where the paper is)."""
    doc = QPdfDocument()
    doc.load(str(path))
    try:
        image = doc.render(0, QSize(300, 600))
    finally:
        doc.close()
    samples = [
        image.pixelColor(x, y)
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
    ]
    ink = sum(1 for c in samples if c.alpha() > 128 and c.lightness() < 128)
    return ink / len(samples)


def test_ticket_pdf_is_written_with_the_number(qapp: object, tmp_path: Path) -> None:
    result = print_ticket(f"pdf://{tmp_path}", ticket())
    assert result.ok and result.error is None and result.path is not None
    assert result.path.parent == tmp_path
    assert result.path.name.startswith("A012-") and result.path.suffix == ".pdf"
    assert result.path.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*.part"))  # written beside, then renamed into place
    text = pdf_text(result.path)
    assert "A012" in text
    assert HALL in text and "社保业务" in text and "前面等候" in text
    assert "2026-11-27 09:05" in text
    assert 0.01 < ink_fraction(result.path) < 0.6


@pytest.mark.parametrize(("paper", "width_mm"), [(80, 80.0), (58, 58.0)])
def test_pdf_page_is_paper_wide_and_fitted_to_content(
    qapp: object, tmp_path: Path, paper: int, width_mm: float
) -> None:
    result = print_ticket(f"pdf://{tmp_path}?paper={paper}", ticket())
    assert result.ok and result.path is not None
    width, height = page_size_mm(result.path)
    assert width == pytest.approx(width_mm, abs=0.5)
    assert 80 < height < 250  # a receipt, not an A4 sheet


def test_notice_pdf(qapp: object, tmp_path: Path) -> None:
    result = print_notice(f"pdf://{tmp_path}", notice())
    assert result.ok and result.path is not None
    assert result.path.name.startswith("notice-A012-")
    text = pdf_text(result.path)
    for expected in ("一次性告知单", "SB-001", "需补正的材料", "复印件不清晰", "张敏"):
        assert expected in text


def test_two_prints_in_the_same_second_get_two_files(qapp: object, tmp_path: Path) -> None:
    blocks = ticket_document(ticket(), 48)
    first = print_document(f"pdf://{tmp_path}", blocks, "A012")
    second = print_document(f"pdf://{tmp_path}", blocks, "A012")
    assert first.path != second.path
    assert len(list(tmp_path.glob("A012-*.pdf"))) == 2


def test_pdf_from_a_worker_thread(qapp: object, tmp_path: Path) -> None:
    results = []
    worker = threading.Thread(
        target=lambda: results.append(print_ticket(f"pdf://{tmp_path}", ticket("B007")))
    )
    worker.start()
    worker.join(60)
    assert results and results[0].ok and results[0].path is not None
    assert "B007" in pdf_text(results[0].path)


def test_overlong_latin_line_is_shrunk_not_clipped(qapp: object, tmp_path: Path) -> None:
    path = qt_backend.render_pdf([Line("W" * 48), Line("A9", Size.HUGE), Cut()], tmp_path / "w.pdf")
    assert "W" * 48 in pdf_text(path)


def test_unwritable_pdf_directory_is_a_failed_print(qapp: object, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    result = print_ticket(f"pdf://{blocker}/tickets", ticket())
    assert not result.ok and result.error is not None
    assert result.error.kind is PrintErrorKind.OFFLINE


def test_missing_system_printer_is_offline(qapp: object) -> None:
    result = print_ticket("system://No Such Printer", ticket())
    assert not result.ok and result.error is not None
    assert result.error.kind is PrintErrorKind.OFFLINE
    assert "No Such Printer" in result.error.detail


def test_system_printer_painting_on_a_pdf_qprinter(qapp: object, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "system.pdf"))
    qt_backend.render_to_printer(printer, ticket_document(ticket(), 48))
    assert "A012" in pdf_text(tmp_path / "system.pdf")
    assert page_size_mm(tmp_path / "system.pdf")[0] == pytest.approx(80, abs=0.5)


def test_escpos_urls_go_to_the_escpos_backend(qapp: object) -> None:
    result = print_ticket("escpos+dummy://?paper=58", ticket())
    assert result.ok and result.data is not None
    assert b"A012" in result.data and HALL.encode("gb18030") in result.data


def test_offline_escpos_printer_is_reported_not_raised(qapp: object) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = print_ticket(f"escpos+tcp://127.0.0.1:{port}?timeout=2", ticket())
    assert not result.ok and result.error is not None
    assert result.error.kind is PrintErrorKind.OFFLINE
    assert result.error.message("en").startswith("The printer is offline")


def test_bad_url_is_reported_not_raised(qapp: object) -> None:
    result = print_ticket("lpt://1", ticket())
    assert not result.ok and result.error is not None
    assert result.error.kind is PrintErrorKind.UNKNOWN
    assert "unknown scheme" in result.error.detail


def test_cjk_font_is_found(qapp: object) -> None:
    assert qt_backend.cjk_font_family() == "Noto Sans CJK SC"
