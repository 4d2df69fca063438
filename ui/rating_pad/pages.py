"""The pad's four screens: idle (who serves me, which number), the five faces, the reasons for
a bad rating, and thank you. Few words, large type, one decision per screen (适老化)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import RatingTag
from ui.common.wrap_button import WrapButton
from ui.rating_pad.faces import FaceButton, paint_face
from ui.rating_pad.texts import LEVELS, TAGS, level_name, tag_name


def _label(role: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


class IdlePage(QFrame):
    def __init__(self, window_no: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idlePage")
        self.window_label = _label("pad-window", self.tr("Window {no}").format(no=window_no))
        self.clerk = _label("pad-clerk")
        self.ticket_title = _label("pad-caption", self.tr("Now serving"))
        self.ticket = _label("pad-number")
        self.hint = _label(
            "pad-hint", self.tr("When your service is finished, please rate it here.")
        )
        self.connection = _label("pad-offline", self.tr("Offline: ratings are kept and sent later"))
        self.connection.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 24, 24, 16)
        box.addWidget(self.window_label)
        box.addWidget(self.clerk)
        box.addStretch(1)
        box.addWidget(self.ticket_title)
        box.addWidget(self.ticket)
        box.addStretch(1)
        box.addWidget(self.hint)
        box.addWidget(self.connection)

    def show_window(self, window: dict[str, object]) -> None:
        name, no = window.get("clerk_name"), window.get("clerk")
        status, number = window.get("status"), window.get("ticket")
        if status == "closed" or not no:
            self.clerk.setText(self.tr("This window is closed"))
        else:
            self.clerk.setText(self.tr("Clerk: {name}   No. {no}").format(name=name or "", no=no))
        self.ticket_title.setVisible(bool(number) or status == "paused")
        if status == "paused":
            self.ticket_title.setText(self.tr("Service paused"))
            self.ticket.setText(self.tr("Please wait a moment"))
        else:
            self.ticket_title.setText(self.tr("Now serving"))
            self.ticket.setText(str(number or ""))

    def show_online(self, online: bool) -> None:
        self.connection.setVisible(not online)


class RatePage(QFrame):
    rated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratePage")
        self.title = _label("pad-title", self.tr("How was your service?"))
        self.subtitle = _label("pad-caption")
        self.faces = [FaceButton(level) for level in LEVELS]
        row = QHBoxLayout()
        row.setSpacing(8)
        for face in self.faces:
            face.clicked.connect(lambda _=False, lv=face.level: self.rated.emit(lv))
            row.addWidget(face)
        note = _label("pad-hint", self.tr("Rating is voluntary. Thank you for helping us improve."))
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 20, 16, 12)
        box.addWidget(self.title)
        box.addWidget(self.subtitle)
        box.addLayout(row, 1)
        box.addWidget(note)

    def show_service(self, number: str, clerk: str) -> None:
        self.subtitle.setText(
            self.tr("Number {number} · {clerk}").format(number=number, clerk=clerk)
        )


class ReasonsPage(QFrame):
    submitted = Signal(list, str)  # tag codes, comment
    back = Signal()
    touched = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonsPage")
        self.title = _label("pad-title", self.tr("What was wrong? (choose any)"))
        self.buttons: dict[RatingTag, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for i, tag in enumerate(TAGS):
            # a long reason wraps onto a second line rather than losing both ends
            button = WrapButton(tag_name(tag), "tag")
            button.setCheckable(True)
            button.toggled.connect(lambda _=False: self.touched.emit())
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[tag] = button
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Anything else you want to tell us (optional)"))
        self.comment.setMaxLength(500)
        self.comment.textEdited.connect(lambda _: self.touched.emit())
        back = QPushButton(self.tr("Back"))
        submit = QPushButton(self.tr("Submit"))
        submit.setProperty("role", "primary")
        back.clicked.connect(self.back.emit)
        submit.clicked.connect(self._submit)
        buttons = QHBoxLayout()
        buttons.addWidget(back, 1)
        buttons.addWidget(submit, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(20, 12, 20, 12)
        box.setSpacing(8)
        box.addWidget(self.title)
        box.addLayout(grid, 1)
        box.addWidget(self.comment)
        box.addLayout(buttons)
        self.submit_button = submit

    def reset(self) -> None:
        for b in self.buttons.values():
            b.setChecked(False)
        self.comment.clear()

    def _submit(self) -> None:
        tags = [t.value for t, b in self.buttons.items() if b.isChecked()]
        self.submitted.emit(tags, self.comment.text().strip())


class FaceView(QWidget):
    """The chosen face again on the thank-you screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = 5
        self.setMinimumHeight(140)

    def paintEvent(self, event: object) -> None:
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QPainter

        p = QPainter(self)
        paint_face(p, QRectF(self.rect()).adjusted(4, 4, -4, -4), self.level)
        p.end()


class ThanksPage(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thanksPage")
        self.face = FaceView()
        self.title = _label("pad-title", self.tr("Thank you for your rating!"))
        self.detail = _label("pad-caption")
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 32, 24, 32)
        box.addStretch(1)
        box.addWidget(self.face, 2)
        box.addWidget(self.title)
        box.addWidget(self.detail)
        box.addStretch(1)

    def show_level(self, level: int) -> None:
        self.face.level = level
        self.face.update()
        self.title.setText(self.tr("Thank you for your rating!"))
        self.detail.setText(self.tr("You chose: {level}").format(level=level_name(level)))

    def show_refusal(self, text: str) -> None:
        self.title.setText(self.tr("Thank you!"))
        self.detail.setText(text)
