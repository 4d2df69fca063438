"""Out of service: the hall server cannot be reached, so no ticket can be issued here.

Shown within seconds of the server going away (see service.py) and left by itself when it is
back. Says so in both languages at once, since the next person may read either, and sends
people to the help desk, where staff can issue tickets by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QFrame, QVBoxLayout

from ui.common.i18n import TRANSLATIONS
from ui.ticket_kiosk.context import FRONT_END, KioskContext
from ui.ticket_kiosk.screens.base import Nav, Screen
from ui.ticket_kiosk.widgets.common import label

DOTS_MS = 700
HEAD = str(QT_TRANSLATE_NOOP("OfflineScreen", "This kiosk is out of service"))
BODY = str(
    QT_TRANSLATE_NOOP(
        "OfflineScreen",
        "Please go to the help desk: staff there will give you a ticket and answer your questions.",
    )
)
OTHER = str(
    QT_TRANSLATE_NOOP("OfflineScreen", "Out of service. Please go to the help desk for a ticket.")
)


class OfflineScreen(Screen):
    name = "offline"
    show_back = False

    def __init__(self, ctx: KioskContext, nav: Nav) -> None:
        super().__init__(ctx, nav)
        self.setObjectName("OutOfService")
        self.dots = 0
        card = QFrame()
        card.setProperty("role", "offline")
        self.mark = label("offline-mark", "!", wrap=False)
        self.head = label("offline-title")
        self.body = label("offline-body")
        self.other = label("offline-other")
        self.retry = label("hint", wrap=False)
        c = QVBoxLayout(card)
        c.setContentsMargins(60, 48, 60, 48)
        c.setSpacing(22)
        c.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignHCenter)
        for w in (self.head, self.body, self.other, self.retry):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            c.addWidget(w)
        box = QVBoxLayout(self)
        box.setContentsMargins(120, 60, 120, 60)
        box.addStretch(1)
        box.addWidget(card)
        box.addStretch(2)
        self.timer = QTimer(self)
        self.timer.setInterval(DOTS_MS)
        self.timer.timeout.connect(self._tick)
        # Chinese for the second line when the kiosk shows English (read once, at start-up)
        self.zh = QTranslator(self)
        self.zh.load(str(TRANSLATIONS / f"{FRONT_END}_zh_CN.qm"))

    def title(self) -> str:
        return self.tr("Out of service")

    def enter(self, arg: object) -> None:
        self.timer.start()
        self.rebuild()

    def reset(self) -> None:
        self.timer.stop()

    def rebuild(self) -> None:
        self.head.setText(QCoreApplication.translate("OfflineScreen", HEAD))
        self.body.setText(QCoreApplication.translate("OfflineScreen", BODY))
        # the other language as well: the next person may read either
        other = OTHER if self.ctx.lang == "zh" else self.zh.translate("OfflineScreen", OTHER)
        self.other.setText(other or OTHER)
        self._tick()

    def _tick(self) -> None:
        self.dots = (self.dots + 1) % 4
        self.retry.setText(self.tr("Reconnecting automatically") + " ·" * self.dots)
