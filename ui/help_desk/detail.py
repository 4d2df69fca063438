"""The right side of the consultation page: one question, who owns it, and what can be done.

The panel shows the row as the live stream left it and changes only when the server says so:
a claim, an answer or a conversion is a request whose refusal (409: someone else owns it,
首问负责) is shown here in the server's own words; its success arrives as the event.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.help_topics import topic_name
from ui.common.i18n import current_lang
from ui.help_desk.actions import ActionArea
from ui.help_desk.items import ItemLinks
from ui.help_desk.texts import local_time, source_name, status_name

SUPERVISORS = ("supervisor", "admin")


class ConsultationPanel(QFrame):
    request = Signal(str, str, dict)  # consultation id, step, body
    print_notice = Signal(str)  # item code
    print_ticket = Signal(str)  # ticket id

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("detailPanel")
        self.row: dict[str, Any] | None = None
        self.me, self.role = "", ""
        self.names: dict[str, str] = {}
        self.number = QLabel()
        self.number.setProperty("role", "number")
        self.status = QLabel()
        self.status.setProperty("role", "chip")
        self.meta = QLabel()
        self.meta.setProperty("role", "hint")
        self.owner = QLabel()
        self.owner.setProperty("role", "owner")
        self.question = QLabel()
        self.question.setProperty("role", "question")
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claim_button = QPushButton(self.tr("Claim: I will answer this"))
        self.claim_button.setProperty("role", "primary")
        self.blocked = QLabel()  # why claiming and queue numbers are off (offline)
        self.blocked.setProperty("role", "hint")
        self.blocked.setWordWrap(True)
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText(self.tr("Answer for the citizen"))
        self.answer.setFixedHeight(130)
        self.items = ItemLinks()
        self.action_area = ActionArea()
        self.action_area.answer_source = lambda: (
            self.answer.toPlainText().strip(),
            self.items.codes(),
        )
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.history = QLabel()
        self.history.setProperty("role", "history")
        self.history.setWordWrap(True)
        self.empty = QLabel(self.tr("Choose a question on the left."))
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        top.addWidget(self.owner)
        box = QVBoxLayout(self)
        box.addWidget(self.empty)
        box.addLayout(top)
        top_down: tuple[QWidget, ...] = (self.meta, self.question, self.blocked, self.claim_button)
        for w in (*top_down, self.answer, self.items):
            box.addWidget(w)
        box.addWidget(self.action_area)
        box.addWidget(self.feedback)
        box.addWidget(self.history)
        box.addStretch(1)
        self.claim_button.clicked.connect(lambda: self._ask("claim", {}))
        self.action_area.requested.connect(self._ask)
        self.action_area.make_faq.connect(lambda: self._ask("faq", {}))
        self.action_area.hint.connect(lambda text: self.say(text, "warn"))
        self.action_area.print_ticket.connect(self._print_ticket)
        self.items.print_notice.connect(self.print_notice)
        self.show_row(None)

    def set_blocked(self, reason: str) -> None:
        """Claims and conversions need the server's decision: off with `reason` while it is
        unreachable or saved records still wait; "" switches them back on."""
        self.blocked.setText(reason)
        self.blocked.setVisible(bool(reason) and self.row is not None)
        self.claim_button.setEnabled(not reason)
        self.action_area.convert_button.setEnabled(not reason)

    def set_user(self, employee_no: str, role: str, names: dict[str, str]) -> None:
        self.me, self.role, self.names = employee_no, role, names

    def show_row(self, row: dict[str, Any] | None, keep_draft: bool = False) -> None:
        """Shows `row`; `keep_draft` keeps what the owner is typing when the same row changes."""
        same = row is not None and self.row is not None and row["id"] == self.row["id"]
        self.row = row
        has = row is not None
        self.empty.setVisible(not has)
        self.blocked.setVisible(has and bool(self.blocked.text()))
        for label in (self.number, self.status, self.meta, self.owner, self.question, self.history):
            label.setVisible(has)
        if row is None:
            for w in (self.claim_button, self.answer, self.items, self.action_area):
                w.setVisible(False)
            self.feedback.clear()
            return
        if not same:
            self.feedback.clear()
        status, owner = row["status"], row.get("owner")
        mine = status == "claimed" and owner == self.me
        self.number.setText(row["number"])
        self.status.setText(status_name(status))
        self.status.setProperty("state", status)
        self.status.style().polish(self.status)
        parts = [source_name(row["source"]), local_time(row["created_at"])]
        if row.get("phone_masked"):
            parts.append(self.tr("Call back: {phone}").format(phone=row["phone_masked"]))
        if status == "referred":
            to = row.get("referred_to")
            parts.append(self.tr("Referred to {name}").format(name=self.names.get(to, to))
                         if to else self.tr("Referred to the supervisors"))  # fmt: skip
        if row.get("faq_id"):
            parts.append(self.tr("FAQ drafted"))
        self.meta.setText("  ·  ".join(parts))
        if owner:
            who = self.names.get(owner, owner)
            self.owner.setText(self.tr("Owner: {name}").format(name=who))
        else:
            self.owner.setText("")
        topic = topic_name(row["topic"], current_lang())
        self.question.setText(f"【{topic}】 {row.get('question') or ''}".strip())
        can_claim = status == "open" or (
            status == "referred" and (self.role in SUPERVISORS or row.get("referred_to") == self.me)
        )
        self.claim_button.setVisible(can_claim)
        if not (same and keep_draft and mine):
            self.answer.setPlainText(row.get("answer") or "")
            self.items.set_codes(list(row.get("items") or []))
        has_answer = bool(row.get("answer"))
        self.answer.setVisible(mine or has_answer)
        self.answer.setReadOnly(not mine)
        self.items.setVisible(mine or bool(row.get("items")))
        self.items.set_editable(mine)
        self.action_area.setVisible(True)
        can_faq = has_answer and not row.get("faq_id")
        self.action_area.show_state(mine, can_faq, row.get("ticket_number"))
        self.history.setText(self._history(row))
        if status == "claimed" and not mine:
            who = self.names.get(owner or "", owner or "")
            self.say(self.tr("{name} is answering this question (首问负责).").format(name=who))

    def say(self, text: str, level: str = "info") -> None:
        self.feedback.setText(text)
        self.feedback.setProperty("level", level)
        self.feedback.style().polish(self.feedback)

    def _history(self, row: dict[str, Any]) -> str:
        steps = {
            "claimed": self.tr("claimed"),
            "answered": self.tr("answered"),
            "released": self.tr("handed over"),
            "resolved": self.tr("resolved"),
            "converted": self.tr("gave number"),
            "referred": self.tr("referred"),
        }
        lines = []
        for h in row.get("history") or []:
            who = self.names.get(h.get("by") or "", h.get("by") or self.tr("system"))
            text = f"{local_time(h['at'])} {who} {steps.get(h['step'], h['step'])}"
            if h.get("ticket_number"):
                text += f" {h['ticket_number']}"
            if h.get("auto"):
                text += self.tr(" (nobody on duty)")
            if h.get("note"):
                text += f"：{h['note']}"
            lines.append(text)
        return "\n".join(lines)

    def _ask(self, step: str, body: dict[str, Any]) -> None:
        if self.row is not None:
            self.request.emit(self.row["id"], step, body)

    def _print_ticket(self) -> None:
        if self.row is not None and self.row.get("ticket_id"):
            self.print_ticket.emit(self.row["ticket_id"])
