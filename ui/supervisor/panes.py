"""The console's panes: the live hall (with window control), alerts, cases, reports and
assessment (tables and charts), and export. Panes show what the session hands them and turn a
touch into a request on the session; none of them waits on anything."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.supervisor.models import (
    ROW,
    AlertsModel,
    CasesModel,
    CategoriesModel,
    ReportModel,
    WindowsModel,
    two_lines,
)

# the steps a case may take next, by its status (docs/supervision-api.md)
NEXT_STEPS = {
    "open": ("assign",),
    "assigned": ("call-back", "assign"),
    "called_back": ("call-back", "verify", "assign"),
    "verified": ("rectify", "assign"),
    "appealed": ("confirm-exclusion",),
    "excluded": ("close",),
    "rectified": ("revisit",),
    "revisited": ("close",),
}


def table(model: Any, wraps: tuple[int, ...] = ()) -> QTableView:
    """A touch-friendly table: whole rows, lines at least 40 px and as tall as their wrapped
    text, no editing. The `wraps` columns (long free text) share the width left over, so the
    table never needs a horizontal scroll bar; without them the last column takes it."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    rows = view.verticalHeader()
    rows.setVisible(False)
    rows.setMinimumSectionSize(40)
    rows.setDefaultSectionSize(40)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    columns = view.horizontalHeader()
    columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in wraps:
        columns.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    columns.setStretchLastSection(not wraps)
    # a column that got narrower makes its wrapped lines taller: measure the rows again once
    # the widths have settled
    again = QTimer(view)
    again.setSingleShot(True)
    again.setInterval(0)
    again.timeout.connect(view.resizeRowsToContents)
    columns.sectionResized.connect(lambda *_: again.start())
    view.setAlternatingRowColors(True)
    return view


def button(text: str, role: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setMinimumHeight(44)
    if role:
        b.setProperty("role", role)
    return b


def selected(view: QTableView) -> dict[str, Any] | None:
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    row: dict[str, Any] | None = rows[0].data(ROW)
    return row


class HallPane(QWidget):
    """Every window and category live; window control on the selected window."""

    act = Signal(str, dict)  # action (pause, resume, sign-out, serve, unserve), the window

    def __init__(self) -> None:
        super().__init__()
        self.windows = WindowsModel(self)
        self.categories = CategoriesModel(self)
        self.window_view = table(self.windows, wraps=(0, 1, 6))  # name, state, categories
        self.category_view = table(self.categories, wraps=(0,))
        self.helpdesk = QLabel()
        self.helpdesk.setProperty("role", "subtitle")
        self.counts = QLabel()
        self.counts.setProperty("role", "subtitle")
        self.buttons = {
            "pause": button(self.tr("Pause…")),
            "resume": button(self.tr("Resume")),
            "sign-out": button(self.tr("Sign out clerk…")),
            "serve": button(self.tr("Serve categories…"), "primary"),
            "unserve": button(self.tr("End tidal")),
        }
        bar = QHBoxLayout()
        for name, b in self.buttons.items():
            b.clicked.connect(lambda _=False, n=name: self._act(n))
            bar.addWidget(b)
        bar.addStretch(1)
        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Windows"))
        title.setProperty("role", "section")
        lbox.addWidget(title)
        lbox.addWidget(self.window_view, 1)
        lbox.addLayout(bar)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Queues"))
        title.setProperty("role", "section")
        rbox.addWidget(title)
        rbox.addWidget(self.category_view, 1)
        rbox.addWidget(self.helpdesk)
        rbox.addWidget(self.counts)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([880, 480])
        box = QVBoxLayout(self)
        box.addWidget(split)
        self.window_view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._enable()

    def show_overview(self, body: dict[str, Any], idle: set[int]) -> None:
        chosen = selected(self.window_view)
        self.windows.idle = idle
        cats = list(body.get("categories", []))
        self.windows.category_names = {str(c.get("code")): c for c in cats}
        self.windows.set_rows(list(body.get("windows", [])))
        self.categories.set_rows(list(body.get("categories", [])))
        if chosen is not None:
            for i, w in enumerate(self.windows.rows):
                if w["no"] == chosen["no"]:
                    self.window_view.selectRow(i)
        desk = body.get("helpdesk") or {}
        if desk.get("staffed"):
            self.helpdesk.setText(self.tr("Help desk: {n} on duty").format(n=desk.get("on_duty")))
        else:
            self.helpdesk.setText(self.tr("Help desk: nobody on duty"))
        self.counts.setText(
            self.tr("Open alerts: {a} · open cases: {c} · overdue: {o}").format(
                a=body.get("open_alerts", 0),
                c=body.get("open_cases", 0),
                o=body.get("overdue_cases", 0),
            )
        )
        self._enable()

    def _enable(self) -> None:
        w = selected(self.window_view)
        status = w["status"] if w else None
        self.buttons["pause"].setEnabled(status == "open" and not (w or {}).get("ticket"))
        self.buttons["resume"].setEnabled(status == "paused")
        self.buttons["sign-out"].setEnabled(status in ("open", "paused"))
        self.buttons["serve"].setEnabled(w is not None)
        self.buttons["unserve"].setEnabled(bool(w and w.get("tidal")))

    def _act(self, name: str) -> None:
        w = selected(self.window_view)
        if w is not None:
            self.act.emit(name, w)


class AlertsPane(QWidget):
    acknowledge = Signal(dict)
    apply = Signal(dict)  # an open tidal alert whose suggestion names a window
    show_state = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.model = AlertsModel(self)
        self.view = table(self.model, wraps=(2,))  # the details
        self.state = QComboBox()
        for code, name in (
            ("open", self.tr("Open")),
            ("all", self.tr("All (history)")),
            ("acknowledged", self.tr("Acknowledged")),
            ("resolved", self.tr("Resolved")),
        ):
            self.state.addItem(name, code)
        self.state.currentIndexChanged.connect(
            lambda _: self.show_state.emit(self.state.currentData())
        )
        self.ack = button(self.tr("Acknowledge…"), "primary")
        self.ack.clicked.connect(self._ack)
        self.suggested = button(self.tr("Follow the suggestion…"))
        self.suggested.clicked.connect(self._apply)
        self.chime = QPushButton(self.tr("Chime"))
        self.chime.setCheckable(True)
        self.chime.setMinimumHeight(44)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.state)
        bar.addStretch(1)
        bar.addWidget(self.chime)
        bar.addWidget(self.suggested)
        bar.addWidget(self.ack)
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._enable()

    def show_alerts(self, alerts: list[dict[str, Any]]) -> None:
        self.model.set_rows(alerts)
        self._enable()

    def _enable(self) -> None:
        a = selected(self.view)
        self.ack.setEnabled(bool(a and a.get("state") == "open"))
        self.suggested.setEnabled(a is not None and suggested_window(a) is not None)

    def _ack(self) -> None:
        a = selected(self.view)
        if a is not None:
            self.acknowledge.emit(a)

    def _apply(self) -> None:
        a = selected(self.view)
        if a is not None and suggested_window(a) is not None:
            self.apply.emit(a)


def suggested_window(alert: dict[str, Any]) -> int | None:
    """The window an open tidal alert advises opening for its category, if it names one."""
    if alert.get("kind") != "tidal_window" or alert.get("state") != "open":
        return None
    suggestion = (alert.get("details") or {}).get("suggestion")
    no = suggestion.get("window_no") if isinstance(suggestion, dict) else None
    return int(no) if no is not None else None


class CasesPane(QWidget):
    step = Signal(str, dict)  # step, the case
    show_filter = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.model = CasesModel(self)
        self.view = table(self.model)
        self.filter = QComboBox()
        for code, name in (
            ("open", self.tr("Not closed")),
            ("overdue", self.tr("Overdue")),
            ("closed", self.tr("Closed")),
            ("all", self.tr("All")),
        ):
            self.filter.addItem(name, code)
        self.filter.currentIndexChanged.connect(
            lambda _: self.show_filter.emit(self.filter.currentData())
        )
        self.summary = QLabel()
        self.steps = {
            "assign": button(self.tr("Assign…")),
            "call-back": button(self.tr("Call-back…")),
            "verify": button(self.tr("Verify…")),
            "confirm-exclusion": button(self.tr("Confirm exclusion…")),
            "rectify": button(self.tr("Rectify…")),
            "revisit": button(self.tr("Revisit…")),
            "close": button(self.tr("Close…"), "primary"),
        }
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.summary)
        bar = QHBoxLayout()
        for name, b in self.steps.items():
            b.clicked.connect(lambda _=False, n=name: self._step(n))
            bar.addWidget(b)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.view, 1)
        box.addLayout(bar)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._enable()

    def show_cases(self, body: dict[str, Any]) -> None:
        cases = list(body.get("cases", []))
        self.model.set_rows(cases)
        overdue = sum(1 for c in cases if c.get("overdue"))
        self.summary.setText(self.tr("{n} cases, {o} overdue").format(n=len(cases), o=overdue))
        self._enable()

    def _enable(self) -> None:
        c = selected(self.view)
        allowed = NEXT_STEPS.get(str(c.get("status")), ()) if c else ()
        for name, b in self.steps.items():
            b.setEnabled(name in allowed)

    def _step(self, name: str) -> None:
        c = selected(self.view)
        if c is not None:
            self.step.emit(name, c)


class Period(QWidget):
    """From / to dates with day, week and month shortcuts."""

    changed = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        today = self.today = QDate.currentDate()
        self.start = QDateEdit(today)
        self.end = QDateEdit(today)
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setMinimumHeight(44)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        for text, span in (
            (self.tr("Today"), "day"),
            (self.tr("This week"), "week"),
            (self.tr("This month"), "month"),
        ):
            b = button(text)
            b.clicked.connect(lambda _=False, s=span: self.choose(s))
            box.addWidget(b)
        box.addWidget(QLabel(self.tr("From")))
        box.addWidget(self.start)
        box.addWidget(QLabel(self.tr("To")))
        box.addWidget(self.end)
        show = button(self.tr("Show"), "primary")
        show.clicked.connect(self.emit_changed)
        box.addWidget(show)

    def set_today(self, day: str) -> bool:
        """The hall's service day (from its server), for "today" and the shortcuts: this PC's
        date is another one near midnight or in another zone. A period still on the old today
        moves with it (True: ask again); one the supervisor picked stays."""
        new = QDate.fromString(day, "yyyy-MM-dd")
        if not new.isValid() or new == self.today:
            return False
        untouched = self.start.date() == self.today and self.end.date() == self.today
        self.today = new
        if untouched:
            self.start.setDate(new)
            self.end.setDate(new)
        return untouched

    def choose(self, span: str) -> None:
        today = self.today
        if span == "week":
            first = today.addDays(1 - today.dayOfWeek())
            self.start.setDate(first)
            self.end.setDate(first.addDays(6))
        elif span == "month":
            first = QDate(today.year(), today.month(), 1)
            self.start.setDate(first)
            self.end.setDate(first.addMonths(1).addDays(-1))
        else:
            self.start.setDate(today)
            self.end.setDate(today)
        self.emit_changed()

    def emit_changed(self) -> None:
        self.changed.emit(
            self.start.date().toString("yyyy-MM-dd"), self.end.date().toString("yyyy-MM-dd")
        )

    def span(self) -> tuple[str, str]:
        return self.start.date().toString("yyyy-MM-dd"), self.end.date().toString("yyyy-MM-dd")


def bar_chart(title: str) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().setVisible(False)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return chart, view


def _open_ended(label: str) -> str:
    return f"{label.removesuffix('分钟以上')}+分钟" if label.endswith("分钟以上") else label


def _units(text: str) -> int:
    """Width in half-width characters: a CJK character counts two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def bar_label(text: str, bars: int) -> str:
    """A bar's name on up to two lines (Qt Charts reads axis labels as rich text, so `<br>`;
    it cuts a label wider than about 150 px or taller than two lines), narrower the more bars
    share the chart: window names like "Education and Culture" were cut to "Education and C..."
    under two bars. Words, numbers ("10-15") and single CJK characters are never split."""
    budget = max(8, min(16, 60 // max(bars, 1)))  # half-width characters a line
    if _units(text) <= budget:
        return html.escape(text)
    spaced = " " in text.strip()
    tokens = text.split() if spaced else re.findall(r"[\x00-\u2e7f]+|.", text)
    joiner = " " if spaced else ""
    lines: list[str] = [""]
    for token in tokens:
        joined = f"{lines[-1]}{joiner}{token}" if lines[-1] else token
        if lines[-1] and _units(joined) > budget:
            lines.append(token)
        else:
            lines[-1] = joined
    if len(lines) > 2:
        rest = joiner.join(lines[1:])
        while rest and _units(rest) > budget - 1:
            rest = rest[:-1]
        lines = [lines[0], rest.rstrip() + "…"]
    return "<br>".join(html.escape(line) for line in lines)


def fill_bars(chart: QChart, labels: list[str], values: list[float], percent: bool = False) -> None:
    """Replaces the chart's one series of bars."""
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    bars = QBarSet("")
    for v in values:
        bars.append(float(v))
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append([bar_label(label, len(labels)) for label in labels] or [""])
    y = QValueAxis()
    y.setRange(0, 100.0 if percent else max([*values, 1.0]) * 1.1)
    y.setLabelFormat("%.0f")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)


def common_unit(labels: list[str]) -> tuple[list[str], str]:
    """The unit every label ends in after its number (" min", "分钟") taken off them, and the
    unit; no unit when the labels do not all end that way."""
    if len(labels) < 2:
        return labels, ""
    tails = [label[::-1] for label in labels]
    shared = next(
        (i for i, chars in enumerate(zip(*tails, strict=False)) if len(set(chars)) > 1), None
    )
    unit = labels[0][len(labels[0]) - (min(map(len, tails)) if shared is None else shared) :]
    unit = unit.lstrip("0123456789+-–:. ")  # digits shared by chance are not the unit
    heads = [label[: len(label) - len(unit)].rstrip() for label in labels]
    if not unit.strip() or not all(h and h[-1] in "0123456789+" for h in heads):
        return labels, ""
    return heads, unit.strip()


class ReportPane(QWidget):
    """A report's tables as tabs, with charts where a picture says it faster. The service
    report charts tickets by hour and the wait distribution; assessment charts satisfaction."""

    wanted = Signal(str, str, str)  # kind, from, to

    def __init__(self, kinds: tuple[str, ...], charts: tuple[str, ...]) -> None:
        super().__init__()
        self.kinds = kinds
        self.period = Period()
        self.period.changed.connect(self.ask)
        self.tabs = QTabWidget()
        self.models: dict[str, ReportModel] = {}
        self.charts: dict[str, QChart] = {}
        chart_row = QHBoxLayout()
        for name in charts:
            chart, view = bar_chart("")
            self.charts[name] = chart
            chart_row.addWidget(view)
        box = QVBoxLayout(self)
        box.addWidget(self.period)
        if charts:
            box.addLayout(chart_row, 2)
        box.addWidget(self.tabs, 3)
        self.lang = "zh"
        self.asked = False

    def ask(self, start: str = "", end: str = "") -> None:
        self.asked = True
        start, end = self.period.span()
        for kind in self.kinds:
            self.wanted.emit(kind, start, end)

    def show_report(self, kind: str, body: dict[str, Any]) -> None:
        if kind not in self.kinds:
            return
        tables = body.get("tables", {})
        for name, t in tables.items():
            model = self.models.get(name)
            if model is None:
                model = self.models[name] = ReportModel(self)
                model.lang = self.lang
                # two lines a title: a day report's seven tabs fit 1366 px in English
                title = two_lines(str(t["title"].get(self.lang) or name))
                self.tabs.addTab(table(model), title)
            model.set_table(t)
        self._chart(tables)

    def _chart(self, tables: dict[str, Any]) -> None:
        specs = {
            "by_hour": ("hour", "tickets", self.tr("Tickets by hour")),
            "waits": ("bucket", "tickets", self.tr("Wait distribution")),
            "clerks": ("name", "satisfaction", self.tr("Satisfaction by clerk (%)")),
            "ranking": ("name", "satisfaction", self.tr("Satisfaction by window (%)")),
        }
        for name, chart in self.charts.items():
            t = tables.get(name)
            if t is None:
                continue
            label, value, title = specs[name]
            scale = 100.0 if value == "satisfaction" else 1.0
            rows = t.get("rows", [])
            if name == "ranking":  # a window's name is in the table below; its number fits
                labels = [self.tr("Window {no}").format(no=r.get("window_no")) for r in rows]
                unit = ""  # "17号窗口", "19号窗口" share an ending that is no unit
            else:
                # "60分钟以上" reads "60+分钟" so the buckets share their unit, said once
                names = [_open_ended(str(r.get(label))) for r in rows]
                labels, unit = common_unit(names)
            if unit:  # "0-5 min", "5-10 min" ...: the unit once, in the title, so labels fit
                title = self.tr("{title} ({unit})").format(title=title, unit=unit)
            chart.setTitle(title)
            fill_bars(
                chart,
                labels,
                [float(r.get(value) or 0) * scale for r in rows],
                percent=value == "satisfaction",
            )


class ExportPane(QWidget):
    """A report as XLSX, CSV or PDF: the server writes the file, the console saves it."""

    export = Signal(str, str, str, str)  # kind, from, to, format

    def __init__(self) -> None:
        super().__init__()
        self.period = Period()
        self.kind = QComboBox()
        for code, name in (
            ("day", self.tr("Service report")),
            ("clerks", self.tr("Clerk assessment")),
            ("ranking", self.tr("Monthly window ranking")),
            ("cases", self.tr("Bad-rating cases")),
        ):
            self.kind.addItem(name, code)
        self.kind.setMinimumHeight(44)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Report")))
        row.addWidget(self.kind, 1)
        formats = QHBoxLayout()
        for fmt, text in (
            ("xlsx", self.tr("Excel (XLSX)")),
            ("csv", self.tr("CSV")),
            ("pdf", self.tr("Printable PDF")),
        ):
            b = button(text, "primary" if fmt == "xlsx" else "")
            b.clicked.connect(lambda _=False, f=fmt: self._export(f))
            formats.addWidget(b)
        box = QVBoxLayout(self)
        box.addLayout(row)
        box.addWidget(self.period)
        box.addLayout(formats)
        box.addWidget(self.status)
        box.addStretch(1)

    def _export(self, fmt: str) -> None:
        start, end = self.period.span()
        self.status.setText(self.tr("Preparing the file…"))
        self.export.emit(self.kind.currentData(), start, end, fmt)


def first_index(view: QTableView) -> QModelIndex:
    return view.model().index(0, 0)
