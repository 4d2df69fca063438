"""Home: one big tile per category with its live waiting count and estimated wait, search, and
the three other ways in (ask the help desk, appointment check-in, rejoin after a missed call).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QBoxLayout, QFrame, QVBoxLayout, QWidget

from ui.common.wording import loc
from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.issuing import message
from ui.ticket_kiosk.screens.base import Nav, Screen
from ui.ticket_kiosk.texts import wait_text, waiting_short
from ui.ticket_kiosk.widgets.common import button, label
from ui.ticket_kiosk.widgets.icons import magnifier
from ui.ticket_kiosk.widgets.paged import PagedGrid
from ui.ticket_kiosk.widgets.tile import Tile

MAX = 16777215  # QWIDGETSIZE_MAX


def tile_size(elder: bool, compact: bool) -> QSize:
    """The smallest category tile that still reads well; the grid fits as many columns and
    rows of it as the panel has room for (all thirteen queues on a 1920x1080 panel)."""
    if elder:
        return QSize(330, 170) if compact else QSize(400, 200)
    return QSize(270, 124) if compact else QSize(300, 130)


ELDER_PER_PAGE = 6  # elder mode: fewer, bigger choices per screen


def side_width(elder: bool, compact: bool) -> int:
    if compact:
        return 360 if elder else 320
    return 520 if elder else 440


class HomeScreen(Screen):
    name = "home"
    show_back = False

    def __init__(self, ctx: KioskContext, nav: Nav) -> None:
        super().__init__(ctx, nav)
        self.search = button("searchbox")
        self.search.setIcon(magnifier())
        self.search.setIconSize(QSize(44, 44))
        self.search.clicked.connect(lambda: nav.go("search"))
        self.grid = PagedGrid()
        self.tiles: dict[str, Tile] = {}
        self.help = Tile("action")
        self.checkin = Tile("action")
        self.rejoin = Tile("action")
        self.help.clicked.connect(lambda: nav.go("help"))
        self.checkin.clicked.connect(lambda: nav.go("checkin"))
        self.rejoin.clicked.connect(lambda: nav.go("rejoin"))
        self.side = QWidget()
        self.side.setObjectName("HomeSide")
        self.side_box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.side)
        self.side_box.setContentsMargins(0, 0, 0, 0)
        self.side_box.setSpacing(18)
        self.side_tiles = (self.help, self.checkin, self.rejoin)
        for tile in self.side_tiles:
            self.side_box.addWidget(tile, 1)
        self.status = QFrame()
        self.status.setProperty("role", "card")
        self.total = label("section")
        self.advice = label("hint")
        status = QVBoxLayout(self.status)
        status.setContentsMargins(22, 18, 22, 18)
        status.addWidget(self.total)
        status.addWidget(self.advice)
        self.side_box.addStretch(0)
        self.side_box.addWidget(self.status)
        left = QVBoxLayout()
        left.setSpacing(18)
        left.addWidget(self.search)
        left.addWidget(self.grid, 1)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.body.setContentsMargins(32, 24, 32, 24)
        self.body.setSpacing(24)
        self.body.addLayout(left, 1)
        self.body.addWidget(self.side)
        ctx.hall.queueChanged.connect(self.update_counts)
        ctx.hall.issuing.changed.connect(self.update_counts)

    def title(self) -> str:
        return self.tr("Please choose a service")

    def guidance(self) -> str:
        return self.tr(
            "Welcome. Tap the service you need to take a ticket, or tap Search to find it."
        )

    def rebuild(self) -> None:
        ctx = self.ctx
        portrait = ctx.portrait
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.side_box.setDirection(
            QBoxLayout.Direction.LeftToRight if portrait else QBoxLayout.Direction.TopToBottom
        )
        compact = ctx.compact
        if portrait:
            self.side.setMinimumWidth(0)
            self.side.setMaximumSize(MAX, 260 if ctx.elder else 200)
        else:
            self.side.setMaximumHeight(MAX)
            self.side.setFixedWidth(side_width(ctx.elder, compact))
        self.search.setText(
            self.tr("Search services, questions and notices")
            if ctx.elder or compact
            else self.tr("Search services, questions and notices (pinyin works too: sfz)")
        )
        self.help.set_texts("", self.tr("Ask for help"), self.tr("Questions, or help in person"))
        self.checkin.set_texts(
            "", self.tr("Appointment check-in"), self.tr("Booked online? Check in here")
        )
        self.rejoin.set_texts("", self.tr("Missed your call?"), self.tr("Rejoin the queue"))
        # the tiles show the waits too: the summary card goes where room is short
        self.status.setVisible(not portrait and not compact and not ctx.elder)
        for tile in self.side_tiles:  # compact in a column, as tall as the row allows in portrait
            tile.setMaximumHeight(MAX if portrait else (260 if ctx.elder else 200))
        self.advice.setText(
            self.tr("After taking a ticket, watch the screens and listen for your number.")
        )
        self._build_tiles()
        self.grid.fit(tile_size(ctx.elder, compact), ELDER_PER_PAGE if ctx.elder else 0)
        self.grid.retranslate()

    def _build_tiles(self) -> None:
        catalog = self.ctx.hall.catalog
        if catalog is None:
            return
        codes = [str(c["code"]) for c in catalog.ticket_categories]
        if list(self.tiles) != codes:
            self.tiles = {}
            for code in codes:
                tile = Tile("tile")
                tile.clicked.connect(lambda _=False, c=code: self.nav.go("category", c))
                self.tiles[code] = tile
            self.grid.set_cells(list(self.tiles.values()))
        self.update_counts()

    def update_counts(self) -> None:
        catalog = self.ctx.hall.catalog
        if catalog is None:
            return
        total = sum(self.ctx.hall.waiting(code).waiting for code in self.tiles)
        self.total.setText(self.tr("Waiting in the hall now: {n}").format(n=total))
        for code, tile in self.tiles.items():
            cat = catalog.category(code) or {}
            w = self.ctx.hall.waiting(code)
            tile.set_texts(
                str(cat.get("prefix") or ""),
                loc(cat, "name", self.ctx.lang),
                waiting_short(w.waiting),
                wait_text(w.estimated_wait_s, w.waiting),
            )
            issuing = self.ctx.hall.issuing.category(code)
            if not issuing.get("open", True):  # closed or all taken: say why, and until when
                tile.set_note(message(issuing, self.ctx.lang), warn=True)
            else:
                tile.set_note(self.ctx.hall.issuing.left_text(issuing))
        self.grid.reshape()  # the names' lines decide how tall a row must be
