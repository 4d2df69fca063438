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


def drive(window: KioskWindow, screen: str) -> None:
    hall = window.ctx.hall

    def start() -> None:
        if window.current[0] == "offline":
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


def _item(w: KioskWindow) -> None:
    w.go("category", "GONGJIJIN")
    w.go("item", ITEM)
    w.ready.emit()


def _search(w: KioskWindow) -> None:
    w.go("search", "sfz")
    screen = _screen(w, "search", SearchScreen)
    faq = next((i for i, r in enumerate(screen.model.results) if r.kind == "faq"), None)
    if faq is not None:
        screen.open(screen.model.index(faq, 0))  # an answer open in place
    w.ready.emit()


def _ticket(w: KioskWindow) -> None:
    w.go("category", "GONGJIJIN")
    w.go("item", ITEM)
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
