"""One search over service items, FAQs and notices (not items alone), as the citizen types.

Chinese substrings from one character, full pinyin and initials (sfz -> 身份证) and English all
work, because the kiosk uses the core's index (kiosk.search) built on a worker thread. A query
runs in well under a millisecond, so results follow every keystroke without a search button.
Items open their notice; FAQ answers and notices open in place.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout

from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.screens.base import Nav, Screen
from ui.ticket_kiosk.widgets.common import button, discard, label
from ui.ticket_kiosk.widgets.search_model import KIND_ROLE, SearchResultsModel, results_from_hits
from ui.ticket_kiosk.widgets.search_view import ResultList

LIMIT = 30


class SearchScreen(Screen):
    name = "search"

    def __init__(self, ctx: KioskContext, nav: Nav) -> None:
        super().__init__(ctx, nav)
        self.field = QLineEdit()
        self.field.setObjectName("SearchField")
        self.clear = button("clear")  # Qt's own clear button is an 18 px target
        self.clear.clicked.connect(self.field.clear)
        self.field.setMaxLength(40)
        self.field.textChanged.connect(self.run)
        self.chips_row = QHBoxLayout()
        self.chips_row.setSpacing(12)
        self.chips: list[str] = []
        self.count = label("lead")
        self.model = SearchResultsModel(self)
        self.list = ResultList()
        self.list.setModel(self.model)
        self.list.clicked.connect(self.open)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 20, 32, 24)
        box.setSpacing(14)
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addWidget(self.field, 1)
        row.addWidget(self.clear)
        box.addLayout(row)
        box.addLayout(self.chips_row)
        box.addWidget(self.count)
        box.addWidget(self.list, 1)
        ctx.hall.searchReady.connect(lambda: self.run(self.field.text()))

    def title(self) -> str:
        return self.tr("Search")

    def guidance(self) -> str:
        return self.tr("Type what you need, for example ID card, or tap one of the examples.")

    def enter(self, arg: object) -> None:
        self.rebuild()
        if isinstance(arg, str):
            self.field.setText(arg)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        self.field.clear()

    def rebuild(self) -> None:
        self.field.setPlaceholderText(self.tr("Type a service, a question or pinyin initials"))
        self.clear.setText(self.tr("Clear"))
        chips = [
            self.tr("Social insurance"),
            self.tr("ID card"),
            self.tr("Housing fund"),
            self.tr("Hukou"),
            self.tr("Passport"),
        ]
        if self.ctx.lang == "zh" and not self.ctx.elder:
            chips.append("sfz")
        if self.ctx.elder or self.ctx.portrait:  # fewer, so they fit and stay big
            chips = chips[: 3 if self.ctx.elder else 4]
        if chips != self.chips:
            self.chips = chips
            while self.chips_row.count():
                old = self.chips_row.takeAt(0)
                if old is not None and (widget := old.widget()) is not None:
                    discard(widget)
            self.chips_row.addWidget(label("hint", self.tr("Try:"), wrap=False))
            for text in chips:
                chip = button("chip", text)
                chip.clicked.connect(lambda _=False, t=text: self.field.setText(t))
                self.chips_row.addWidget(chip)
            self.chips_row.addStretch(1)
        self.run(self.field.text())

    def run(self, text: str) -> None:
        index = self.ctx.hall.index
        query = text.strip()
        if index is None:
            self.count.setText(self.tr("Search is getting ready…"))
            self.model.set_results([])
            return
        hits = index.search(query, limit=LIMIT, lang=self.ctx.lang) if query else []
        self.model.set_results(results_from_hits(hits, self.ctx.hall.catalog, self.ctx.lang))
        if not query:
            self.count.setText(self.tr("Services, questions and notices are all searched."))
        elif hits:
            self.count.setText(self.tr("{n} results, best first").format(n=len(hits)))
        else:
            self.count.setText(
                self.tr("Nothing found for “{q}”. Try other words, or ask the help desk.").format(
                    q=query
                )
            )

    def open(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "item":
            self.nav.go("item", self.model.results[index.row()].id)
        else:
            self.model.toggle(index.row())
            self.list.refresh_row(index.row())
