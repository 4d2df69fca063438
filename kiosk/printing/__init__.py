"""Ticket and one-time-notice printing, Qt-free.

One backend-neutral document model (:mod:`kiosk.printing.layout`) is laid out once for a given
paper width and then rendered by a backend chosen from a printer URL
(:mod:`kiosk.printing.urls`): ESC/POS thermal printers here
(:mod:`kiosk.printing.escpos_backend`), PDF files and system printers through Qt in
``ui.printing`` (the core must not import Qt). A failed print raises or reports
:class:`kiosk.printing.errors.PrintError`; it never invalidates the ticket that was issued.
"""

from kiosk.printing.errors import PrintError, PrintErrorKind
from kiosk.printing.layout import (
    Align,
    Block,
    ConsultationData,
    Cut,
    Feed,
    Line,
    NoticeData,
    NoticeMaterial,
    QrBlock,
    Rule,
    Size,
    TicketData,
    consultation_document,
    notice_document,
    ticket_document,
    wrap_text,
)
from kiosk.printing.urls import PrinterTarget, PrinterUrlError, TargetKind, parse_printer_url

__all__ = [
    "Align",
    "Block",
    "ConsultationData",
    "Cut",
    "Feed",
    "Line",
    "NoticeData",
    "NoticeMaterial",
    "PrintError",
    "PrintErrorKind",
    "PrinterTarget",
    "PrinterUrlError",
    "QrBlock",
    "Rule",
    "Size",
    "TargetKind",
    "TicketData",
    "consultation_document",
    "notice_document",
    "parse_printer_url",
    "ticket_document",
    "wrap_text",
]
