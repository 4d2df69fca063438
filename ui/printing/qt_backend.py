"""The same document blocks painted with QPainter: PDF files (QPdfWriter) and system printers.

Why this mirrors the thermal printer: the page is as wide as the paper (80 or 58 mm, not A4,
a common peer complaint), the text area is split into the same character columns the layout
used, and a CJK glyph is two columns wide, so lines that fit the thermal printer fit here and
break at the same places. Proportional latin glyphs are narrower than their two-column
budget; a line that would still overflow (a run of "W"s) is shrunk rather than clipped.

Everything here paints on QPdfWriter or QPrinter, never on widgets, so it may run on a worker
thread (QGuiApplication must exist). The page height is measured first and fitted to the
content, so a ticket is one short page rather than a mostly empty A4 sheet.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import qrcode
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.printing.errors import PrintError, PrintErrorKind
from kiosk.printing.layout import PAPER_COLUMNS, Align, Block, Cut, Feed, Line, QrBlock, Rule

log = logging.getLogger(__name__)

#: Printable width of the thermal print head per paper width (576 / 384 dots at 203 dpi).
PRINT_WIDTH_MM = {80: 72.0, 58: 48.0}
TOP_MARGIN_MM = 4.0
BOTTOM_MARGIN_MM = 8.0  # the feed a thermal printer does before cutting
PDF_DPI = 600

_PREFERRED_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
)
_family_lock = threading.Lock()
_family: str | None = None


def cjk_font_family() -> str:
    """A font family that has Chinese glyphs: Noto Sans CJK SC if installed, else any.

    Cached; call it once on the GUI thread at start-up to keep the font database lookup off
    the print path. Returns "" (Qt's default family) when no font supports Chinese.
    """
    global _family
    with _family_lock:
        if _family is None:
            families = QFontDatabase.families()
            chosen = next((f for f in _PREFERRED_FAMILIES if f in families), None)
            if chosen is None:
                chinese = QFontDatabase.WritingSystem.SimplifiedChinese
                chosen = next(
                    (f for f in families if chinese in QFontDatabase.writingSystems(f)), ""
                )
            if not chosen:
                log.warning("no font with Chinese glyphs found; printed Chinese will be boxes")
            _family = chosen
        return _family


# --- layout in device pixels -----------------------------------------------------------------


@dataclass(frozen=True)
class _Geometry:
    """Paper geometry in device pixels for one resolution."""

    dpi: float
    paper_mm: int
    columns: int

    def px(self, mm: float) -> float:
        return mm / 25.4 * self.dpi

    def mm(self, px: float) -> float:
        return px / self.dpi * 25.4

    @property
    def content_width(self) -> float:
        return self.px(PRINT_WIDTH_MM[self.paper_mm])

    @property
    def left(self) -> float:
        return self.px((self.paper_mm - PRINT_WIDTH_MM[self.paper_mm]) / 2)

    @property
    def column(self) -> float:
        return self.content_width / self.columns

    @property
    def normal_px(self) -> float:
        """Font pixel size at which a CJK glyph (one em) spans two columns."""
        return 2 * self.column


def _font(family: str, pixel_size: float, bold: bool) -> QFont:
    font = QFont(family) if family else QFont()
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if hasattr(font, "setFeature"):  # Qt >= 6.7
        # Noto Sans CJK's 'locl' swaps latin glyphs for ones that are not in its cmap, and
        # Qt's PDF ToUnicode map then loses them: "A012" would extract as "A". The default
        # (locl-free) glyphs are the Simplified Chinese forms we want anyway.
        font.setFeature(QFont.Tag("locl"), 0)
    return font


@dataclass(frozen=True)
class _Placed:
    """A block with its top edge and height on the page, ready to paint."""

    block: Block
    top: float
    height: float
    font: QFont | None = None
    x: float = 0.0
    ascent: float = 0.0


def _place_line(line: Line, top: float, g: _Geometry, device: QPagedPaintDevice) -> _Placed:
    family = cjk_font_family()
    pixel_size = g.normal_px * line.size.scale
    font = _font(family, pixel_size, line.bold)
    metrics = QFontMetricsF(font, device)
    indent = g.column * line.indent if line.align is Align.LEFT else 0.0
    available = g.content_width - indent
    width = metrics.horizontalAdvance(line.text)
    if width > available:  # shrink rather than clip (wide latin glyphs)
        font = _font(family, pixel_size * available / width * 0.98, line.bold)
        metrics = QFontMetricsF(font, device)
        width = metrics.horizontalAdvance(line.text)
    if line.align is Align.CENTER:
        x = g.left + (g.content_width - width) / 2
    elif line.align is Align.RIGHT:
        x = g.left + g.content_width - width
    else:
        x = g.left + indent
    height = metrics.ascent() + metrics.descent()
    return _Placed(line, top, height, font, x, metrics.ascent())


def _qr_side(g: _Geometry) -> float:
    return min(g.content_width * 0.45, g.px(30.0))


def _layout(
    blocks: Sequence[Block], g: _Geometry, device: QPagedPaintDevice
) -> list[tuple[list[_Placed], float]]:
    """Pages (split at each Cut) as placed blocks plus the page height in pixels."""
    normal_height = _place_line(Line("国"), 0, g, device).height
    pages: list[tuple[list[_Placed], float]] = []
    placed: list[_Placed] = []
    y = g.px(TOP_MARGIN_MM)
    for block in blocks:
        if isinstance(block, Line):
            item = _place_line(block, y, g, device)
        elif isinstance(block, Rule):
            item = _Placed(block, y, normal_height * 0.7)
        elif isinstance(block, QrBlock):
            item = _Placed(block, y, _qr_side(g) + normal_height * 0.6)
        elif isinstance(block, Feed):
            item = _Placed(block, y, normal_height * max(0, block.lines))
        elif isinstance(block, Cut):
            pages.append((placed, y + g.px(BOTTOM_MARGIN_MM)))
            placed, y = [], g.px(TOP_MARGIN_MM)
            continue
        else:
            continue
        placed.append(item)
        y += item.height
    if placed or not pages:
        pages.append((placed, y + g.px(BOTTOM_MARGIN_MM)))
    return pages


# --- painting --------------------------------------------------------------------------------


def _paint_qr(painter: QPainter, data: str, top: float, g: _Geometry, pad: float) -> None:
    """The QR as filled module runs of one path: crisp at any resolution, no seams."""
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    n = len(matrix)
    module = max(1.0, float(int(_qr_side(g) / n)))
    x0 = g.left + (g.content_width - module * n) / 2
    y0 = top + pad
    path = QPainterPath()
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.addRect(
                    QRectF(x0 + start * module, y0 + r * module, (c - start) * module, module)
                )
            else:
                c += 1
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillPath(path, QColor("black"))
    painter.restore()


def _paint(painter: QPainter, placed: Sequence[_Placed], g: _Geometry) -> None:
    painter.setPen(QColor("black"))
    for item in placed:
        block = item.block
        if isinstance(block, Line) and item.font is not None:
            painter.setFont(item.font)
            painter.drawText(QPointF(item.x, item.top + item.ascent), block.text)
        elif isinstance(block, Rule):
            pen = QPen(QColor("black"))
            pen.setWidthF(g.px(0.45 if block.heavy else 0.2))
            pen.setStyle(Qt.PenStyle.SolidLine if block.heavy else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = item.top + item.height / 2
            painter.drawLine(QPointF(g.left, y), QPointF(g.left + g.content_width, y))
            painter.setPen(QColor("black"))
        elif isinstance(block, QrBlock):
            _paint_qr(painter, block.data, item.top, g, (item.height - _qr_side(g)) / 2)


def _page_size(g: _Geometry, height_px: float) -> QPageSize:
    size = QSizeF(g.paper_mm, max(g.mm(height_px), 20.0))
    return QPageSize(
        size,
        QPageSize.Unit.Millimeter,
        f"{g.paper_mm}mm roll",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def _render(device: QPagedPaintDevice, blocks: Sequence[Block], g: _Geometry) -> None:
    """Measure, size the pages to fit and paint ``blocks`` on ``device``."""
    pages = _layout(blocks, g, device)
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    device.setPageSize(_page_size(g, pages[0][1]))
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError(PrintErrorKind.UNKNOWN, "could not start painting on the print device")
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for i, (placed, height) in enumerate(pages):
            if i:
                device.setPageSize(_page_size(g, height))
                device.newPage()
            _paint(painter, placed, g)
    finally:
        painter.end()


# --- the two targets -------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^\w.-]+")


def pdf_path(directory: Path, name: str, now: datetime | None = None) -> Path:
    """``DIR/<name>-<timestamp>.pdf``, with a counter if that file already exists."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    stem = f"{_UNSAFE.sub('_', name).strip('_') or 'document'}-{stamp}"
    path = directory / f"{stem}.pdf"
    counter = 2
    while path.exists():
        path = directory / f"{stem}-{counter}.pdf"
        counter += 1
    return path


def render_pdf(blocks: Sequence[Block], path: Path, paper_mm: int = 80, title: str = "") -> Path:
    """Write ``blocks`` to the PDF ``path`` (written beside it, then renamed into place)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.part")
        partial.write_bytes(b"")  # fail here, in Python, rather than as a Qt warning
    except OSError as exc:
        raise PrintError(PrintErrorKind.OFFLINE, f"cannot write {path}: {exc}") from exc
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_DPI)
    writer.setCreator("hall-kiosk")
    writer.setTitle(title or path.stem)
    try:
        try:
            _render(writer, blocks, _Geometry(PDF_DPI, paper_mm, PAPER_COLUMNS[paper_mm]))
        finally:
            del writer  # QPainter.end() wrote the file; this releases it
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PrintError(PrintErrorKind.UNKNOWN, f"cannot finish {path}: {exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


def print_pdf(
    blocks: Sequence[Block], directory: str | Path, name: str, paper_mm: int = 80
) -> Path:
    """A PDF per document in ``directory`` (the ``pdf:///DIR`` target); returns its path."""
    path = pdf_path(Path(directory), name)
    return render_pdf(blocks, path, paper_mm, title=name)


def system_printer(name: str) -> QPrinter:
    """A QPrinter for the system printer ``name`` ("" = the default); OFFLINE if none."""
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        known = ", ".join(QPrinterInfo.availablePrinterNames()) or "none"
        wanted = repr(name) if name else "a default printer"
        raise PrintError(PrintErrorKind.OFFLINE, f"no system printer {wanted} (known: {known})")
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def render_to_printer(printer: QPrinter, blocks: Sequence[Block], paper_mm: int = 80) -> None:
    """Paint ``blocks`` on a prepared QPrinter; its state is checked afterwards."""
    printer.setFullPage(True)
    g = _Geometry(printer.resolution(), paper_mm, PAPER_COLUMNS[paper_mm])
    _render(printer, blocks, g)
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintError(PrintErrorKind.UNKNOWN, "the system printer reported an error")


def print_system(blocks: Sequence[Block], name: str, title: str, paper_mm: int = 80) -> None:
    """Print on the system printer ``name`` (the ``system://NAME`` target)."""
    printer = system_printer(name)
    printer.setDocName(title)
    render_to_printer(printer, blocks, paper_mm)
