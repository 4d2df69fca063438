"""Real-name tickets (刷身份证取号): the card on the reader, the electronic social security card's
code under the scanner, or the number typed on the on-screen keyboard.

The number is checked here first (the same GB 11643 check the server makes, kiosk/idcard.py) so
a misread card is said at once and in words; the server checks again and keeps only a keyed
hash. The screen shows nothing of the number but its masked form. A citizen of the green
channel age is offered it, with both choices equally large: it is never forced. A booking's QR
code read here checks the booking in.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QHideEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QBoxLayout, QLineEdit, QVBoxLayout

from kiosk.errors import Invalid
from kiosk.idcard import IdCard, parse_id_number
from kiosk.readers import Scan, ScanKind
from ui.common.wording import loc
from ui.ticket_kiosk.actions import TicketFlow
from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.screens.base import Nav, Screen
from ui.ticket_kiosk.wedge_input import WedgeInput
from ui.ticket_kiosk.widgets.common import button, label


class RealNameScreen(Screen):
    name = "realname"

    def __init__(self, ctx: KioskContext, nav: Nav, flow: TicketFlow) -> None:
        super().__init__(ctx, nav)
        self.flow = flow
        self.category: str = ""
        self.item: str | None = None
        self.card: IdCard | None = None
        self.wedge = WedgeInput(self)
        self.wedge.scanned.connect(self.on_scan)
        self.lead = label("lead")
        self.hint = label("body")
        self.field = QLineEdit()
        self.field.setObjectName("IdNumber")
        self.field.setMaxLength(18)
        self.field.setValidator(
            QRegularExpressionValidator(QRegularExpression("[0-9]{0,17}[0-9Xx]?"), self.field)
        )
        self.field.setInputMethodHints(
            Qt.InputMethodHint.ImhPreferNumbers | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.go = button("primary")
        self.go.setObjectName("SubmitIdNumber")
        self.go.clicked.connect(self.submit_typed)
        self.masked = label("section")
        self.masked.setObjectName("MaskedId")
        self.offer = label("lead")
        self.green = button("green")
        self.green.setObjectName("TakeGreen")
        self.normal = button("primary")
        self.normal.setObjectName("TakeNormal")
        self.green.clicked.connect(lambda: self._issue("green"))
        self.normal.clicked.connect(lambda: self._issue("normal"))
        self.choice = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.choice.setSpacing(18)
        self.choice.addWidget(self.green, 1)
        self.choice.addWidget(self.normal, 1)
        self.error = label("error")
        self.error.setObjectName("IdError")
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 24, 32, 24)
        box.setSpacing(18)
        box.addWidget(self.lead)
        box.addWidget(self.hint)
        box.addWidget(self.field)
        box.addWidget(self.go)
        box.addWidget(self.error)
        box.addWidget(self.masked)
        box.addWidget(self.offer)
        box.addLayout(self.choice)
        box.addStretch(1)
        self._show_offer(False)

    # --- screen ---------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Ticket by ID card")

    def guidance(self) -> str:
        return self.tr("Place your ID card on the reader, or type its number.")

    def enter(self, arg: object) -> None:
        category, item = arg if isinstance(arg, tuple) else (str(arg or ""), None)
        self.category, self.item = str(category), item
        self.reset()
        self.rebuild()
        self.wedge.start()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: QHideEvent) -> None:
        self.wedge.stop()  # scans only while this screen shows
        super().hideEvent(event)

    def reset(self) -> None:
        self.card = None
        self.field.clear()
        self.error.hide()
        self.masked.clear()
        self._show_offer(False)

    def rebuild(self) -> None:
        catalog = self.ctx.hall.catalog
        cat = catalog.category(self.category) if catalog and self.category else None
        name = loc(cat, "name", self.ctx.lang) if cat else ""
        lead = self.tr("{service}: place your ID card on the reader")
        self.lead.setText(lead.format(service=name))
        self.hint.setText(
            self.tr(
                "Or scan the QR code of your electronic social security card, or type the"
                " 18-digit number below. Only a masked form is kept."
            )
        )
        self.field.setPlaceholderText(self.tr("ID card number"))
        self.go.setText(self.tr("Confirm"))
        self.green.setText(self.tr("Green channel ticket"))
        self.normal.setText(self.tr("Normal ticket"))

    # --- reading --------------------------------------------------------------------------------
    def on_scan(self, scan: Scan) -> None:
        if not self.isVisible() or self.flow.in_flight:
            return
        self.field.clear()
        if scan.kind is ScanKind.BOOKING:
            self.error.hide()
            self.flow.issue(self._refused, appointment_code=scan.value)
        elif scan.id_number is not None:
            self.read(scan.id_number)
        else:
            self._refused(self.tr("The card could not be read. Please try again or type it."))

    def submit_typed(self) -> None:
        text = self.field.text().strip()
        if not text:
            self._refused(self.tr("Please place your ID card on the reader or type its number."))
            return
        self.field.clear()
        self.read(text)

    def read(self, number: str) -> None:
        """A number from the reader or the keyboard: checked, then a ticket or the offer."""
        try:
            card = parse_id_number(number, date.today())
        except Invalid as exc:
            self._refused(exc.message_zh if self.ctx.lang == "zh" else exc.message_en)
            return
        self.error.hide()
        self.card = card
        self.masked.setText(self.tr("ID card: {masked}").format(masked=card.masked))
        age = self.ctx.hall.issuing.green_channel_age
        if card.age_on(date.today()) >= age:
            self.offer.setText(
                self.tr(
                    "You are {age} or older: you may take a green channel ticket and be"
                    " served first. Which would you like?"
                ).format(age=age)
            )
            self._show_offer(True)
        else:
            self._issue("normal")

    def _issue(self, priority: str) -> None:
        if self.card is None:
            return
        self._show_offer(False)
        self.flow.issue(
            self._refused,
            category=self.category or None,
            item=self.item,
            priority=priority,
            id_number=self.card.number,
        )

    def _show_offer(self, shown: bool) -> None:
        for offered in (self.offer, self.green, self.normal):
            offered.setVisible(shown)
        self.field.setVisible(not shown)
        self.go.setVisible(not shown)

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
