"""A service item's one-time notice (一次性告知): the standard materials, the promised time
limit, the fee and whether it can be done online, with "print this list" and "take a ticket".

Showing the full standard list before the citizen queues is the kiosk's answer to halls asking
for extra materials beyond the standard list: what is on this screen is all that is needed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QVBoxLayout

from ui.common.wording import loc
from ui.printing.dispatch import PrintResult
from ui.printing.documents import notice_data
from ui.printing.printer import PrintJob
from ui.ticket_kiosk.actions import TicketFlow
from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.screens.base import Nav, Screen
from ui.ticket_kiosk.texts import fee_text, time_limit_text
from ui.ticket_kiosk.widgets.common import button, label
from ui.ticket_kiosk.widgets.materials import MaterialList
from ui.ticket_kiosk.widgets.qr import QrView


class ItemScreen(Screen):
    name = "item"

    def __init__(self, ctx: KioskContext, nav: Nav, flow: TicketFlow) -> None:
        super().__init__(ctx, nav)
        self.flow = flow
        self.item: dict[str, Any] = {}
        # the item's full name heads the page (the header names its category): the longest
        # names run to two lines and more in English, which a header cannot give them
        self.item_name = label("item-name")
        self.item_name.setObjectName("ItemName")
        self.department = label("lead")
        self.facts = QFrame()
        self.facts.setProperty("role", "card")
        facts = QGridLayout(self.facts)
        facts.setContentsMargins(24, 16, 24, 16)
        self.fact_labels = [label("fact-label", wrap=False) for _ in range(3)]
        self.fact_values = [label("fact-value") for _ in range(3)]
        for i, (k, v) in enumerate(zip(self.fact_labels, self.fact_values, strict=True)):
            facts.addWidget(k, 0, i)
            facts.addWidget(v, 1, i)
        self.heading = label("section")
        self.materials = MaterialList()
        self.more = label("more", wrap=False)
        self.more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more.hide()
        self.materials.moreBelow.connect(self.more.setVisible)
        self.qr = QrView(220)
        self.online = label("online")
        self.online.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_status = label("hint")
        self.error = label("error")
        self.print = button("")
        self.green = button("green")
        self.take = button("primary")
        self.take.setObjectName("TakeTicket")
        self.print.clicked.connect(self._print)
        self.take.clicked.connect(lambda: self._take("normal"))
        self.green.clicked.connect(lambda: self._take("green"))
        self.card = button("primary")
        self.card.setObjectName("TicketByCard")
        self.card.clicked.connect(self._take_by_card)
        self.notice = label("hint")
        self.notice.setObjectName("IssuingNotice")
        ctx.printer.printed.connect(self._printed)
        ctx.hall.issuing.changed.connect(self._gate)

        left = QVBoxLayout()
        left.setSpacing(14)
        left.addWidget(self.item_name)
        left.addWidget(self.department)
        left.addWidget(self.facts)
        left.addWidget(self.heading)
        left.addWidget(self.materials, 1)
        left.addWidget(self.more)
        self.side = QFrame()
        self.side.setProperty("role", "card")
        side = QVBoxLayout(self.side)
        side.setContentsMargins(24, 24, 24, 24)
        side.setSpacing(14)
        side.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addWidget(self.online)
        side.addStretch(1)
        side.addWidget(self.print_status)
        side.addWidget(self.error)
        side.addWidget(self.notice)
        for b in (self.print, self.green, self.take, self.card):
            side.addWidget(b)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.body.setContentsMargins(32, 20, 32, 24)
        self.body.setSpacing(24)
        self.body.addLayout(left, 1)
        self.body.addWidget(self.side)

    def enter(self, arg: object) -> None:
        catalog = self.ctx.hall.catalog
        self.item = (catalog.items.get(str(arg)) if catalog else None) or {}
        self.print_status.clear()
        self.error.hide()
        self.rebuild()

    def title(self) -> str:
        catalog = self.ctx.hall.catalog
        category = catalog.category(str(self.item.get("category"))) if catalog else None
        return loc(category, "name", self.ctx.lang) if category else ""

    def guidance(self) -> str:
        return self.tr("Here is everything to bring. Tap Take a ticket when you are ready.")

    def rebuild(self) -> None:
        if not self.item:
            return
        lang, item = self.ctx.lang, self.item
        portrait = self.ctx.portrait
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        if portrait:
            self.side.setMinimumWidth(0)
            self.side.setMaximumWidth(16777215)
        else:
            wide = 560 if self.ctx.elder else 480
            self.side.setFixedWidth((420 if self.ctx.elder else 360) if self.ctx.compact else wide)
        # the department is on the printed list too: on a small panel in elder mode the
        # page keeps its room for the name, the facts and the materials
        self.department.setVisible(not (self.ctx.compact and self.ctx.elder and not portrait))
        self._place_facts(stacked=self.ctx.compact or (self.ctx.elder and not portrait))
        self.item_name.setText(loc(item, "name", lang))
        self.department.setText(
            self.tr("Handled by {dept}").format(dept=loc(item, "department", lang))
        )
        online = bool(item.get("online") and item.get("online_url"))
        pairs = (
            (self.tr("Time limit"), time_limit_text(int(item.get("time_limit_days") or 0))),
            (self.tr("Fee"), fee_text(float(item.get("fee_cny") or 0))),
            (
                self.tr("Online"),
                self.tr("Can be done online") if online else self.tr("At the window only"),
            ),
        )
        for (k, v), kl, vl in zip(pairs, self.fact_labels, self.fact_values, strict=True):
            kl.setText(k)
            vl.setText(v)
        materials = list(item.get("materials") or ())
        self.heading.setText(self.tr("Materials to bring ({n})").format(n=len(materials)))
        self.materials.set_materials(materials, lang)
        self.more.setText(self.tr("More materials below: drag the list up ↓"))
        self.qr.set_data(str(item.get("online_url")) if online else "")
        # elder mode on a small landscape panel: the column keeps its room for the big ticket
        # buttons (the facts above still say the item can be done online)
        crowded = self.ctx.elder and self.ctx.compact and not portrait
        self.qr.setVisible(online and not crowded)
        self.online.setVisible(not crowded)
        self.online.setText(
            self.tr("Scan to do it online at the online service hall")
            if online
            else self.tr("This item is handled at the window")
        )
        disabled = bool(self.ctx.hall.catalog and self.ctx.hall.catalog.is_disabled(item["code"]))
        self.print.setText(self.tr("Print this list"))
        self.print.setVisible(self.ctx.printer.configured)
        self.take.setText(self.tr("Take a ticket"))
        self.take.setEnabled(not disabled)
        self.green.setText(self.tr("Green channel ticket"))
        self.green.setVisible(self.ctx.elder and not disabled)
        self._gate()

    def _gate(self) -> None:
        if not self.item:
            return
        catalog = self.ctx.hall.catalog
        disabled = bool(catalog and catalog.is_disabled(self.item["code"]))
        self.take.setVisible(True)
        self.take.setEnabled(not disabled)
        self.green.setVisible(self.ctx.elder and not disabled)
        self.green.setEnabled(True)
        self.ctx.hall.issuing.gate(
            str(self.item["category"]),
            self.ctx.lang,
            [self.take, self.green],
            self.card,
            self.notice,
        )
        if disabled:
            self.card.setEnabled(False)

    def _take_by_card(self) -> None:
        self.nav.go("realname", (str(self.item["category"]), str(self.item["code"])))

    def _place_facts(self, stacked: bool) -> None:
        """Three facts side by side where there is room; one under the other (name: value)
        where there is not, so a value never wraps into a column too narrow for it."""
        grid = self.facts.layout()
        assert isinstance(grid, QGridLayout)
        for i, (k, v) in enumerate(zip(self.fact_labels, self.fact_values, strict=True)):
            grid.removeWidget(k)
            grid.removeWidget(v)
            if stacked:
                grid.addWidget(k, i, 0)
                grid.addWidget(v, i, 1)
            else:
                grid.addWidget(k, 0, i)
                grid.addWidget(v, 1, i)
        for col in range(3):
            grid.setColumnStretch(col, (0, 1, 0)[col] if stacked else 1)

    def _print(self) -> None:
        self.print.setEnabled(False)
        self.print_status.setText(self.tr("Printing…"))
        catalog = self.ctx.hall.catalog
        data = notice_data(catalog.data if catalog else {}, self.item, self.ctx.lang)
        self.ctx.printer.notice(data)

    def _printed(self, job: PrintJob, result: PrintResult) -> None:
        if job.kind != "notice":  # at the kiosk only this screen prints notices
            return
        self.print.setEnabled(True)
        if result.ok:
            self.print_status.setText(self.tr("Printed. Please take the list from the slot."))
        else:
            msg = result.error.message(self.ctx.lang) if result.error else ""
            self.print_status.setText(self.tr("Could not print: {why}").format(why=msg))

    def _take(self, priority: str) -> None:
        self.error.hide()
        item = self.item
        self.flow.issue(self._refused, str(item["category"]), str(item["code"]), priority)

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
