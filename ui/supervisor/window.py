"""The supervisor's console: sign-in, then six panes under a header (hall, who is signed in,
the connection): live hall, alerts, cases, reports, assessment, export.

The window wires the session's signals to the panes and the panes' requests to the session;
every action is one dialog and one request. `ready` fires once the chosen pane has its first
data (for --screenshot).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import paths
from ui.common.halltime import hall_now, skew_s
from ui.common.login import StaffLogin
from ui.common.theme import set_prop
from ui.supervisor.dialogs import CaseStepDialog, Form, NoteDialog, PauseDialog, ServeDialog
from ui.supervisor.files import FileSaver
from ui.supervisor.panes import (
    AlertsPane,
    CasesPane,
    ExportPane,
    HallPane,
    ReportPane,
    suggested_window,
)
from ui.supervisor.session import SupervisorSession

PANES = ("hall", "alerts", "cases", "reports", "assessment", "export")


class LoginPage(StaffLogin):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Hall supervisor"), self.tr("e.g. 3001"), self.tr("Sign in"), parent
        )


class SupervisorWindow(QWidget):
    ready = Signal()

    def __init__(
        self, session: SupervisorSession, pane: str = "hall", export_dir: Path | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("supervisor")
        self.setWindowTitle(self.tr("Hall supervisor"))
        self.setMinimumSize(1280, 720)
        self.resize(1366, 768)
        self.session = s = session
        s.setParent(self)
        self.pane = pane
        self.categories: list[tuple[str, str]] = []
        self.idle: set[int] = set()
        self.last_overview: dict[str, Any] = {}
        self.skew = 0  # the hall server's clock minus this PC's, in seconds
        self.saver = FileSaver(export_dir, self)
        self._ready_sent = False

        self.login = LoginPage()
        self.hall = HallPane()
        self.alerts = AlertsPane()
        self.cases = CasesPane()
        self.reports = ReportPane(("day",), ("by_hour", "waits"))
        self.assessment = ReportPane(("clerks", "ranking"), ("clerks", "ranking"))
        self.export = ExportPane()
        for p in (self.reports, self.assessment):
            p.lang = s.lang
        self.tabs = QTabWidget()
        self.tabs.setObjectName("panes")
        for widget, title in (
            (self.hall, self.tr("Live hall")),
            (self.alerts, self.tr("Alerts")),
            (self.cases, self.tr("Cases")),
            (self.reports, self.tr("Reports")),
            (self.assessment, self.tr("Assessment")),
            (self.export, self.tr("Export")),
        ):
            self.tabs.addTab(widget, title)
        self.who = QLabel()
        self.who.setProperty("role", "subtitle")
        self.link = QLabel()
        self.link.setObjectName("link")
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        sign_out = QPushButton(self.tr("Sign out"))
        sign_out.setMinimumHeight(44)
        sign_out.clicked.connect(s.logout)
        header = QHBoxLayout()
        header.addWidget(self.who, 1)
        header.addWidget(self.link)
        header.addWidget(sign_out)
        console = QWidget()
        cbox = QVBoxLayout(console)
        cbox.addLayout(header)
        cbox.addWidget(self.note)
        cbox.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login)
        self.stack.addWidget(console)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addWidget(self.stack)

        self.login.submitted.connect(s.login)
        s.login_failed.connect(self.login.show_error)
        s.logged_in.connect(self._logged_in)
        s.logged_out.connect(self._logged_out)
        s.overview.connect(self._overview)
        s.alerts.connect(self._alerts)
        s.cases.connect(self._cases)
        s.report.connect(self._report)
        s.report_file.connect(self._file)
        s.live_event.connect(self._event)
        s.online.connect(self._online)
        s.message.connect(self._message)
        self.saver.saved.connect(
            lambda path: self.export.status.setText(self.tr("Saved: {path}").format(path=path))
        )
        self.saver.failed.connect(lambda err: self._message(err, "error"))
        self.hall.act.connect(self._window_action)
        self.alerts.acknowledge.connect(self._acknowledge)
        self.alerts.apply.connect(self._follow_suggestion)
        self.alerts.show_state.connect(s.load_alerts)
        self.cases.step.connect(self._case_step)
        self.cases.show_filter.connect(s.load_cases)
        for p in (self.reports, self.assessment):
            p.wanted.connect(s.load_report)
        self.export.export.connect(s.fetch_file)
        self.tabs.setCurrentIndex(PANES.index(pane) if pane in PANES else 0)

    # -- sign-in -------------------------------------------------------------------------
    def auto_login(self, employee_no: str, pin: str) -> None:
        self.login.employee.setText(employee_no)
        self.session.login(employee_no, pin)

    def _logged_in(self) -> None:
        s = self.session
        self.who.setText(
            self.tr("{name} ({no}) · hall supervisor").format(name=s.name, no=s.employee_no)
        )
        self.stack.setCurrentIndex(1)
        if self.pane in ("reports", "assessment"):
            (self.reports if self.pane == "reports" else self.assessment).ask()
        elif self.pane == "export":
            self._mark_ready()

    def _logged_out(self) -> None:
        self.login.clear()
        self.stack.setCurrentIndex(0)

    # -- what the server says ------------------------------------------------------------
    def _overview(self, body: dict[str, Any]) -> None:
        self.last_overview = body
        self.skew = skew_s(body.get("now"))
        day = str(body.get("service_day") or "")
        for pane in (self.reports, self.assessment):
            if pane.period.set_today(day) and pane.asked:  # asked for the PC's date: again
                pane.ask()
        self.export.period.set_today(day)
        lang = self.session.lang
        self.categories = [
            (c["code"], str(c.get(f"name_{lang}") or c.get("name_zh")))
            for c in body.get("categories", [])
        ]
        self.hall.windows.lang = self.hall.categories.lang = lang
        self.alerts.model.names = dict(self.categories)
        self.hall.show_overview(body, self.idle)
        if self.pane == "hall":
            self._mark_ready()

    def _alerts(self, alerts: list[dict[str, Any]]) -> None:
        self.alerts.show_alerts(alerts)
        self.idle = {
            int(a["details"]["window_no"])
            for a in alerts
            if a.get("kind") == "idle_window" and a.get("state") == "open"
        }
        if self.last_overview:
            self.hall.show_overview(self.last_overview, self.idle)
        if self.pane == "alerts":
            self._mark_ready()

    def _cases(self, body: dict[str, Any]) -> None:
        self.cases.show_cases(body)
        if self.pane == "cases":
            self._mark_ready()

    def _report(self, kind: str, body: dict[str, Any]) -> None:
        self.reports.show_report(kind, body)
        self.assessment.show_report(kind, body)
        if self.pane == "reports" or (self.pane == "assessment" and kind == "ranking"):
            self._mark_ready()

    def _file(self, fmt: str, data: bytes) -> None:
        kind = self.export.kind.currentData()
        start, end = self.export.period.span()
        self.saver.save(f"{kind}-{start}-{end}.{fmt}", data)

    def _event(self, ev: dict[str, Any]) -> None:
        """A call or a finish shows at its window at once; the overview the session re-reads
        on the same cue then brings everything else (counts, waits, satisfaction)."""
        kind, p = ev.get("type"), ev.get("payload") or {}
        if kind == "alert.raised" and self.alerts.chime.isChecked():
            QApplication.beep()
        if kind in ("ticket.called", "ticket.finished", "ticket.no_show") and self.last_overview:
            for w in self.last_overview.get("windows", []):
                if w["no"] == p.get("window_no"):
                    w["ticket"] = p.get("number") if kind == "ticket.called" else None
                    self.hall.show_overview(self.last_overview, self.idle)
                    break

    def _online(self, up: bool) -> None:
        self.link.setText(self.tr("Live") if up else self.tr("Reconnecting…"))
        set_prop(self.link, "state", "up" if up else "down")

    def _message(self, text: str, level: str) -> None:
        self.note.setText(text)
        set_prop(self.note, "level", level)
        if level == "error":
            self.export.status.setText(text)

    def _mark_ready(self) -> None:
        if not self._ready_sent:
            self._ready_sent = True
            self.ready.emit()

    # -- actions: one dialog, one request ------------------------------------------------
    def _window_action(self, action: str, w: dict[str, Any]) -> None:
        s, no = self.session, int(w["no"])
        if action == "resume":
            s.post(paths.supervise_window(no, "resume"), {})
            return
        if action == "unserve":
            s.delete(paths.supervise_window(no, "serve"))
            return
        dialog: Form
        if action == "pause":
            dialog = PauseDialog(no, self, self._hall_time())
        elif action == "sign-out":
            dialog = NoteDialog(
                self.tr("Sign the clerk out of window {no}").format(no=no), self.tr("Note"), self
            )
        else:
            dialog = ServeDialog(
                no, self.categories, list(w.get("categories") or []), None, self, self._hall_time()
            )
        self._send_on_ok(dialog, paths.supervise_window(no, action))

    def _acknowledge(self, alert: dict[str, Any]) -> None:
        dialog = NoteDialog(self.tr("Acknowledge the alert"), self.tr("Note"), self)
        self._send_on_ok(dialog, paths.alert_ack(int(alert["id"])))

    def _follow_suggestion(self, alert: dict[str, Any]) -> None:
        """The tidal dialog for the advised window, the alert's category already ticked beside
        what the window serves now: the supervisor checks it and sends it."""
        no = suggested_window(alert)
        if no is None:
            return
        windows = (self.last_overview or {}).get("windows", [])
        current = next((list(w.get("categories") or []) for w in windows if w["no"] == no), [])
        category = str((alert.get("details") or {}).get("category") or "") or None
        dialog = ServeDialog(no, self.categories, current, category, self, self._hall_time())
        self._send_on_ok(dialog, paths.supervise_window(no, "serve"))

    def _hall_time(self) -> QTime:
        """Now on the hall server's clock, in the hall's zone: what a form's HH:MM means."""
        zone = ((self.last_overview or {}).get("hall") or {}).get("timezone")
        return hall_now(zone, self.skew).time()

    def _case_step(self, step: str, case: dict[str, Any]) -> None:
        self._send_on_ok(CaseStepDialog(step, self), paths.case_step(str(case["id"]), step))

    def _send_on_ok(self, dialog: Form, path: str) -> None:
        """Opens the dialog without blocking; its values go to `path` once it is accepted."""
        dialog.accepted.connect(lambda: self.session.post(path, dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def closeEvent(self, event: Any) -> None:
        self.session.close()
        super().closeEvent(event)
