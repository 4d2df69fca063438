"""Opens a screen with sample input, for `make screenshots` (the hidden --screen option).

Driven through the same public calls a citizen's taps make, then ``window.ready`` tells the
runner to take the picture. Item GJJ-001 of the sample catalog is used because it has several
materials and an online option (so the QR code shows).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer

from ui.ticket_kiosk.screens.base import Screen
from ui.ticket_kiosk.screens.checkin import CheckinScreen
from ui.ticket_kiosk.screens.help import HelpScreen
from ui.ticket_kiosk.screens.item import ItemScreen
from ui.ticket_kiosk.screens.rejoin import RejoinScreen
from ui.ticket_kiosk.screens.search import SearchScreen
from ui.ticket_kiosk.screens.ticket import TicketScreen
from ui.ticket_kiosk.window import KioskWindow

S = TypeVar("S", bound=Screen)

ITEM = "GJJ-001"
CATEGORY = "HUJI"


def _when(condition: Callable[[], bool], then: Callable[[], None], tries: int = 100) -> None:
    if condition() or tries <= 0:
        then()
    else:
        QTimer.singleShot(50, lambda: _when(condition, then, tries - 1))


def drive(window: KioskWindow, screen: str, item: str | None = None) -> None:
    """Opens `screen`; the item and ticket screens show `item` (default GJJ-001), the layout
    test's longest-named item, say."""
    hall = window.ctx.hall

    def start() -> None:
        if window.current[0] == "offline":
            window.ready.emit()
            return
        if item and screen in ("item", "ticket"):
            _open_item(window, item)
            if screen == "item":
                window.ready.emit()
                return
        STEPS[screen](window)

    window.loaded.connect(lambda: _when(lambda: hall.index is not None, start))


def _screen(w: KioskWindow, name: str, kind: type[S]) -> S:
    screen = w.screens[name]
    assert isinstance(screen, kind)
    return screen


def _category(w: KioskWindow) -> None:
    w.go("category", CATEGORY)
    w.ready.emit()


def _open_item(w: KioskWindow, code: str) -> None:
    catalog = w.ctx.hall.catalog
    found = catalog.items.get(code) if catalog is not None else None
    w.go("category", str(found["category"]) if found else "GONGJIJIN")
    w.go("item", code if found else ITEM)


def _item(w: KioskWindow) -> None:
    _open_item(w, ITEM)
    w.ready.emit()


def _search(w: KioskWindow) -> None:
    w.go("search", "sfz")
    screen = _screen(w, "search", SearchScreen)
    faq = next((i for i, r in enumerate(screen.model.results) if r.kind == "faq"), None)
    if faq is not None:
        screen.open(screen.model.index(faq, 0))  # an answer open in place
    w.ready.emit()


def _ticket(w: KioskWindow) -> None:
    if w.current[0] != "item":
        _open_item(w, ITEM)
    _screen(w, "item", ItemScreen).take.click()
    screen = _screen(w, "ticket", TicketScreen)
    _when(lambda: w.current[0] == "ticket" and screen.print_state != "printing", w.ready.emit)


def _help(w: KioskWindow) -> None:
    w.go("help")
    screen = _screen(w, "help", HelpScreen)
    screen.topic_buttons[1].click()
    for key in "13812345678":
        screen.phone.keypad.key.emit(key)
    QTimer.singleShot(400, w.ready.emit)  # the staffing banner's answer


def _checkin(w: KioskWindow) -> None:
    w.go("checkin")
    _screen(w, "checkin", CheckinScreen).field.setText("K7Q2M9XA")
    w.ready.emit()


def _rejoin(w: KioskWindow) -> None:
    w.go("rejoin")
    for key in "A012":
        _screen(w, "rejoin", RejoinScreen).keypad.key.emit(key)
    w.ready.emit()


STEPS: dict[str, Callable[[KioskWindow], None]] = {
    "home": lambda w: w.ready.emit(),
    "category": _category,
    "item": _item,
    "search": _search,
    "ticket": _ticket,
    "help": _help,
    "checkin": _checkin,
    "rejoin": _rejoin,
}
