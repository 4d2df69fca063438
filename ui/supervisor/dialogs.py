"""One dialog per action: pausing a window remotely, tidal serving, acknowledging an alert, and
each step of a bad-rating case. A dialog only gathers what the server needs; the session sends
it and the live stream shows its effect."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.halltime import later_today
from ui.supervisor import texts


class Form(QDialog):
    """A titled form with OK/Cancel; `values()` is what is sent."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setProperty("role", "title")
        box.addWidget(heading)
        box.addLayout(self.form)
        box.addWidget(buttons)

    def note(self, label: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setFixedHeight(80)
        self.form.addRow(label, edit)
        return edit

    def values(self) -> dict[str, Any]:
        return {}


class PauseDialog(Form):
    def __init__(
        self, window_no: int, parent: QWidget | None = None, now: QTime | None = None
    ) -> None:
        super().__init__(self.tr("Pause window {no}").format(no=window_no), parent)
        self.reason = QComboBox()
        for code in texts.REASONS:
            self.reason.addItem(texts.reason(code), code)
        self.back = QTimeEdit(later_today(now or QTime.currentTime(), 30 * 60))
        self.back.setDisplayFormat("HH:mm")
        self.has_back = QCheckBox(self.tr("Expected back at"))
        self.has_back.setChecked(True)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.has_back, self.back)
        self.text = self.note(self.tr("Note"))

    def values(self) -> dict[str, Any]:
        body: dict[str, Any] = {"reason": self.reason.currentData()}
        if self.text.toPlainText().strip():
            body["note"] = self.text.toPlainText().strip()
        if self.has_back.isChecked():
            body["expected_back"] = self.back.time().toString("HH:mm")
        return body


class ServeDialog(Form):
    """潮汐窗口: which categories the window serves, until when."""

    def __init__(
        self,
        window_no: int,
        categories: list[tuple[str, str]],
        current: list[str],
        suggested: str | None = None,
        parent: QWidget | None = None,
        now: QTime | None = None,
    ) -> None:
        super().__init__(self.tr("Window {no} serves").format(no=window_no), parent)
        self.list = QListWidget()
        for code, name in categories:
            item = QListWidgetItem(f"{code} {name}")
            item.setData(256, code)
            on = code in current or code == suggested
            item.setCheckState(_checked(on))
            self.list.addItem(item)
        self.until = QTimeEdit(later_today(now or QTime.currentTime(), 2 * 3600))
        self.until.setDisplayFormat("HH:mm")
        self.has_until = QCheckBox(self.tr("Until"))
        self.has_until.setChecked(True)
        self.form.addRow(self.tr("Categories"), self.list)
        self.form.addRow(self.has_until, self.until)

    def values(self) -> dict[str, Any]:
        chosen = [
            self.list.item(i).data(256)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == _checked(True)
        ]
        body: dict[str, Any] = {"categories": chosen}
        if self.has_until.isChecked():
            body["until"] = self.until.time().toString("HH:mm")
        return body


def _checked(on: bool) -> Any:
    from PySide6.QtCore import Qt

    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


class NoteDialog(Form):
    """Acknowledging an alert, signing a clerk out, closing a case: a note, maybe required."""

    def __init__(self, title: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.text = self.note(label)

    def values(self) -> dict[str, Any]:
        return {"note": self.text.toPlainText().strip()}


class CaseStepDialog(Form):
    """One step of a case: the fields that step takes (docs/supervision-api.md)."""

    def __init__(self, step: str, parent: QWidget | None = None) -> None:
        titles = {
            "assign": self.tr("Assign the case"),
            "call-back": self.tr("Record a call-back"),
            "verify": self.tr("Verify the rating"),
            "confirm-exclusion": self.tr("Confirm the exclusion"),
            "rectify": self.tr("Record the rectification"),
            "revisit": self.tr("Record the revisit"),
            "close": self.tr("Close the case"),
        }
        super().__init__(titles[step], parent)
        self.step = step
        self.fields: dict[str, Any] = {}
        if step == "assign":
            self.fields["assignee"] = QLineEdit()
            self.fields["assignee"].setPlaceholderText(self.tr("Employee number"))
            self.form.addRow(self.tr("Assignee"), self.fields["assignee"])
        if step == "call-back":
            self.fields["reached"] = QCheckBox(self.tr("Reached the citizen"))
            self.fields["reached"].setChecked(True)
            self.form.addRow("", self.fields["reached"])
        if step == "verify":
            verdict = QComboBox()
            for code, name in (
                ("valid", self.tr("Valid")),
                ("mistaken", self.tr("Mistaken rating")),
                ("malicious", self.tr("Malicious rating")),
                ("not_this_hall", self.tr("Not this hall")),
            ):
                verdict.addItem(name, code)
            self.fields["verdict"] = verdict
            self.form.addRow(self.tr("Verdict"), verdict)
        if step == "confirm-exclusion":
            self.fields["approve"] = QCheckBox(self.tr("Approve the exclusion"))
            self.fields["approve"].setChecked(True)
            self.form.addRow("", self.fields["approve"])
        if step == "revisit":
            satisfied = QComboBox()
            satisfied.addItem(self.tr("Satisfied"), True)
            satisfied.addItem(self.tr("Not satisfied"), False)
            satisfied.addItem(self.tr("No answer"), None)
            self.fields["satisfied"] = satisfied
            self.form.addRow(self.tr("The citizen's view"), satisfied)
        label = self.tr("Reason") if step == "verify" else self.tr("Note")
        self.text = self.note(label)

    def values(self) -> dict[str, Any]:
        note = self.text.toPlainText().strip()
        f = self.fields
        if self.step == "assign":
            return {"assignee": f["assignee"].text().strip(), "note": note or None}
        if self.step == "call-back":
            return {"reached": f["reached"].isChecked(), "note": note}
        if self.step == "verify":
            return {"verdict": f["verdict"].currentData(), "reason": note}
        if self.step == "confirm-exclusion":
            return {"approve": f["approve"].isChecked(), "note": note or None}
        if self.step == "revisit":
            return {"satisfied": f["satisfied"].currentData(), "note": note}
        if self.step == "close":
            return {"note": note or None}
        return {"note": note}
