"""Print failures as one exception type with a kind the kiosk can act on.

A failed print never invalidates the ticket (the queue already holds it); the kiosk shows the
number on screen instead and tells staff. So callers need only two things: what kind of
failure (to choose the staff alert: refill paper vs. check the cable) and a message a citizen
can read, in Chinese and English.
"""

from __future__ import annotations

from enum import StrEnum


class PrintErrorKind(StrEnum):
    OFFLINE = "offline"  # not connected, unreachable, not found, switched off
    PAPER_OUT = "paper_out"  # the printer answered that its paper has run out
    UNKNOWN = "unknown"  # anything else (a driver error, a misconfigured printer URL)


_MESSAGES = {
    PrintErrorKind.OFFLINE: (
        "打印机未连接，请记下屏幕上的号码，或联系工作人员。",
        "The printer is offline. Please note the number on the screen or ask staff.",
    ),
    PrintErrorKind.PAPER_OUT: (
        "打印机缺纸，请记下屏幕上的号码，或联系工作人员。",
        "The printer is out of paper. Please note the number on the screen or ask staff.",
    ),
    PrintErrorKind.UNKNOWN: (
        "打印失败，请记下屏幕上的号码，或联系工作人员。",
        "Printing failed. Please note the number on the screen or ask staff.",
    ),
}


class PrintError(Exception):
    """A print that did not happen; ``detail`` is the technical cause for logs and staff."""

    def __init__(self, kind: PrintErrorKind, detail: str = "") -> None:
        self.kind = PrintErrorKind(kind)
        self.detail = detail
        self.message_zh, self.message_en = _MESSAGES[self.kind]
        super().__init__(f"{self.kind.value}: {detail}" if detail else self.kind.value)

    def message(self, lang: str = "zh") -> str:
        """The citizen-facing message in ``lang`` ("zh" or "en")."""
        return self.message_zh if lang == "zh" else self.message_en
