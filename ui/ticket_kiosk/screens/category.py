"""A category's service items, and a ticket for the category when the citizen is unsure which
item they need (the clerk will find out at the window)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QVBoxLayout

from ui.common.wording import loc
from ui.ticket_kiosk.actions import TicketFlow
from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.screens.base import Nav, Screen
from ui.ticket_kiosk.texts import time_limit_text, wait_text, waiting_text
from ui.ticket_kiosk.widgets.common import button, label
from ui.ticket_kiosk.widgets.paged import PagedGrid
from ui.ticket_kiosk.widgets.tile import Tile


def item_size(elder: bool, compact: bool) -> QSize:
    """The smallest item tile that still reads well: the grid fits what the panel has room
    for, at most twelve items a page (six in elder mode)."""
    if elder:
        return QSize(420, 130) if compact else QSize(520, 150)
    return QSize(300, 96) if compact else QSize(380, 110)


class CategoryScreen(Screen):
    name = "category"

    def __init__(self, ctx: KioskContext, nav: Nav, flow: TicketFlow) -> None:
        super().__init__(ctx, nav)
        self.flow = flow
        self.code = ""
        self.status = label("lead")
        self.grid = PagedGrid()
        self.error = label("error")
        self.error.hide()
        self.take = button("primary")
        self.green = button("green")
        self.take.clicked.connect(lambda: self._take("normal"))
        self.green.clicked.connect(lambda: self._take("green"))
        self.card = button("primary")
        self.card.setObjectName("TicketByCard")
        self.card.clicked.connect(lambda: self.nav.go("realname", (self.code, None)))
        self.notice = label("hint")
        self.notice.setObjectName("IssuingNotice")
        self.bar = bar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        bar.setSpacing(18)
        bar.addWidget(self.error, 1)
        bar.addWidget(self.notice, 1)
        self.action_grid = QGridLayout()
        self.action_grid.setSpacing(18)
        bar.addLayout(self.action_grid)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 20, 32, 24)
        box.setSpacing(16)
        box.addWidget(self.status)
        box.addWidget(self.grid, 1)
        box.addLayout(bar)
        ctx.hall.queueChanged.connect(self._update_status)
        ctx.hall.issuing.changed.connect(self._gate)

    def enter(self, arg: object) -> None:
        self.code = str(arg)
        self.error.hide()
        self.rebuild()

    def title(self) -> str:
        catalog = self.ctx.hall.catalog
        return loc(catalog.category(self.code), "name", self.ctx.lang) if catalog else ""

    def guidance(self) -> str:
        return self.tr("Tap the item you need to see the materials, or take a ticket directly.")

    def rebuild(self) -> None:
        catalog = self.ctx.hall.catalog
        if catalog is None or not self.code:
            return
        lang = self.ctx.lang
        tiles = []
        for item in catalog.items_of(self.code):
            tile = Tile("item")
            disabled = catalog.is_disabled(str(item["code"]))
            materials = len(item.get("materials") or ())
            detail = (
                self.tr("Not handled at this hall")
                if disabled
                else self.tr("{n} materials · {limit}").format(
                    n=materials, limit=time_limit_text(int(item.get("time_limit_days") or 0))
                )
            )
            online = self.tr("Also online") if item.get("online") and not disabled else ""
            tile.set_texts("", loc(item, "name", lang), detail, online)
            tile.setEnabled(not disabled)
            tile.clicked.connect(lambda _=False, c=str(item["code"]): self.nav.go("item", c))
            tiles.append(tile)
        self.grid.set_cells(tiles)
        self.grid.fit(item_size(self.ctx.elder, self.ctx.compact), 6 if self.ctx.elder else 12)
        self.grid.retranslate()
        self.take.setText(self.tr("Not sure? Take a ticket for this service"))
        self.green.setText(self.tr("Green channel ticket"))
        self.green.setVisible(self.ctx.elder)
        # on a small landscape panel in elder mode the items keep the room (the home tile
        # showed the same wait a tap ago)
        self.status.setVisible(not (self.ctx.elder and self.ctx.compact and not self.ctx.portrait))
        stacked = self.ctx.portrait or self.ctx.elder
        self.bar.setDirection(  # elder mode's big buttons go one over the other
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        self._place_actions()
        self._gate()
        self._update_status()

    def _place_actions(self) -> None:
        """One row beside the hint on a landscape panel; one over the other in portrait and in
        elder mode, except on a small landscape panel in elder mode, where three big buttons
        stacked would leave the items no room: two rows there."""
        for b in (self.green, self.take, self.card):
            self.action_grid.removeWidget(b)
        if self.ctx.elder and self.ctx.compact and not self.ctx.portrait:
            cells = [(self.green, 0, 0, 1), (self.card, 0, 1, 1), (self.take, 1, 0, 2)]
        elif self.ctx.portrait or self.ctx.elder:
            cells = [(self.green, 0, 0, 1), (self.take, 1, 0, 1), (self.card, 2, 0, 1)]
        else:
            cells = [(self.green, 0, 0, 1), (self.take, 0, 1, 1), (self.card, 0, 2, 1)]
        for widget, row, column, span in cells:
            self.action_grid.addWidget(widget, row, column, 1, span)

    def _gate(self) -> None:
        if not self.code:
            return
        self.take.setEnabled(True)
        self.take.setVisible(True)
        self.green.setVisible(self.ctx.elder)
        self.green.setEnabled(True)
        self.ctx.hall.issuing.gate(
            self.code,
            self.ctx.lang,
            [self.take, self.green],
            self.card,
            self.notice,
        )

    def _update_status(self) -> None:
        if not self.code:
            return
        w = self.ctx.hall.waiting(self.code)
        self.status.setText(
            self.tr("Now: {waiting}, {wait}. Tap an item to see what to bring.").format(
                waiting=waiting_text(w.waiting), wait=wait_text(w.estimated_wait_s, w.waiting)
            )
        )

    def _take(self, priority: str) -> None:
        self.error.hide()
        self.flow.issue(self._refused, category=self.code, priority=priority)

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
