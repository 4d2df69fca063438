"""Where a demo's windows go: tiles over the screens there are, not stacked at (0, 0).

`kiosk demo` opens five or six front ends on one machine. Each is told its tile ("2/6") and
places itself: the screens are shared out in order (a second screen takes the second half of
the windows), and each screen's available area is cut into a grid of equal cells.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect

TITLE_BAR = 32  # what a window manager usually adds above the client area


def parse_tile(text: str) -> tuple[int, int]:
    """ "2/6" -> (2, 6): tile 2 of 6 (counted from 0); ValueError when it is not that."""
    index, _, count = text.partition("/")
    i, n = int(index), int(count)
    if not 0 <= i < n:
        raise ValueError(f"tile {text!r}: want INDEX/COUNT with 0 <= INDEX < COUNT")
    return i, n


def tile_rect(index: int, count: int, screens: list[QRect]) -> QRect:
    """The client area of window `index` of `count` over `screens` (their available areas)."""
    if not screens:
        return QRect(0, 0, 1280, 800)
    per_screen = math.ceil(count / len(screens))
    on = min(index // per_screen, len(screens) - 1)
    screen, first = screens[on], on * per_screen
    here = count - first if on == len(screens) - 1 else per_screen
    slot = index - first
    cols = math.ceil(math.sqrt(here * screen.width() / max(1, screen.height()) / (16 / 9)))
    cols = max(1, min(here, cols))
    rows = math.ceil(here / cols)
    w, h = screen.width() // cols, screen.height() // rows
    col, row = slot % cols, slot // cols
    return QRect(screen.x() + col * w, screen.y() + row * h + TITLE_BAR, w, max(1, h - TITLE_BAR))
