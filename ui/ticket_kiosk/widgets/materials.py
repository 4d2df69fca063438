"""The standard materials of a service item (一次性告知), one row per material: its name,
original or copy, how many, required or optional, and the catalog's note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QScroller, QVBoxLayout, QWidget

from ui.common.wording import loc
from ui.ticket_kiosk.texts import count_text, form_text, required_text
from ui.ticket_kiosk.widgets.common import label, restyle


def material_row(index: int, material: dict[str, Any], lang: str) -> QFrame:
    row = QFrame()
    row.setProperty("role", "material")
    grid = QGridLayout(row)
    grid.setContentsMargins(18, 12, 18, 12)
    grid.setHorizontalSpacing(16)
    number = label("material-no", str(index), wrap=False)
    number.setAlignment(Qt.AlignmentFlag.AlignCenter)
    name = label("material-name", loc(material, "name", lang))
    required = bool(material.get("required", True))
    tag = label("tag", required_text(required), wrap=False)
    restyle(tag, "kind", "required" if required else "optional")
    detail = f"{form_text(str(material.get('form') or 'original'))} · "
    detail += count_text(int(material.get("count") or 1))
    note = loc(material, "note", lang)
    grid.addWidget(number, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
    grid.addWidget(name, 0, 1)
    grid.addWidget(tag, 0, 2, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
    grid.addWidget(label("material-detail", detail + (f" — {note}" if note else "")), 1, 1, 1, 2)
    grid.setColumnStretch(1, 1)
    return row


class MaterialList(QScrollArea):
    """Scrolls by dragging, as a touch screen should (QScroller); ``moreBelow`` says whether
    materials are hidden below the edge, so the screen can say so (older eyes miss it)."""

    moreBelow = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Materials")
        self.setProperty("scrolls", True)  # a long list scrolls, with "more below" saying so
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.rows: list[QFrame] = []
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._check)
        bar.valueChanged.connect(self._check)

    def _check(self, *_: object) -> None:
        bar = self.verticalScrollBar()
        self.moreBelow.emit(bar.value() < bar.maximum())

    def set_materials(self, materials: list[dict[str, Any]], lang: str) -> None:
        host = QWidget()
        host.setObjectName("MaterialsHost")
        box = QVBoxLayout(host)
        box.setContentsMargins(0, 0, 8, 0)
        box.setSpacing(10)
        self.rows = [material_row(i, m, lang) for i, m in enumerate(materials, start=1)]
        for row in self.rows:
            box.addWidget(row)
        box.addStretch(1)
        self.setWidget(host)  # deletes the previous host
        self.verticalScrollBar().setValue(0)
