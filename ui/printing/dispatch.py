"""One call to print a document on whatever the printer URL names, never raising on failure.

Why a result instead of an exception: a failed print must not undo or hide the ticket (it is
already in the queue); the kiosk shows the number on screen and alerts staff from
``PrintResult.error``. Run it off the GUI thread: a network printer can take seconds to time
out. It uses no widgets, only QPdfWriter/QPrinter painting, which Qt allows on worker threads.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.printing.errors import PrintError, PrintErrorKind
from kiosk.printing.layout import (
    Block,
    ConsultationData,
    NoticeData,
    TicketData,
    consultation_document,
    notice_document,
    ticket_document,
)
from kiosk.printing.urls import PrinterUrlError, TargetKind, parse_printer_url
from ui.printing import qt_backend

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintResult:
    """What became of one print: ``ok``, or the :class:`PrintError` that stopped it.

    ``path`` is the PDF written (pdf:// targets); ``data`` the ESC/POS bytes sent.
    """

    url: str
    ok: bool
    error: PrintError | None = None
    path: Path | None = None
    data: bytes | None = None


def print_document(url: str, blocks: Sequence[Block], name: str) -> PrintResult:
    """Print ``blocks`` (laid out for this URL's paper) on ``url``; ``name`` names the job.

    ``name`` is the ticket number or a short label; it becomes the PDF file name and the
    system print job's title. Lay out ``blocks`` with ``parse_printer_url(url).width_chars``
    (or use :func:`print_ticket` / :func:`print_notice`, which do).
    """
    try:
        target = parse_printer_url(url)
        if target.is_escpos:
            # python-escpos takes a second to import: only a front end that prints on it pays
            from kiosk.printing.escpos_backend import print_blocks

            data = print_blocks(target, blocks)
            return PrintResult(url, True, data=data)
        if target.kind is TargetKind.PDF:
            path = qt_backend.print_pdf(blocks, target.path, name, target.paper_mm)
            return PrintResult(url, True, path=path)
        qt_backend.print_system(blocks, target.printer_name, name, target.paper_mm)
        return PrintResult(url, True)
    except PrintError as exc:
        log.warning("print of %s on %s failed: %s", name, url, exc)
        return PrintResult(url, False, error=exc)
    except PrinterUrlError as exc:
        log.error("printer URL is misconfigured: %s", exc)
        return PrintResult(url, False, error=PrintError(PrintErrorKind.UNKNOWN, str(exc)))
    except Exception as exc:  # a failed print must never take the kiosk down with it
        log.exception("unexpected print failure of %s on %s", name, url)
        return PrintResult(url, False, error=PrintError(PrintErrorKind.UNKNOWN, repr(exc)))


def _width(url: str) -> int:
    try:
        return parse_printer_url(url).width_chars
    except PrinterUrlError:
        return 48  # print_document reports the bad URL


def print_ticket(url: str, data: TicketData) -> PrintResult:
    """Lay out and print a queue ticket on ``url``."""
    return print_document(url, ticket_document(data, _width(url)), data.number)


def print_consultation(url: str, data: ConsultationData) -> PrintResult:
    """Lay out and print a consultation slip (its ZX number) on ``url``."""
    return print_document(url, consultation_document(data, _width(url)), data.number)


def print_notice(url: str, data: NoticeData) -> PrintResult:
    """Lay out and print a one-time notice (一次性告知单) on ``url``."""
    name = f"notice-{data.ticket_number or data.item_code or 'item'}"
    return print_document(url, notice_document(data, _width(url)), name)
