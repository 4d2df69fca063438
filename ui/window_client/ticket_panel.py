"""The current ticket, big: number, category, item, how long the citizen waited, the marks a
clerk must not miss (green channel, transferred, recalled) and a running timer while serving."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.common.theme import set_prop
from ui.window_client.texts import duration, name_of, pause_name, since

WIDE_PX = 1100  # from this width on, the called item's materials stand beside the number


def _label(role: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(role in ("note", "item"))
    return label


class TicketPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketPanel")
        self.ticket: dict[str, Any] | None = None
        self.items: dict[str, dict[str, Any]] = {}
        self.lang = "zh"
        self.status = "open"
        self.pause_reason: str | None = None
        self.state = _label("state")
        self.number = _label("number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.marks = QHBoxLayout()
        self.green = _label("mark-green", self.tr("Green channel"))
        self.transferred = _label("mark-transfer", self.tr("Transferred"))
        self.recalls = _label("mark-recall")
        # a real-name ticket, and whether this citizen came for the same item on an earlier
        # day (a second trip: ask what was missing last time); the number is never shown
        self.realname = _label("mark-realname", self.tr("Real name"))
        self.repeat = _label("mark-repeat", self.tr("Second trip for this item"))
        for mark in (self.green, self.transferred, self.recalls, self.realname, self.repeat):
            self.marks.addWidget(mark)
        self.marks.addStretch(1)
        self.category = _label("category")
        self.item = _label("item")
        self.waited = _label("time")
        self.serving = _label("timer")
        self.note = _label("note")
        times = QHBoxLayout()
        times.addWidget(self.waited)
        times.addStretch(1)
        times.addWidget(self.serving)
        box = QVBoxLayout(self)
        box.setContentsMargins(28, 20, 28, 20)
        box.addWidget(self.state)
        top = QHBoxLayout()
        top.setSpacing(28)
        top.addWidget(self.number, 3)
        top.addWidget(self._materials_column(), 2)
        box.addLayout(top, 1)
        box.addLayout(self.marks)
        box.addWidget(self.category)
        box.addWidget(self.item)
        box.addLayout(times)
        box.addWidget(self.note)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._update_times)
        self.show_ticket(None)

    def _materials_column(self) -> QWidget:
        """On a wide screen the room beside the number holds what the clerk checks next: the
        called item's standard materials (the correction page ticks the missing ones)."""
        self.materials = QWidget()
        self.materials.setObjectName("materials")
        self.materials.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = QVBoxLayout(self.materials)
        column.setContentsMargins(16, 12, 16, 12)
        title = _label("section", self.tr("Materials for this item"))
        self.material_list = _label("materials")
        self.material_list.setWordWrap(True)
        self.material_list.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setObjectName("materialScroll")
        scroll.setProperty("scrolls", True)  # a long list scrolls; the first lines show first
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.material_list)
        column.addWidget(title)
        column.addWidget(scroll, 1)
        self.materials.hide()
        return self.materials

    def _materials_text(self) -> str:
        code = (self.ticket or {}).get("item")
        item = self.items.get(code or "") or {}
        lines = []
        for i, m in enumerate(item.get("materials", [])):
            name = m.get(f"name_{self.lang}") or m.get("name_zh", "")
            optional = "" if m.get("required", True) else self.tr(" (optional)")
            note = m.get(f"note_{self.lang}") or ""
            lines.append(f"{i + 1}. {name}{optional}" + (f"\n    {note}" if note else ""))
        return "\n".join(lines)

    def _place_materials(self) -> None:
        text = self._materials_text()
        self.material_list.setText(text)
        self.materials.setVisible(bool(text) and self.width() >= WIDE_PX)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_materials()

    def show_state(
        self, status: str, pause_reason: str | None, ticket: dict[str, Any] | None
    ) -> None:
        self.status, self.pause_reason = status, pause_reason
        self.show_ticket(ticket)

    def show_ticket(self, ticket: dict[str, Any] | None) -> None:
        self.ticket = ticket
        has = ticket is not None
        for w in (self.category, self.item, self.waited, self.serving):
            w.setVisible(has)
        if ticket is None:
            self._tick.stop()
            self.number.setText("—")
            set_prop(self.number, "state", "idle")
            if self.status == "paused":
                self.state.setText(
                    self.tr("Paused: {reason}").format(reason=pause_name(self.pause_reason))
                )
            else:
                self.state.setText(self.tr("No current ticket: press F1 to call the next"))
            self._place_materials()
            for w in (
                self.green,
                self.transferred,
                self.recalls,
                self.realname,
                self.repeat,
                self.note,
            ):
                w.hide()
            return
        serving = ticket.get("status") == "serving"
        self.state.setText(
            self.tr("Serving") if serving else self.tr("Called: waiting for the citizen")
        )
        set_prop(self.number, "state", "serving" if serving else "called")
        self.number.setText(str(ticket.get("number", "")))
        self.green.setVisible(ticket.get("priority") == "green")
        self.transferred.setVisible(bool(ticket.get("transfer_count")))
        self.realname.setVisible(bool(ticket.get("realname")))
        self.repeat.setVisible(bool(ticket.get("repeat_visit")))
        recalls = int(ticket.get("recall_count") or 0)
        self.recalls.setVisible(recalls > 0)
        self.recalls.setText(self.tr("Recalled {n}×").format(n=recalls))
        self.category.setText(
            str(ticket.get(f"category_name_{self.lang}") or ticket.get("category"))
        )
        code = ticket.get("item")
        item = self.items.get(code or "")
        self.item.setText(
            f"{name_of(item, self.lang)}  ({code})"
            if item
            else self.tr("No service item chosen at the kiosk")
        )
        note = ticket.get("transfer_note")
        self.note.setVisible(bool(note))
        self.note.setText(self.tr("Note from the transfer: {note}").format(note=note or ""))
        self._place_materials()
        self._update_times()
        self._tick.start()

    def _update_times(self) -> None:
        t = self.ticket
        if t is None:
            return
        waited = t.get("wait_s")
        if waited is None:
            waited = since(t.get("issued_at"))
        self.waited.setText(self.tr("Waited {time}").format(time=duration(waited)))
        if t.get("status") == "serving":
            self.serving.setText(
                self.tr("Serving for {time}").format(time=duration(since(t.get("started_at"))))
            )
        else:
            self.serving.setText(
                self.tr("Called {time} ago").format(time=duration(since(t.get("called_at"))))
            )
