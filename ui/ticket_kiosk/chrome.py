"""The frame around every screen: a header (back, home, the screen's title, language and elder
mode) and a footer (hall name, date and time, catalog version), plus the "please wait" cover.

Language and elder mode sit in the header on every screen, not only at home: a citizen who
finds the text too small on the materials page should not have to start again.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.common.halltime import hall_now
from ui.ticket_kiosk.widgets.common import button, label


class TitleLabel(QLabel):
    """The screen's title: whole, on a second line when it is long (an item's full name in
    English, a narrow portrait header), never cut with "…" a citizen cannot tap open."""

    def __init__(self, role: str) -> None:
        super().__init__()
        self.setProperty("role", role)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full = text
        self.setText(text)


class Header(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Header")
        self.back = button("nav")
        self.back.setObjectName("Back")
        self.home = button("nav")
        self.home.setObjectName("Home")
        self.hall = label("header-hall", wrap=False)
        self.title = TitleLabel("header-title")
        self.lang = button("toggle")
        self.lang.setObjectName("Language")
        self.elder = button("toggle")
        self.elder.setObjectName("ElderMode")
        self.elder.setCheckable(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        row.setSpacing(16)
        row.addWidget(self.back)
        row.addWidget(self.home)
        row.addSpacing(8)
        row.addWidget(self.hall)
        row.addWidget(self.title, 1)
        row.addWidget(self.lang)
        row.addWidget(self.elder)

    def retranslate(self, lang: str, elder: bool) -> None:
        self.back.setText(self.tr("‹ Back"))
        self.home.setText(self.tr("Home"))
        # the button names the language it switches to, in that language
        self.lang.setText("English" if lang == "zh" else "中文")
        self.elder.setChecked(elder)
        self.elder.setText(self.tr("Standard mode") if elder else self.tr("Elder mode"))


class Footer(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Footer")
        self.timezone: str | None = None  # the hall's, once the catalog says it
        self.short_clock = False
        self.hall = label("footer", wrap=False)
        self.trial = label("footer-trial", wrap=False)  # `kiosk serve --always-open`
        self.trial.hide()
        self.clock = label("footer-clock", wrap=False)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.version = label("footer", wrap=False)
        self.version.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.trial.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid = QGridLayout(self)
        grid.setContentsMargins(24, 8, 24, 8)
        grid.addWidget(self.hall, 0, 0)
        grid.addWidget(self.clock, 0, 1)  # as wide as its text: the names take the rest
        grid.addWidget(self.version, 0, 2)
        # in trial mode the notice takes the catalog version's place: a fourth label would crowd
        # the others out on a narrow or elder panel, a second line take the screens' room
        grid.addWidget(self.trial, 0, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.tick()

    def set_info(
        self,
        hall: str,
        version: str,
        timezone: str | None = None,
        trial: str = "",
        short_clock: bool = False,
    ) -> None:
        """`trial`: the trial-mode notice (`kiosk serve --always-open`), shown in the catalog
        version's place. `short_clock` (elder mode): the weekday and time without the date, so
        the hall's name and the notice keep their room at elder type on a narrow panel."""
        self.timezone = timezone
        self.short_clock = short_clock
        self.hall.setText(hall)
        self.trial.setText(trial)
        self.trial.setVisible(bool(trial))
        self.version.setVisible(not trial)
        self.version.setText(self.tr("Catalog version {v}").format(v=version) if version else "")
        self.tick()  # in the hall's time zone from now on

    def tick(self) -> None:
        now = hall_now(self.timezone)
        fmt = self.tr("dddd HH:mm") if self.short_clock else self.tr("yyyy-MM-dd dddd HH:mm")
        text = QLocale().toString(now, fmt)
        if text != self.clock.text():
            self.clock.setText(text)


class BusyCover(QWidget):
    """Covers the window while a request is in flight: no second tap, and the citizen sees
    that something is happening."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("BusyCover")
        self.setProperty("overlay", True)  # covers the screen on purpose while a request runs
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        card = QFrame(self)
        card.setProperty("role", "busy")
        self.text = label("busy-text", wrap=False)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(60, 40, 60, 40)
        inner.addWidget(self.text)
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        box.addStretch(1)
        self.hide()

    def show_text(self, text: str | None) -> None:
        if text is None:
            self.hide()
            return
        self.text.setText(text)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
