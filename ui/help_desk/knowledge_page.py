"""The knowledge base tab: the hall's FAQs and notices, edited, published and retired.

Publishing is what puts an entry in the kiosk search, at once, through the live stream; the
list re-reads itself whenever a faq.*/notice.* event arrives, so two staff editing see each
other's changes. "Publish" saves pending edits first, so what is published is what is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common import paths
from ui.help_desk.knowledge_editor import KnowledgeEditor
from ui.help_desk.knowledge_model import ROLE_ENTRY, KnowledgeModel
from ui.help_desk.session import DeskSession
from ui.help_desk.texts import STANDARD, problem_text

PLURAL = {"faq": "faqs", "notice": "notices"}


class KnowledgePage(QWidget):
    def __init__(self, session: DeskSession) -> None:
        super().__init__()
        self.setObjectName("knowledgePage")
        self.session = session
        self.kind = "faq"
        self.current: dict[str, Any] | None = None
        self.model = KnowledgeModel(self)
        self.kinds = QButtonGroup(self)
        bar = QHBoxLayout()
        for i, label in enumerate((self.tr("FAQs"), self.tr("Notices"))):
            b = QPushButton(label)
            b.setCheckable(True)
            b.setChecked(i == 0)
            b.setProperty("role", "filter")
            self.kinds.addButton(b, i)
            bar.addWidget(b)
        self.kinds.idClicked.connect(lambda i: self.set_kind(("faq", "notice")[i]))
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.clicked.connect(lambda: self.edit(None))
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # a question is a sentence: rows as tall as its wrapped lines (a few dozen entries)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(
            lambda index, _prev: self.edit(self.model.data(index, ROLE_ENTRY))
        )
        self.editor = e = KnowledgeEditor()
        e.save_button.clicked.connect(lambda: self.save())
        e.publish_button.clicked.connect(lambda: self.save(then="publish"))
        e.retire_button.clicked.connect(lambda: self._post("retire"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(e)
        split.setSizes([480, 720])
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(split, 1)
        self._reload = QTimer(self, singleShot=True, interval=200)
        self._reload.timeout.connect(self.reload)
        session.live_event.connect(self._event)
        session.catalog_loaded.connect(self._reload.start)
        self.edit(None)

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.editor.set_kind(kind)
        self.edit(None)
        self.reload()

    def reload(self, then: Callable[[], None] | None = None) -> None:
        call = self.session.api.get(paths.knowledge(self.kind))
        kind = self.kind

        def loaded(body: dict[str, Any]) -> None:
            if kind != self.kind:
                return
            keep = self.current["id"] if self.current else None
            entries = [*body.get(PLURAL[kind], []), *self.standard_entries(kind)]
            self.model.reset(kind, entries, self.session.staff)
            if keep and (row := self.model.row_of(keep)) >= 0:
                self._select_quietly(row)  # keep what is being typed; refresh the rest
                self.current = self.model.entries[row]
                self.editor.show_meta(self.current, self.session.staff)
            elif keep is None and self.model.entries and not self.editor.dirty():
                self.table.selectRow(0)  # open the newest entry rather than an empty form
            if then is not None:
                then()

        call.succeeded.connect(loaded)
        call.failed.connect(lambda e: self.editor.say(problem_text(e, self.session.lang), "error"))

    def standard_entries(self, kind: str) -> list[dict[str, Any]]:
        """The center's FAQs or notices, as the kiosk shows them from the same catalog: the
        desk answers from what the citizen has just read (the hall's own entries are listed
        already, from the hall's knowledge base, with their drafts)."""
        return [
            {**e, "status": STANDARD}
            for e in self.session.catalog.get(PLURAL[kind]) or []
            if e.get("source") != "hall"
        ]

    def _select_quietly(self, row: int | None) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row is None:
            self.table.clearSelection()
            self.table.setCurrentIndex(self.model.index(-1, -1))
        else:
            self.table.selectRow(row)
        selection.blockSignals(False)

    def edit(self, entry: dict[str, Any] | None) -> None:
        if entry is None:
            self._select_quietly(None)
        self.current = entry
        self.editor.show_entry(entry, self.session.staff)

    def save(self, then: str | None = None) -> None:
        path = paths.knowledge(self.kind, self.current["id"] if self.current else None)

        def saved(entry: dict[str, Any]) -> None:
            self.current = entry
            if then:
                self._post(then)
            else:
                self.reload(lambda: self.editor.say(self.tr("Saved."), "info"))

        self.session.record(path, self.editor.values(), saved, self._refused)

    def _post(self, action: str) -> None:
        if self.current is None:
            return
        path = paths.knowledge(self.kind, self.current["id"], action)
        done = {"publish": self.tr("Published: the kiosk search has it now."),
                "retire": self.tr("Retired: no longer shown at the kiosk.")}[action]  # fmt: skip

        def ok(entry: dict[str, Any]) -> None:
            self.current = entry
            self.reload(lambda: self.editor.say(done, "info"))

        self.session.post(path, None, ok, self._refused)

    def _refused(self, error: Any) -> None:
        self.editor.say(problem_text(error, self.session.lang), "error")

    def _event(self, ev: dict[str, Any]) -> None:
        if str(ev.get("type", "")).startswith(f"{self.kind}."):
            self._reload.start()
