"""The help-desk console: sign-in, then three tabs (questions, knowledge base, today's figures)
under a bar with the on-duty switch and an alert strip.

The window wires the session's signals to the pages and turns the panel's requests into
server calls; `ready` fires once the first data is on screen (for --screenshot).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import paths
from ui.common.i18n import bracket
from ui.help_desk.detail import ConsultationPanel
from ui.help_desk.figures_page import FiguresPage
from ui.help_desk.header import AlertStrip, Header
from ui.help_desk.knowledge_page import KnowledgePage
from ui.help_desk.login import LoginPage
from ui.help_desk.model import ConsultationModel
from ui.help_desk.queue_list import QueueList
from ui.help_desk.requests import PanelRequests
from ui.help_desk.session import DeskSession
from ui.printing.printer import Printer

VIEWS = ("consultations", "knowledge", "figures")
DONE_STEPS = ("claimed", "resolved", "converted", "referred")


class HelpDeskWindow(QWidget):
    ready = Signal()

    def __init__(self, session: DeskSession, printer_url: str, view: str = "consultations") -> None:
        super().__init__()
        self.setObjectName("helpDesk")
        self.setWindowTitle(self.tr("Help desk"))
        self.resize(1440, 900)
        self.session = s = session
        s.setParent(self)
        self.view, self.select_number = view, ""
        self.header, self.alerts, self.login = Header(), AlertStrip(), LoginPage()
        self.model = ConsultationModel(self)
        self.queue = QueueList(self.model)
        self.panel = ConsultationPanel()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.panel)
        # a long consultation scrolls down; its width is never cut by the scroll bar: the
        # splitter keeps room for the panel's narrowest layout and the bar beside it
        scroll.setProperty("scrolls", True)
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(self.panel.minimumSizeHint().width() + bar + 2 * scroll.frameWidth())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.queue)
        split.addWidget(scroll)
        split.setSizes([620, 820])
        self.knowledge, self.figures = KnowledgePage(s), FiguresPage(s)
        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("Questions"))
        self.tabs.addTab(self.knowledge, self.tr("FAQs and notices"))
        self.tabs.addTab(self.figures, self.tr("Today's figures"))
        self.tabs.currentChanged.connect(self._tab)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login)
        self.stack.addWidget(self.tabs)
        box = QVBoxLayout(self)
        box.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)  # no window size
        box.setContentsMargins(0, 0, 0, 0)  # hints pushed at every change of the panels
        box.setSpacing(0)
        for w in (self.header, self.alerts):
            box.addWidget(w)
        box.addWidget(self.stack, 1)
        self.login.submitted.connect(s.login)
        s.login_failed.connect(self.login.show_error)
        s.logged_in.connect(self._logged_in)
        s.logged_out.connect(self._logged_out)
        s.catalog_loaded.connect(self._catalog)
        s.listing.connect(self._listing)
        s.live_event.connect(self._event)
        s.presence.connect(self.header.set_presence)
        s.online.connect(self.header.set_online)
        s.pending_changed.connect(self.header.set_pending)
        s.blocked.connect(self.panel.set_blocked)
        s.message.connect(lambda text, level: self.panel.say(text, level))
        self.header.presence_toggled.connect(s.set_presence)
        self.header.sign_out.connect(s.logout)
        self.queue.selected.connect(self.panel.show_row)
        self.printer = Printer(printer_url, self)
        self.requests = PanelRequests(s, self.panel, self.printer, self)
        self._credentials: tuple[str, str] | None = None
        self._first_listing = False

    # -- start ---------------------------------------------------------------------------
    def auto_login(self, employee_no: str, pin: str, select: str | None = None) -> None:
        """Signs in once the catalog is loaded (demos and screenshots)."""
        self._credentials = (employee_no, pin)
        self.select_number = (select or "").upper()

    def _catalog(self) -> None:
        s = self.session
        self.login.show_names(s.hall_name())
        self.header.hall.setText(s.hall_name())
        self.panel.items.set_catalog(s.catalog, s.lang)
        if self._credentials is not None:
            s.login(*self._credentials)
            self._credentials = None
        elif not s.employee_no:
            self.ready.emit()

    def _logged_in(self) -> None:
        s = self.session
        self.header.set_user(s.name)
        self.queue.set_me(s.employee_no)
        self.login.clear()
        self.stack.setCurrentWidget(self.tabs)
        self._first_listing = True

    def _logged_out(self) -> None:
        self.header.set_user("")
        self.model.reset([], {}, "1970-01-01T00:00:00Z")
        self.alerts.reset()
        self.stack.setCurrentWidget(self.login)

    def _listing(self, body: dict[str, Any]) -> None:
        s = self.session
        self.model.reset(body["consultations"], s.staff, body["server_now"])
        self.alerts.reset()
        for alert in body.get("alerts") or []:
            self.alerts.raise_alert(alert["details"], alert["kind"])
        self.panel.set_user(s.employee_no, s.role, s.staff)
        cats = s.catalog.get("categories", [])
        cats = sorted(cats, key=lambda c: not c.get("helpdesk"))
        lang = s.lang
        choices = [
            (c["code"], bracket(c.get(f"name_{lang}") or c["name_zh"], c["prefix"])) for c in cats
        ]
        colleagues: list[tuple[str, str | None]] = [(self.tr("Back to the open list"), None)]
        colleagues += [(s.staff.get(e, e), e) for e in s.desk_staff if e != s.employee_no]
        self.panel.action_area.set_choices(choices, colleagues)
        if self.select_number:
            row = next((r for r in self.model.rows if r["number"] == self.select_number), None)
            if row is not None:
                self.queue.select(row["id"])
        if self._first_listing:  # names are known now: open the asked-for tab
            self._first_listing = False
            if self.tabs.currentIndex() == VIEWS.index(self.view):
                self._tab(self.tabs.currentIndex())
            self.tabs.setCurrentIndex(VIEWS.index(self.view))
        if self.view == "consultations":
            self.ready.emit()

    def _tab(self, index: int) -> None:
        if index == 0:
            return
        if index == 1:
            self.knowledge.reload(self.ready.emit if self.view == "knowledge" else None)
        elif index == 2:
            call = self.session.api.get(paths.HELPDESK_FIGURES)
            call.succeeded.connect(self.figures.show_figures)
            if self.view == "figures":
                call.succeeded.connect(lambda _: self.ready.emit())

    def closeEvent(self, event: Any) -> None:
        self.session.close()
        super().closeEvent(event)

    # -- live ----------------------------------------------------------------------------
    def _event(self, ev: dict[str, Any]) -> None:
        kind, p = str(ev.get("type", "")), ev.get("payload") or {}
        self.model.sync_clock(ev["ts"])
        row = self.model.apply_event(ev)
        current = self.queue.current()
        if row is not None and current is not None and current["id"] == row["id"]:
            self.panel.show_row(row, keep_draft=True)
        if kind == "alert.raised":
            self.alerts.raise_alert(p.get("details") or {}, p.get("kind", ""))
        elif kind.startswith("consultation.") and kind.rpartition(".")[2] in DONE_STEPS:
            self.alerts.clear_alert(str(p.get("consultation_id")))
        elif kind == "helpdesk.presence" and p.get("staffed"):
            self.alerts.clear_alert("desk")
