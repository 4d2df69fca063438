"""ESC/POS thermal printers through python-escpos, in the printer's Chinese (GB18030) mode.

Why raw commands for text: python-escpos's magic encoder picks single-byte code pages and
mangles CJK (a complaint in every peer's tracker). Chinese printers (Xprinter, Gprinter and
most 58/80 mm models sold here) instead have a Chinese character mode entered with ``FS &``,
in which bytes are read as GB18030/GBK. So text goes out as ``text.encode("gb18030")`` and
python-escpos is used for what it does well: the native QR command (``GS ( k``), cutting and
the USB/TCP/file transports.

The whole document is rendered to bytes first (through the ``Dummy`` printer) and sent in one
write, so a document is either fully handed over or the failure happens before anything was
sent, and rendering is testable without hardware.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence

from escpos.constants import QR_ECLEVEL_M
from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError
from escpos.printer import Dummy, File, Network, Usb
from escpos.printer import usb as escpos_usb

from kiosk.printing.errors import PrintError, PrintErrorKind
from kiosk.printing.layout import PAPER_COLUMNS, Align, Block, Cut, Feed, Line, QrBlock, Rule
from kiosk.printing.urls import PrinterTarget, TargetKind

ESC = b"\x1b"
GS = b"\x1d"
FS = b"\x1c"
DLE_EOT = b"\x10\x04"

INIT = ESC + b"@"
CHINESE_MODE_ON = FS + b"&"  # FS &: two-byte characters are read as GB18030/GBK
ALIGN = {Align.LEFT: ESC + b"a\x00", Align.CENTER: ESC + b"a\x01", Align.RIGHT: ESC + b"a\x02"}
TEXT_ENCODING = "gb18030"

#: QR module size in dots per paper width: about 25 mm wide for a 40-60 character URL.
QR_MODULE_DOTS = {80: 6, 58: 5}


def _bold(on: bool) -> bytes:
    return ESC + b"E" + (b"\x01" if on else b"\x00")


def _size(scale: int) -> bytes:
    """``GS ! n``: width and height magnification (1-8) in the high and low nibble."""
    n = max(1, min(8, scale)) - 1
    return GS + b"!" + bytes([(n << 4) | n])


def _send(printer: Escpos, data: bytes) -> None:
    """python-escpos has no public call for raw bytes: `_raw` and `_read` are the transport
    hooks every one of its printer classes implements, so they are reached here alone."""
    printer._raw(data)  # noqa: SLF001


def _receive(printer: Escpos) -> bytes:
    reply: bytes = printer._read()  # noqa: SLF001
    return reply


def _line(printer: Escpos, line: Line) -> None:
    _send(printer, ALIGN[line.align] + _bold(line.bold))
    if line.indent and line.align is Align.LEFT:
        _send(printer, _size(1) + b" " * line.indent)  # indent counts normal-size columns
    _send(printer, _size(line.size.scale))
    _send(printer, line.text.encode(TEXT_ENCODING, errors="replace") + b"\n")


def render_escpos(blocks: Sequence[Block], paper_mm: int = 80) -> bytes:
    """The ESC/POS byte stream for ``blocks`` (laid out for ``paper_mm`` paper)."""
    width = PAPER_COLUMNS[paper_mm]
    printer = Dummy()
    _send(printer, INIT + CHINESE_MODE_ON)
    for block in blocks:
        if isinstance(block, Line):
            _line(printer, block)
        elif isinstance(block, Rule):
            rule = (b"=" if block.heavy else b"-") * width
            _send(printer, ALIGN[Align.LEFT] + _bold(False) + _size(1) + rule + b"\n")
        elif isinstance(block, QrBlock):
            _send(printer, ALIGN[Align.CENTER] + _bold(False) + _size(1))
            printer.qr(block.data, ec=QR_ECLEVEL_M, size=QR_MODULE_DOTS[paper_mm], native=True)
            _send(printer, b"\n" + ALIGN[Align.LEFT])
        elif isinstance(block, Feed):
            printer.print_and_feed(max(0, min(255, block.lines)))
        elif isinstance(block, Cut):
            _send(printer, ALIGN[Align.LEFT] + _bold(False) + _size(1))
            printer.cut()
    return printer.output


# --- sending ---------------------------------------------------------------------------------


def _make(target: PrinterTarget) -> Escpos:
    """The python-escpos printer object for ``target``, not yet connected."""
    if target.kind is TargetKind.TCP:
        return Network(target.host, target.port, timeout=target.timeout_s)
    if target.kind is TargetKind.FILE:
        # A missing /dev node means the printer is unplugged; opening it for writing would
        # create a regular file there that swallows every ticket until someone notices.
        if target.path.startswith("/dev/") and not os.path.exists(target.path):
            raise PrintError(PrintErrorKind.OFFLINE, f"{target.path} does not exist")
        return File(target.path)
    if target.kind is TargetKind.USB:
        if not escpos_usb.is_usable():
            raise PrintError(PrintErrorKind.OFFLINE, "USB support (pyusb) is not installed")
        endpoints = {"in_ep": target.in_ep, "out_ep": target.out_ep}
        return Usb(
            target.vendor_id,
            target.product_id,
            timeout=int(target.timeout_s * 1000),
            **{k: v for k, v in endpoints.items() if v is not None},
        )
    raise ValueError(f"not an ESC/POS device target: {target.url}")


def _open(target: PrinterTarget) -> Escpos:
    """Connect to the printer; any failure to reach it is an OFFLINE print error."""
    printer = _make(target)
    try:
        printer.open()
    except Exception as exc:  # DeviceNotFoundError, OSError, usb.core.NoBackendError, ...
        raise PrintError(PrintErrorKind.OFFLINE, f"{target.url}: {exc}") from exc
    return printer


def _status_byte(printer: Escpos, n: int) -> int | None:
    """Send ``DLE EOT n`` and return the reply byte, or None if the printer does not answer."""
    try:
        _send(printer, DLE_EOT + bytes([n]))
        reply = _receive(printer)
    except NotImplementedError:
        return None
    except Exception as exc:  # socket.timeout, usb.core.USBTimeoutError, ...
        if isinstance(exc, TimeoutError) or "timeout" in type(exc).__name__.lower():
            return None
        raise
    if not reply:
        return None
    byte = reply[0]
    # Every real-time status byte has bits 1 and 4 set and bits 0 and 7 clear.
    return byte if byte & 0x93 == 0x12 else None


def check_status(printer: Escpos) -> None:
    """Raise PAPER_OUT or OFFLINE when the printer reports it; silence means carry on."""
    paper = _status_byte(printer, 4)
    if paper is not None and paper & 0x60 == 0x60:
        raise PrintError(PrintErrorKind.PAPER_OUT, "the paper end sensor reports no paper")
    online = _status_byte(printer, 1)
    if online is not None and online & 0x08:
        raise PrintError(PrintErrorKind.OFFLINE, "the printer reports that it is offline")


def print_blocks(target: PrinterTarget, blocks: Sequence[Block]) -> bytes:
    """Print ``blocks`` on an ESC/POS ``target`` and return the bytes sent.

    ``escpos+dummy://`` sends nothing and only returns the bytes. Raises :class:`PrintError`
    (never anything else for a reachable-or-not printer); the caller keeps the ticket valid.
    """
    if not target.is_escpos:
        raise ValueError(f"not an ESC/POS target: {target.url} (use ui.printing.dispatch)")
    data = render_escpos(blocks, target.paper_mm)
    if target.kind is TargetKind.DUMMY:
        return data
    printer = _open(target)
    try:
        if target.query_status:
            check_status(printer)
        _send(printer, data)
        flush = getattr(printer, "flush", None)
        if callable(flush):
            flush()
    except PrintError:
        raise
    except (EscposError, OSError) as exc:
        raise PrintError(PrintErrorKind.OFFLINE, f"{target.url}: {exc}") from exc
    except Exception as exc:
        raise PrintError(PrintErrorKind.UNKNOWN, f"{target.url}: {exc!r}") from exc
    finally:
        # Closing a dead connection must not hide the real outcome.
        with contextlib.suppress(Exception):
            printer.close()
    return data
