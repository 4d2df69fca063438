"""The live consultation list as a Qt table model, kept current from the event stream.

`apply_event` folds each consultation event into its row the way the server's projector does
(every step's payload carries the resulting status and owner), so the list needs no reload.
The "waited" column ticks once a second from the server's clock (offset learnt from the list
and every event's time), so a PC with a wrong clock still shows true waits.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kiosk.clock import parse_iso
from kiosk.help_topics import topic_name
from ui.common.i18n import current_lang
from ui.help_desk.texts import duration, local_time, seconds_between, source_name, status_name

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("number", "topic", "source", "status", "owner", "waited")
ACTIVE = ("open", "claimed", "referred")
STEP_FIELDS = {
    "answered": ("answer", "items"),
    "resolved": ("answer", "items"),
    "converted": ("ticket_id", "ticket_number", "category", "note"),
    "referred": ("note",),
    "released": ("note",),
}
ROLE_ROW = Qt.ItemDataRole.UserRole + 1
STATUS_COLOURS = {"open": "#b3261e", "claimed": "#0b3d91", "referred": "#7a4d00"}


def new_row(ev: dict[str, Any]) -> dict[str, Any]:
    p = ev["payload"]
    return {
        "id": p["consultation_id"],
        "number": p["number"],
        "topic": p["topic"],
        "question": p.get("question"),
        "phone_masked": p.get("phone_masked"),
        "source": p.get("source", "kiosk"),
        "status": "open",
        "owner": None,
        "created_at": ev["ts"],
        "updated_at": ev["ts"],
        "items": [],
        "history": [],
        "handovers": 0,
    }


def fold(row: dict[str, Any], ev: dict[str, Any]) -> None:
    """One consultation step into its row (mirrors kiosk.engine.helpdesk.projection)."""
    p, step = ev["payload"], ev["type"].rpartition(".")[2]
    row.update(status=p["status"], owner=p.get("owner"), updated_at=ev["ts"])
    for key in STEP_FIELDS.get(step, ()):
        if key in p:
            row[key] = p[key]
    if step == "claimed":
        row["claimed_at"] = ev["ts"]
        row["first_claimed_at"] = row.get("first_claimed_at") or ev["ts"]
    elif step == "resolved":
        row.update(resolved_at=ev["ts"], resolved_by=p.get("by"))
    elif step == "referred":
        row["referred_to"] = p.get("to")
    elif step == "released":
        row["handovers"] = int(row.get("handovers") or 0) + 1
        row["claimed_at"] = ev["ts"] if p.get("owner") else None
    entry = {"step": step, "by": p.get("by"), "at": ev["ts"]}
    entry.update({k: p[k] for k in ("to", "note", "ticket_number", "auto") if p.get(k)})
    row["history"] = [*row.get("history", []), entry]


class ConsultationModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.names: dict[str, str] = {}
        self.offset = timedelta(0)  # server clock minus this PC's
        self.headers = (
            self.tr("No."),
            self.tr("Topic"),
            self.tr("From"),
            self.tr("Status"),
            self.tr("Owner"),
            self.tr("Waited"),
        )

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == ROLE_ROW:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            colour = STATUS_COLOURS.get(row["status"])
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and column == "topic":
            return row.get("question") or topic_name(row["topic"], current_lang())
        return None

    def text(self, row: dict[str, Any], column: str) -> str:
        if column == "source":
            return source_name(row["source"])
        if column == "status":
            return status_name(row["status"])
        if column == "owner":  # who has it, or who finished it
            if row["status"] == "referred":
                to = row.get("referred_to") or ""
                return self.names.get(to, to) or self.tr("Supervisor")
            steps = [h.get("by") for h in row.get("history") or [] if h.get("by")]
            who = row.get("owner") or row.get("resolved_by") or (steps[-1] if steps else "")
            return self.names.get(who, who)
        if column == "waited":
            return duration(self.waited(row))
        if column == "number":
            return f"{row['number']}  {local_time(row['created_at'])}"
        if column == "topic":
            return topic_name(row["topic"], current_lang())
        return str(row.get(column) or "")

    # -- state ---------------------------------------------------------------------------
    def server_now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def sync_clock(self, server_ts: str) -> None:
        self.offset = parse_iso(server_ts) - datetime.now(UTC)

    def waited(self, row: dict[str, Any]) -> float | None:
        """Until now while active; until it was finished otherwise."""
        if row["status"] in ACTIVE:
            return max(0.0, seconds_between(row["created_at"], self.server_now()))
        return seconds_between(row["created_at"], row.get("updated_at") or row["created_at"])

    def reset(self, rows: list[dict[str, Any]], names: dict[str, str], server_now: str) -> None:
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self.names = dict(names)
        self.endResetModel()
        self.sync_clock(server_now)

    def row_of(self, cid: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r["id"] == cid), -1)

    def apply_event(self, ev: dict[str, Any]) -> dict[str, Any] | None:
        """Folds a consultation (or FAQ-draft) event in; returns the row it changed."""
        kind = str(ev.get("type", ""))
        p = ev.get("payload") or {}
        if kind == "consultation.created":
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
            self.rows.append(new_row(ev))
            self.endInsertRows()
            return self.rows[-1]
        cid = p.get("consultation_id")
        i = self.row_of(cid) if cid else -1
        if i < 0:
            return None
        if kind.startswith("consultation."):
            fold(self.rows[i], ev)
        elif kind == "faq.drafted":
            self.rows[i]["faq_id"] = p["faq_id"]
        else:
            return None
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
        return self.rows[i]

    def tick(self) -> None:
        if self.rows:
            col = COLUMNS.index("waited")
            self.dataChanged.emit(self.index(0, col), self.index(len(self.rows) - 1, col))
