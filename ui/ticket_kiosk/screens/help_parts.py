"""Parts of the ask-for-help screen: the staffing banner, the phone entry (masked as typed) and
the answer panel with the consultation number."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.common import paths
from ui.common.api import ApiError
from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.texts import mask_phone, valid_phone
from ui.ticket_kiosk.widgets.common import button, label, restyle
from ui.ticket_kiosk.widgets.keypad import Keypad, apply_key

PHONE_MAX = 12


class StaffingBanner(QFrame):
    """Whether the help desk is staffed now; neutral words while that is unknown (404)."""

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staffed: bool | None = None
        self.on_duty = 0
        self.setProperty("role", "banner")
        self.text = label("banner-text")
        box = QVBoxLayout(self)
        box.setContentsMargins(20, 14, 20, 14)
        box.addWidget(self.text)
        ctx.hall.liveEvent.connect(self._event)

    def _event(self, ev: dict[str, Any]) -> None:
        if str(ev.get("type", "")).startswith("helpdesk.") and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        call = self.ctx.api.get(paths.HELPDESK_STATUS)
        call.succeeded.connect(self._got)
        call.failed.connect(self._unknown)

    def _got(self, body: Any) -> None:
        if isinstance(body, dict) and "staffed" in body:
            self.staffed = bool(body["staffed"])
            self.on_duty = int(body.get("on_duty") or 0)
        else:
            self.staffed = None
        self.rebuild()

    def _unknown(self, error: ApiError) -> None:
        self.staffed = None  # 404 before the endpoint exists, or no answer: say nothing
        self.rebuild()

    def rebuild(self) -> None:
        if self.staffed is None:
            self.text.setText(
                self.tr(
                    "Your question goes to the help desk. Staff will call your consultation number."
                )
            )
        elif self.staffed:
            self.text.setText(
                self.tr(
                    "The help desk is staffed now ({n} on duty). Staff will call your number."
                ).format(n=self.on_duty)
            )
        else:
            self.text.setText(
                self.tr(
                    "Nobody is at the help desk right now: "
                    "you will get a ticket for general enquiries."
                )
            )
        state = {None: "unknown", True: "staffed", False: "unstaffed"}[self.staffed]
        restyle(self, "state", state)


class PhoneEntry(QWidget):
    """Digits from a keypad; the screen only ever shows them masked (138****5678)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.digits = ""
        self.caption = label("section")
        self.display = label("code-display", wrap=False)
        self.display.setObjectName("PhoneDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = label("hint")
        self.keypad = Keypad()
        self.keypad.key.connect(self._key)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        for w in (self.caption, self.display, self.hint, self.keypad):
            box.addWidget(w)
        box.addStretch(1)
        self.retranslate()

    @property
    def valid(self) -> bool:
        return valid_phone(self.digits)

    def _key(self, key: str) -> None:
        self.digits = apply_key(self.digits, key, PHONE_MAX)
        self._show()

    def clear(self) -> None:
        self.digits = ""
        self._show()

    def _show(self) -> None:
        self.display.setText(mask_phone(self.digits) or "—")
        restyle(self.display, "state", "invalid" if self.digits and not self.valid else "ok")

    def retranslate(self) -> None:
        self.caption.setText(self.tr("3. Phone for a call-back (optional)"))
        self.hint.setText(self.tr("Shown masked. Used only to call you back about this question."))
        self.keypad.retranslate()
        self._show()


class ResultPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer: dict[str, Any] = {}
        self.staffed: bool | None = None
        self.caption = label("ticket-caption")
        self.number = label("ticket-number", wrap=False)
        self.message = label("lead")
        self.done = button("primary")
        box = QVBoxLayout(self)
        box.addStretch(1)
        for w in (self.caption, self.number, self.message):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(w)
        box.addStretch(1)
        box.addWidget(self.done, 0, Qt.AlignmentFlag.AlignHCenter)

    def show_answer(self, answer: dict[str, Any], staffed: bool | None) -> None:
        self.answer, self.staffed = answer, staffed
        self.retranslate()

    def spoken(self) -> str:
        return self.tr("Your consultation number is {number}.").format(
            number=self.answer.get("number", "")
        )

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Your consultation number"))
        self.number.setText(str(self.answer.get("number") or ""))
        phone = self.answer.get("phone_masked")
        if phone:
            text = self.tr("Help-desk staff will call you back on {phone}.").format(phone=phone)
        else:
            text = self.tr("Please go to the help desk; staff will call this number.")
        self.message.setText(text)
        self.done.setText(self.tr("Done"))
