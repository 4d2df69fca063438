"""The window client's screen: the login, then the current ticket (or a step such as finish or
pause) beside the queue and today's figures, over the row of big action buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from ui.printing.printer import Printer
from ui.window_client.actions import ActionBar
from ui.window_client.commands import ClerkSession
from ui.window_client.finish_pages import CorrectionPage, FinishPage
from ui.window_client.finishing import FinishFlow
from ui.window_client.header import Header
from ui.window_client.login import LoginPage
from ui.window_client.page import Page
from ui.window_client.pages import CallNumberPage, PausePage, TransferPage
from ui.window_client.side_panel import SidePanel
from ui.window_client.texts import name_of
from ui.window_client.ticket_panel import TicketPanel

TICKET_STEPS = ("finish", "correction", "transfer")  # steps on the ticket at the window


class WindowClient(QWidget):
    ready = Signal()

    def __init__(self, session: ClerkSession, printer_url: str) -> None:
        super().__init__()
        self.setObjectName("windowClient")
        self.session = s = session
        s.setParent(self)
        self.lang = s.lang
        self.printer = Printer(printer_url, self)
        self.finishing = FinishFlow(self)
        self.printer.printed.connect(self.finishing.printed)
        self.header = Header(s.window_no)
        self.login = LoginPage(s.window_no)
        self.ticket = TicketPanel()
        self.ticket.lang = s.lang
        self.finish_page, self.correction_page = FinishPage(), CorrectionPage()
        self.pause_page, self.transfer_page = PausePage(), TransferPage()
        self.call_page = CallNumberPage()
        self.main = QStackedWidget()
        for w in (
            self.ticket,
            self.finish_page,
            self.correction_page,
            self.pause_page,
            self.transfer_page,
            self.call_page,
        ):
            self.main.addWidget(w)
            if isinstance(w, Page):
                w.cancelled.connect(self.back)
        self.side = SidePanel()
        self.side.model.lang = s.lang
        self.action_bar = ActionBar(
            {
                "call": s.call_next,
                "recall": s.recall,
                "no_show": s.no_show,
                "start": s.start,
                "finish": lambda: self.open_page(self.finish_page),
                "call_number": lambda: self.open_page(self.call_page),
                "transfer": self._open_transfer,
                "pause": lambda: self.open_page(self.pause_page),
                "resume": s.resume,
            },
            self,
        )
        work = QWidget()
        middle = QHBoxLayout()
        middle.addWidget(self.main, 3)
        middle.addWidget(self.side, 2)
        work_box = QVBoxLayout(work)
        work_box.setContentsMargins(12, 12, 12, 0)
        work_box.addLayout(middle, 1)
        work_box.addWidget(self.action_bar)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.login)
        self.screens.addWidget(work)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)  # no size hints to
        # push to the platform window: the offscreen plugin warns about them
        box.addWidget(self.header)
        box.addWidget(self.screens, 1)
        self._auto: tuple[str, str, bool] | None = None
        self._step = ""
        self._wire()
        self.resize(1366, 800)
        self.setWindowTitle(self.tr("Window {no} – window client").format(no=s.window_no))

    def _wire(self) -> None:
        s = self.session
        self.login.submitted.connect(self._login)
        self.header.logout.connect(s.logout)
        s.loaded.connect(self._loaded)
        s.logged_in.connect(self._logged_in)
        s.logged_out.connect(self._logged_out)
        s.changed.connect(self._update)
        s.queue_changed.connect(lambda: self.side.show_queue(s.snapshot, s.window, s.fetched_at))
        s.stats_changed.connect(self._stats)
        s.message.connect(self._message)
        self.finish_page.finished.connect(self.finishing.finish)
        self.finish_page.correction.connect(self.finishing.open_correction)
        self.correction_page.confirmed.connect(self.finishing.correction)
        self.pause_page.confirmed.connect(self._then_back(s.pause))
        self.transfer_page.confirmed.connect(self._then_back(s.transfer))
        self.call_page.confirmed.connect(self._then_back(s.call_number))

    # -- screens -----------------------------------------------------------------------------
    def _loaded(self) -> None:
        s = self.session
        self.ticket.items = {i["code"]: i for i in s.catalog.get("items", [])}
        hall = s.snapshot.get("hall", {})
        self.login.show_names(name_of(hall, self.lang), name_of(s.window, self.lang))
        self.header.window_name.setText(name_of(s.window, self.lang))
        self._update()
        if self._auto:
            self.session.login(self._auto[0], self._auto[1])
        else:
            self.ready.emit()

    def auto_login(self, employee_no: str, pin: str, call_next: bool, step: str = "") -> None:
        """Signs in once the hall is loaded, calls the next ticket and opens a step if asked
        (demos and screenshots); `ready` then waits for the signed-in screen and its figures."""
        self._auto, self._step = (employee_no, pin, call_next), step

    def _logged_in(self) -> None:
        self.screens.setCurrentIndex(1)
        self.setFocus()
        if self._auto and self._auto[2] and not self.session.window.get("ticket"):
            self.session.call_next()

    def _stats(self, stats: dict[str, Any]) -> None:
        self.side.show_stats(stats)
        if self._auto:
            self._auto = None
            QTimer.singleShot(600, self._show_step)

    def _show_step(self, tries: int = 0) -> None:
        if self._step in TICKET_STEPS and self.session.ticket is None and tries < 40:
            QTimer.singleShot(100, lambda: self._show_step(tries + 1))  # still on its way
            return
        pages = {"finish": self.finish_page, "pause": self.pause_page}
        if self._step == "transfer":
            self._open_transfer()
        elif self._step == "correction":
            self.finishing.open_correction("")
            for check in self.correction_page.checks[1:3]:
                check.setChecked(True)
        elif self._step in pages:
            self.open_page(pages[self._step])
        QTimer.singleShot(200, self.ready.emit)

    def _login(self, employee_no: str, pin: str) -> None:
        self.login.set_busy(True)
        self.session.login(employee_no, pin)

    def _logged_out(self) -> None:
        self.back()
        self.login.clear()
        self.screens.setCurrentIndex(0)

    def open_page(self, page: Page) -> None:
        page.reset()
        t = self.session.ticket
        page.set_subject(f"{t['number']} · {t.get(f'category_name_{self.lang}', '')}" if t else "")
        self.main.setCurrentWidget(page)
        page.setFocus()
        self._update()

    def back(self) -> None:
        self.main.setCurrentWidget(self.ticket)
        self.setFocus()
        self._update()

    def _then_back(self, act: Callable[..., None]) -> Callable[..., None]:
        """A step's confirmation: act on it, then back to the ticket."""

        def run(*args: Any) -> None:
            act(*args)
            self.back()

        return run

    def _open_transfer(self) -> None:
        s = self.session
        self.open_page(self.transfer_page)
        self.transfer_page.fill(s.catalog, s.snapshot, s.window_no, self.lang)

    def _update(self) -> None:
        s = self.session
        self.login.set_busy(s.busy)
        name = f"{s.clerk_name} ({s.employee_no})" if s.token else ""
        self.header.show_state(name, s.online, s.pending, s.calling_blocked(), s.can("logout"))
        self.ticket.show_state(s.status, s.pause_reason, s.ticket)
        on_page = self.main.currentWidget() is not self.ticket
        for action, button in self.action_bar.buttons.items():
            rule = "call" if action == "call_number" else action
            button.setEnabled(not on_page and s.can(rule))
        if (
            on_page
            and s.ticket is None
            and self.main.currentWidget()
            in (self.finish_page, self.correction_page, self.transfer_page)
        ):
            self.back()  # the ticket went away (day close, another device) while choosing

    def _message(self, text: str, level: str) -> None:
        self.header.show_message(text, level)
        if not self.session.token:
            self.login.show_error(text)

    def closeEvent(self, event: Any) -> None:
        self.session.close()
        super().closeEvent(event)
