"""One line from a reader, classified: what a citizen showed the kiosk.

The formats are configurable (`LineFormat`) because readers differ: an ID-card reader types the
18-character number; a reader of the electronic social security card (电子社保卡) whose code is
decoded through the provincial platform types the holder's number behind a prefix; a booking
confirmation's QR code holds the booking code, bare or in a link. Each pattern names the part
it keeps (`id` or `code`); a line that matches none is UNKNOWN and the kiosk says it could not
read it, so a new reader never silently issues a wrong ticket.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

MAX_LINE = 512  # a reader's line longer than this is noise, not a card


class ScanKind(StrEnum):
    ID_NUMBER = "id_number"  # a resident ID card (or its number typed by a reader)
    SOCIAL_CARD = "social_card"  # 电子社保卡: the holder's ID number
    BOOKING = "booking"  # a booking's QR code: the booking code
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Scan:
    kind: ScanKind
    value: str  # the ID number or the booking code; the raw line for UNKNOWN

    @property
    def id_number(self) -> str | None:
        return self.value if self.kind in (ScanKind.ID_NUMBER, ScanKind.SOCIAL_CARD) else None


@dataclass(frozen=True)
class LineFormat:
    """Patterns tried in this order: ID number, social security card, booking."""

    id_number: str = r"(?P<id>\d{17}[\dXx]|\d{15})"
    social_card: str = r"(?:ESSC|SSC)[:|](?P<id>\d{17}[\dXx])(?:\|.*)?"
    booking: str = r"(?:APPT[:：]|https?://\S*[?&](?:appt|code)=)?(?P<code>[0-9A-Z]{8})"

    def compiled(self) -> tuple[tuple[ScanKind, re.Pattern[str], str], ...]:
        return (
            (ScanKind.ID_NUMBER, re.compile(self.id_number), "id"),
            (ScanKind.SOCIAL_CARD, re.compile(self.social_card), "id"),
            (ScanKind.BOOKING, re.compile(self.booking), "code"),
        )


DEFAULT_FORMAT = LineFormat()


def parse_line(line: str, fmt: LineFormat = DEFAULT_FORMAT) -> Scan:
    """What a reader's line is. Surrounding blanks and control characters are dropped."""
    text = "".join(ch for ch in line if ch.isprintable()).strip()[:MAX_LINE]
    for kind, pattern, group in fmt.compiled():
        m = pattern.fullmatch(text)
        if m:
            return Scan(kind, m.group(group).upper())
    return Scan(ScanKind.UNKNOWN, text)


OnScan = Callable[[Scan], None]


class Reader(Protocol):
    """A reader driver: it calls `on_scan` once per line read, from whichever thread it reads
    on (a front end passes the scan to its own thread before touching the screen)."""

    def start(self, on_scan: OnScan) -> None: ...

    def stop(self) -> None: ...
