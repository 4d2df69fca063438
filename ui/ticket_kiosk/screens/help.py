"""Ask for help (我要咨询): a topic or a question, an optional phone number for a call-back,
and whether the help desk is staffed right now.

Help-desk presence (GET /helpdesk/status) is another team's new endpoint; a 404 means "not known
yet" and the screen simply says nothing about staffing. When nobody is on duty the server may
turn the question into a ticket for general enquiries (the answer carries ``ticket``); the
kiosk then shows and prints that ticket like any other.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.help_topics import OTHER, canonical, topic_names
from ui.common import paths
from ui.common.wrap_button import WrapButton
from ui.printing.documents import consultation_data
from ui.ticket_kiosk.actions import TicketFlow
from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.screens.base import Nav, Screen
from ui.ticket_kiosk.screens.help_parts import PhoneEntry, ResultPanel, StaffingBanner
from ui.ticket_kiosk.widgets.common import button, discard, label


class HelpScreen(Screen):
    name = "help"

    def __init__(self, ctx: KioskContext, nav: Nav, flow: TicketFlow) -> None:
        super().__init__(ctx, nav)
        self.flow = flow
        self.topic = ""
        self.banner = StaffingBanner(ctx)
        self.topic_label = label("section")
        self.topics = QGridLayout()
        self.topics.setSpacing(12)
        self.topic_buttons: list[WrapButton] = []
        self._columns = 2
        self.question_label = label("section")
        self.question = QLineEdit()
        self.question.setObjectName("Question")
        self.question.setMaxLength(200)
        self.phone = PhoneEntry()
        self.error = label("error")
        self.submit = button("primary")
        self.submit.setObjectName("SubmitHelp")
        self.submit.clicked.connect(self._submit)
        self.result = ResultPanel()
        self.result.done.clicked.connect(nav.home)

        form = QWidget()
        left = QVBoxLayout()
        left.setSpacing(14)
        left.addWidget(self.banner)
        left.addWidget(self.topic_label)
        left.addLayout(self.topics)
        left.addWidget(self.question_label)
        left.addWidget(self.question)
        left.addStretch(1)
        left.addWidget(self.error)
        left.addWidget(self.submit)
        self.form_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, form)
        self.form_box.setContentsMargins(0, 0, 0, 0)
        self.form_box.setSpacing(32)
        self.form_box.addLayout(left, 3)
        self.form_box.addWidget(self.phone, 2)
        self.pages = QStackedWidget()
        self.pages.addWidget(form)
        self.pages.addWidget(self.result)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 20, 32, 24)
        box.addWidget(self.pages)

    def title(self) -> str:
        return self.tr("Ask for help")

    def guidance(self) -> str:
        return self.tr("Choose what your question is about, then tap Send to the help desk.")

    def enter(self, arg: object) -> None:
        self.pages.setCurrentIndex(0)
        self.banner.refresh()
        self.rebuild()

    def reset(self) -> None:
        self.topic = ""
        self.question.clear()
        self.phone.clear()
        self.error.hide()
        self.pages.setCurrentIndex(0)
        for b in self.topic_buttons:
            b.setChecked(False)

    def topic_texts(self) -> list[str]:
        return topic_names(self.ctx.lang, self.ctx.elder)

    def rebuild(self) -> None:
        self.form_box.setDirection(
            QBoxLayout.Direction.TopToBottom
            if self.ctx.portrait
            else QBoxLayout.Direction.LeftToRight
        )
        self.topic_label.setText(self.tr("1. What is it about?"))
        self.question_label.setText(self.tr("2. Your question (optional)"))
        self.question.setPlaceholderText(
            self.tr("For example: what do I need to renew my ID card?")
        )
        self.submit.setText(self.tr("Send to the help desk"))
        # elder mode: choose, do not type (fewer steps, no keyboard)
        self.question_label.setVisible(not self.ctx.elder)
        self.question.setVisible(not self.ctx.elder)
        texts = self.topic_texts()
        columns = 3 if self.ctx.compact and not self.ctx.portrait and not self.ctx.elder else 2
        if [b.full_text() for b in self.topic_buttons] != texts or columns != self._columns:
            self._columns = columns
            for b in self.topic_buttons:
                discard(b)
            self.topic_buttons = []
            for i, text in enumerate(texts):
                b = WrapButton(text, "choice")  # a long English topic takes two lines
                b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                b.setCheckable(True)
                b.setChecked(canonical(text) == self.topic)
                b.clicked.connect(lambda _=False, t=text: self._choose(t))
                self.topics.addWidget(b, i // columns, i % columns)
                self.topic_buttons.append(b)
        self.phone.retranslate()
        self.banner.rebuild()
        self.result.retranslate()

    def _choose(self, topic: str) -> None:
        self.topic = canonical(topic)  # sent in Chinese whatever the screen's language
        for b in self.topic_buttons:
            b.setChecked(canonical(b.full_text()) == self.topic)

    def _submit(self) -> None:
        self.error.hide()
        question = self.question.text().strip()
        if not self.topic and not question:
            return self._refused(self.tr("Please choose a topic or type your question."))
        if self.phone.digits and not self.phone.valid:
            return self._refused(self.tr("Please check the phone number, or clear it."))
        body: dict[str, Any] = {"topic": self.topic or OTHER[0]}
        if question:
            body["question"] = question
        if self.phone.digits:
            body["phone"] = self.phone.digits
        self.nav.busy(self.tr("Sending…"))
        call = self.ctx.api.post(paths.CONSULTATIONS, body)
        self.ctx.send(call, self._sent, self._refused, lambda: self.nav.busy(None))

    def _sent(self, answer: Any) -> None:
        self.nav.busy(None)
        if not isinstance(answer, dict):
            return
        ticket = answer.get("ticket")
        if isinstance(ticket, dict) and ticket.get("number"):
            note = self.tr(
                "Nobody is at the help desk right now, so here is a ticket for general enquiries."
            )
            self.flow.show(ticket, note, print_it=True)
            return
        self.result.show_answer(answer, self.banner.staffed)
        if self.ctx.printer.configured:  # the number to keep, which staff will call out
            catalog = self.ctx.hall.catalog
            slip = consultation_data(catalog.data if catalog else {}, answer, self.ctx.lang)
            self.ctx.printer.consultation(slip, tag=str(answer.get("id") or ""))
        self.pages.setCurrentIndex(1)
        self.ctx.say(self.result.spoken())

    def _refused(self, message: str) -> None:
        self.nav.busy(None)
        self.error.setText(message)
        self.error.show()
