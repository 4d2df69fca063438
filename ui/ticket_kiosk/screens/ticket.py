"""The ticket on screen: the number very large, where the citizen stands in the queue, and a QR
code to the citizen's status page. It stays readable (and photographable) whatever the printer
does, and returns home by itself after a few seconds, later if the print failed.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QVBoxLayout

from kiosk.printing.layout import wait_line
from ui.printing.dispatch import PrintResult
from ui.printing.printer import PrintJob
from ui.ticket_kiosk.actions import IssuedTicket
from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.screens.base import Nav, Screen
from ui.ticket_kiosk.screens.ticket_status import PrintStatus
from ui.ticket_kiosk.texts import ahead_text
from ui.ticket_kiosk.widgets.balanced import BalancedLabel
from ui.ticket_kiosk.widgets.common import button, label, restyle
from ui.ticket_kiosk.widgets.qr import QrView

RETURN_S = 12
FAILED_RETURN_S = 45  # time to photograph the QR code or note the number


class TicketScreen(Screen):
    name = "ticket"
    show_back = False

    def __init__(self, ctx: KioskContext, nav: Nav) -> None:
        super().__init__(ctx, nav)
        self.issued: IssuedTicket | None = None
        self.remaining = RETURN_S
        self.hall = label("ticket-hall")
        self.caption = label("ticket-caption")
        self.number = label("ticket-number", wrap=False)
        self.number.setObjectName("TicketNumber")
        self.green = label("tag")
        restyle(self.green, "kind", "green")
        self.service = label("ticket-service")
        self.ahead = label("ticket-fact")
        self.wait = label("ticket-fact")
        for fact in (self.ahead, self.wait):
            fact.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.issued_at = label("hint")
        self.note = BalancedLabel("note")
        for w in (self.hall, self.caption, self.number, self.service, self.note):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QrView(300)
        self.scan = BalancedLabel("hint")
        self.bring = BalancedLabel("bring")
        self.status = PrintStatus()
        self.countdown = label("hint", wrap=False)
        self.done = button("primary")
        self.done.clicked.connect(nav.home)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        ctx.printer.printed.connect(self._printed)

        card = QFrame()
        card.setProperty("role", "ticket")
        c = QVBoxLayout(card)
        c.setContentsMargins(40, 20, 40, 20)
        c.setSpacing(8)
        c.addStretch(1)
        for w in (self.hall, self.caption, self.number):
            c.addWidget(w)
        c.addWidget(self.green, 0, Qt.AlignmentFlag.AlignHCenter)
        c.addWidget(self.service)
        # side by side where the card is wide, one over the other where it is not
        self.facts = facts = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        facts.setSpacing(12)
        facts.addWidget(self.ahead)
        facts.addWidget(self.wait)
        c.addLayout(facts)
        c.addWidget(self.issued_at, 0, Qt.AlignmentFlag.AlignHCenter)
        c.addWidget(self.note)
        c.addStretch(1)
        self.side = QFrame()
        self.side.setProperty("role", "card")
        s = QVBoxLayout(self.side)
        s.setContentsMargins(28, 28, 28, 28)
        s.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        s.addWidget(self.scan)
        s.addSpacing(12)
        s.addWidget(self.bring)
        s.addStretch(1)
        self.main = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.main.setSpacing(24)
        self.main.addWidget(card, 1)
        self.main.addWidget(self.side)
        bar = QHBoxLayout()
        bar.setSpacing(24)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.countdown)
        bar.addWidget(self.done)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 20, 32, 24)
        box.setSpacing(18)
        box.addLayout(self.main, 1)
        box.addLayout(bar)

    def enter(self, arg: object) -> None:
        assert isinstance(arg, IssuedTicket)
        self.issued = arg
        self.status.set_state("printing" if arg.printing else "")
        self.remaining = RETURN_S
        self.timer.start()
        self.rebuild()

    def reset(self) -> None:
        self.timer.stop()
        self.issued = None

    def title(self) -> str:
        return self.tr("Your ticket")

    def guidance(self) -> str:
        t = self.issued.ticket if self.issued else {}
        return self.tr("Your number is {number}. {ahead}. Please listen for your number.").format(
            number=t.get("number", ""),
            ahead=ahead_text(
                int(t.get("ahead") or 0), callable_now=t.get("estimate_reason") != "no_window"
            ),
        )

    def rebuild(self) -> None:
        if self.issued is None:
            return
        d = self.issued.data
        portrait = self.ctx.portrait
        self.main.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        if portrait:
            self.side.setMinimumWidth(0)
            self.side.setMaximumWidth(16777215)
        else:
            self.side.setFixedWidth(320 if self.ctx.compact else 460)
        self.qr.set_side((160 if self.ctx.elder else 200) if self.ctx.compact else 300)
        self.facts.setDirection(
            QBoxLayout.Direction.TopToBottom
            if self.ctx.compact and not portrait
            else QBoxLayout.Direction.LeftToRight
        )
        self.hall.setText(d.hall_name)
        # elder landscape needs the room; the header names the hall there
        self.hall.setVisible(not (self.ctx.elder and not portrait))
        self.caption.setText(self.tr("Your number"))
        self.number.setText(d.number)
        self.green.setText(self.tr("Green channel"))
        self.green.setVisible(d.green_channel)
        self.service.setText(" · ".join(x for x in (d.category_name, d.item_name) if x))
        self.ahead.setText(ahead_text(d.people_ahead, callable_now=not d.no_window))
        # worded as the printed ticket words it, in the screen's language of the moment
        self.wait.setText(wait_line(replace(d, lang="en" if self.ctx.lang == "en" else "zh")))
        self.issued_at.setText(
            self.tr("Issued at {time}").format(time=d.issued_at.strftime("%Y-%m-%d %H:%M"))
        )
        self.note.setText(self.issued.note)
        self.note.setVisible(bool(self.issued.note))
        self.qr.set_data(d.status_url)
        self.scan.setText(self.tr("Scan to follow your place in the queue on your phone"))
        names = "、".join(d.materials) if self.ctx.lang == "zh" else ", ".join(d.materials)
        self.bring.setText(self.tr("Please have ready: {names}").format(names=names))
        self.bring.setVisible(bool(d.materials))
        self.done.setText(self.tr("Done"))
        self._render_status()

    @property
    def print_state(self) -> str:
        return self.status.state

    def _render_status(self) -> None:
        self.status.rebuild()
        self.countdown.setText(self.tr("Back to start in {s} s").format(s=self.remaining))

    def _printed(self, job: PrintJob, result: PrintResult) -> None:
        if job.kind != "ticket" or self.issued is None:
            return
        if str(self.issued.ticket.get("id")) != job.tag:
            return
        if result.ok:
            self.status.set_state("printed")
        else:
            self.status.set_state("failed", result.error.kind.value if result.error else "")
            self.remaining = max(self.remaining, FAILED_RETURN_S)
        self._render_status()

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.timer.stop()
            self.nav.home()
        else:
            self._render_status()
