"""What the window needs from every screen, and what every screen may ask of the window.

Each screen renders from ``ctx`` (language, elder mode, portrait, the hall's data) in
``rebuild``; the base class calls it again when the language, mode or shape changes, so a
screen never has to know which of those happened. ``reset`` clears what a citizen typed or
chose (idle reset, and leaving for home).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QWidget

from ui.ticket_kiosk.context import KioskContext


class Nav(Protocol):
    def go(self, name: str, arg: object = None) -> None: ...

    def back(self) -> None: ...

    def home(self) -> None: ...

    def busy(self, text: str | None) -> None: ...


class Screen(QWidget):
    name = ""
    show_back = True  # the header's Back and Home buttons

    def __init__(self, ctx: KioskContext, nav: Nav) -> None:
        super().__init__()
        self.setObjectName(f"screen-{self.name}")
        self.ctx, self.nav = ctx, nav
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.rebuild)
        ctx.modeChanged.connect(self.rerender)
        ctx.hall.catalogChanged.connect(self.rerender)

    # --- for the subclass ---------------------------------------------------------------------
    def title(self) -> str:
        """The header text while this screen shows."""
        return ""

    def enter(self, arg: object) -> None:
        """Navigated to, with the argument given to ``nav.go``."""
        self.rebuild()

    def reset(self) -> None:
        """Forget what the citizen typed or chose."""

    def guidance(self) -> str:
        """What elder mode's voice says when this screen opens."""
        return ""

    def rebuild(self) -> None:
        """(Re)build texts and layout from ``ctx``."""

    # --- for the window -----------------------------------------------------------------------
    def rerender(self) -> None:
        """Coalesces the several LanguageChange events one switch sends into one render."""
        if not self._pending.isActive():
            self._pending.start()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.rerender()
        super().changeEvent(event)
