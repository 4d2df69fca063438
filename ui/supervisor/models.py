"""The console's Qt models: windows and categories of the live hall, alerts, cases, and any
report table. Each is reset from the server's latest answer (the overview, a list, a report),
never edited in place, so what it shows is what the server said last."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kiosk.reports.table import Kind, shown
from ui.supervisor import texts

Index = QModelIndex | QPersistentModelIndex
ROW = Qt.ItemDataRole.UserRole  # the row's dict
RED, AMBER, GREY = QColor("#b3261e"), QColor("#8a5a00"), QColor("#6b7280")
PAUSED_BG, IDLE_BG, TIDAL_BG = QColor("#fff4e0"), QColor("#fde8e8"), QColor("#e6f4ea")


def local_time(iso: str | None) -> str:
    """HH:MM today, MM-DD HH:MM on another day (an alert may be days old)."""
    if not iso:
        return "-"
    try:
        at = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    return at.strftime("%H:%M" if at.date() == datetime.now().date() else "%m-%d %H:%M")


class RowsModel(QAbstractTableModel):
    """A read-only table of dicts; subclasses name the headers and say how a cell reads."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def headers(self) -> list[str]:
        return []

    def cell(self, row: dict[str, Any], column: int) -> str:
        return ""

    def decorate(self, row: dict[str, Any], column: int, role: int) -> Any:
        return None

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == ROW:
            return row
        return self.decorate(row, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            names = self.headers()
            return names[section] if 0 <= section < len(names) else None
        return section + 1


class WindowsModel(RowsModel):
    """Every window: what it is doing, who is there, its ticket, today's count and rating."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.idle: set[int] = set()  # windows with an open idle alert
        self.lang = "zh"
        # category code -> its names, from the same overview: a supervisor reads 社保业务, not
        # SHEBAO
        self.category_names: dict[str, dict[str, Any]] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("Window"),
            self.tr("State"),
            self.tr("Clerk"),
            self.tr("Ticket"),
            self.tr("Served today"),
            self.tr("Satisfaction"),
            self.tr("Serves"),
        ]

    def state(self, w: dict[str, Any]) -> str:
        if w["status"] == "closed":
            text = self.tr("Closed")
        elif w["status"] == "paused":
            text = self.tr("Paused: {reason}, {minutes}").format(
                reason=texts.reason(w.get("pause_reason")),
                minutes=texts.minutes(w.get("paused_s")),
            )
            if w.get("expected_back_local"):
                text += " · " + self.tr("back {time}").format(time=w["expected_back_local"])
        elif w.get("ticket"):
            text = self.tr("Serving")
        elif w["no"] in self.idle:
            text = self.tr("Idle (alert)")
        else:
            text = self.tr("Idle")
        if w.get("tidal"):
            until = local_time(w["tidal"].get("until")) if w["tidal"].get("until") else "-"
            text += " · " + self.tr("tidal until {time}").format(time=until)
        return text

    def cell(self, w: dict[str, Any], column: int) -> str:
        if column == 0:
            return str(w.get(f"name_{self.lang}") or w.get("name_zh") or w["no"])
        if column == 1:
            return self.state(w)
        if column == 2:
            return str(w.get("clerk_name") or w.get("clerk") or "-")
        if column == 3:
            return str(w.get("ticket") or "-")
        if column == 4:
            return str(w.get("served_today", 0))
        if column == 5:
            sat = w.get("satisfaction_today")
            return "-" if sat is None else f"{float(sat) * 100:.0f}%"
        names = []
        for code in w.get("categories") or []:
            c = self.category_names.get(code, {})
            names.append(str(c.get(f"name_{self.lang}") or c.get("name_zh") or code))
        return ("、" if self.lang == "zh" else ", ").join(names)

    def decorate(self, w: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            if w["status"] == "paused":
                return QBrush(PAUSED_BG)
            if w["status"] == "open" and not w.get("ticket") and w["no"] in self.idle:
                return QBrush(IDLE_BG)
            if w.get("tidal"):
                return QBrush(TIDAL_BG)
        if role == Qt.ItemDataRole.ForegroundRole and w["status"] == "closed":
            return QBrush(GREY)
        return None


class CategoriesModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = "zh"
        self.wait_alert_s = 15 * 60

    def headers(self) -> list[str]:
        return [
            self.tr("Category"),
            self.tr("Waiting"),
            self.tr("Longest wait"),
            self.tr("Estimated wait"),
        ]

    def cell(self, c: dict[str, Any], column: int) -> str:
        if column == 0:
            return f"{c.get('prefix', '')} {c.get(f'name_{self.lang}') or c.get('name_zh')}"
        if column == 1:
            return str(c.get("waiting", 0))
        if column == 2:
            return texts.minutes(c.get("longest_wait_s")) if c.get("waiting") else "-"
        return texts.minutes(c.get("estimated_wait_s"))

    def decorate(self, c: dict[str, Any], column: int, role: int) -> Any:
        too_long = (c.get("longest_wait_s") or 0) > self.wait_alert_s and c.get("waiting")
        if role == Qt.ItemDataRole.ForegroundRole and too_long and column == 2:
            return QBrush(RED)
        return None


def alert_order(a: dict[str, Any]) -> tuple[int, int]:
    """Unacknowledged on top, newest first within each group."""
    return (0 if a.get("state") == "open" else 1, -int(a.get("id") or 0))


class AlertsModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}  # category code -> name

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Alert"), self.tr("Details"), self.tr("State")]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        super().set_rows(sorted(rows, key=alert_order))

    def cell(self, a: dict[str, Any], column: int) -> str:
        if column == 0:
            return local_time(a.get("at"))
        if column == 1:
            n = int(a.get("count") or 1)
            return texts.alert_kind(a["kind"]) + (f" ×{n}" if n > 1 else "")
        if column == 2:
            return texts.alert_text(a["kind"], dict(a.get("details") or {}), self.names)
        text = texts.alert_state(str(a.get("state")))
        if a.get("note"):
            text += f": {a['note']}"
        return text

    def decorate(self, a: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and a.get("state") == "open":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and a.get("state") != "open":
            return QBrush(GREY)
        return None


class CasesModel(RowsModel):
    def headers(self) -> list[str]:
        return [
            self.tr("Ticket"),
            self.tr("Window"),
            self.tr("Clerk"),
            self.tr("Rating"),
            self.tr("Deadline"),
            self.tr("Status"),
            self.tr("Assignee"),
        ]

    def cell(self, c: dict[str, Any], column: int) -> str:
        if column == 0:
            return str(c.get("number") or "-")
        if column == 1:
            return str(c.get("window_no") or "-")
        if column == 2:
            return str(c.get("clerk_name") or c.get("clerk") or "-")
        if column == 3:
            return str(c.get("level"))
        if column == 4:
            deadline = str(c.get("deadline") or "-")
            if c.get("overdue"):
                return deadline + " " + self.tr("(overdue)")
            if c.get("due_soon"):
                return deadline + " " + self.tr("(due soon)")
            return deadline
        if column == 5:
            return texts.case_status(str(c.get("status")))
        return str(c.get("assignee_name") or c.get("assignee") or "-")

    def decorate(self, c: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if c.get("overdue"):
                return QBrush(RED)
            if c.get("due_soon"):
                return QBrush(AMBER)
        return None


def two_lines(title: str) -> str:
    """A column title on two lines: before its unit in brackets, or at the space nearest its
    middle. A report's dozen columns then fit a 1366 panel in English ("Mean handling (min)",
    "Cases overdue") instead of scrolling sideways."""
    for bracket in ("（", " (", "("):
        at = title.find(bracket)
        if at > 0:
            return f"{title[:at]}\n{title[at:].strip()}"
    if len(title) < 8 or " " not in title:
        return title
    middle = len(title) / 2
    at = min((i for i, ch in enumerate(title) if ch == " "), key=lambda i: abs(i - middle))
    return f"{title[:at]}\n{title[at + 1 :]}"


class ReportModel(RowsModel):
    """One table of a report's JSON (kiosk.reports.table.Report.as_json): its own columns,
    formatted as the CLI and the exports format them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns: list[dict[str, Any]] = []
        self.lang = "zh"

    def set_table(self, table: dict[str, Any] | None) -> None:
        self.beginResetModel()
        self.columns = list((table or {}).get("columns", []))
        self.rows = list((table or {}).get("rows", []))
        self.endResetModel()

    def headers(self) -> list[str]:
        return [two_lines(str(c.get(self.lang) or c.get("zh"))) for c in self.columns]

    def cell(self, row: dict[str, Any], column: int) -> str:
        c = self.columns[column]
        return shown(row.get(c["key"]), Kind(c.get("kind", "text")), self.lang)

    def decorate(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            kind = self.columns[column].get("kind", "text")
            if kind not in ("text", "flag"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (row.get("flagged") or row.get("overdue")):
            return QBrush(RED)
        return None
