"""A report as data: named tables of rows with typed, bilingual columns.

Why one shape for every report: the CLI's text table, CSV, XLSX, PDF, JSON and the supervisor's
screens all read it, so a column is named, typed and translated once, and an export can never
disagree with what the screen showed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """How a column's values are written: XLSX number formats and text alignment follow it."""

    TEXT = "text"
    INT = "int"
    NUMBER = "number"  # one decimal
    PERCENT = "percent"  # a ratio 0..1, shown as 95.0%
    MINUTES = "minutes"  # seconds in the data, minutes (one decimal) when shown
    FLAG = "flag"  # True / False, shown as 是 / 否


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    kind: Kind = Kind.TEXT

    def title(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Table:
    name: str  # a key, e.g. "by_hour"; also the JSON key
    zh: str  # sheet and section title
    en: str
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)

    def title(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def values(self, key: str) -> list[Any]:
        return [r.get(key) for r in self.rows]


@dataclass(frozen=True)
class Report:
    kind: str  # day / clerks / ranking / cases
    zh: str
    en: str
    start: date
    end: date
    hall: str
    tables: tuple[Table, ...]

    def title(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "hall": self.hall,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "title": {"zh": self.zh, "en": self.en},
            "tables": {
                t.name: {
                    "title": {"zh": t.zh, "en": t.en},
                    "columns": [
                        {"key": c.key, "zh": c.zh, "en": c.en, "kind": c.kind.value}
                        for c in t.columns
                    ],
                    "rows": t.rows,
                }
                for t in self.tables
            },
        }


def shown(value: Any, kind: Kind, lang: str = "zh") -> str:
    """A value as text for a screen, the CLI's table, CSV and PDF."""
    if value is None:
        return "-"
    if kind == Kind.PERCENT:
        return f"{float(value) * 100:.1f}%"
    if kind == Kind.MINUTES:
        return f"{float(value) / 60:.1f}"
    if kind == Kind.NUMBER:
        return f"{float(value):.1f}"
    if kind == Kind.FLAG:
        if lang == "zh":
            return "是" if value else "否"
        return "yes" if value else "no"
    return str(value)
