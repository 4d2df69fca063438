"""A hall's rules for issuing tickets (docs/issuing.md): opening hours, per-category quotas and
issuing stops, and real-name tickets.

Why a model of its own under `HallConfig.issuing`: these rules change how the kiosk behaves at
the door, and a hall that says nothing about them must keep working as before. So every part
defaults to "no rule": no opening hours (the hall issues whenever the server runs), no quota,
no real-name tickets.
"""

from __future__ import annotations

import itertools
import re
from datetime import time
from enum import StrEnum
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_serializer,
    field_validator,
    model_validator,
)

from kiosk.catalog.model import CategoryCode

_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
ALL = "*"  # every category


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def hhmm(value: Any) -> Any:
    """'09:00' -> time(9, 0); a time passes; anything else is for pydantic to refuse."""
    if isinstance(value, str):
        m = _HHMM.match(value)
        if not m:
            raise ValueError(f"a time must be 'HH:MM', got {value!r}")
        return time(int(m.group(1)), int(m.group(2)))
    return value


class Weekday(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"


WEEKDAYS = tuple(Weekday)


class Session(_Frozen):
    """One stretch of opening time in a day (a hall with a lunch break has two)."""

    open: time
    close: time

    @field_validator("open", "close", mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        return hhmm(value)

    @field_serializer("open", "close")
    def _dump(self, value: time) -> str:
        return value.strftime("%H:%M")

    @model_validator(mode="after")
    def _ordered(self) -> Session:
        if self.close <= self.open:
            raise ValueError(f"a session must close after it opens ({self.open}-{self.close})")
        return self


class OpeningHours(_Frozen):
    """Hours per weekday; a public holiday is closed, and a make-up working day (调休上班) opens
    with `makeup` hours, or Monday's when none are given."""

    week: dict[Weekday, list[Session]] = Field(default_factory=dict)
    makeup: list[Session] | None = None
    # Where the morning's quota ends and the afternoon's begins.
    afternoon_from: time = time(12, 0)

    @field_validator("afternoon_from", mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        return hhmm(value)

    @field_serializer("afternoon_from")
    def _dump(self, value: time) -> str:
        return value.strftime("%H:%M")

    @field_validator("week", "makeup")
    @classmethod
    def _no_overlap(cls, value: Any) -> Any:
        days = value.values() if isinstance(value, dict) else [value or []]
        for sessions in days:
            for a, b in itertools.pairwise(sessions):
                if b.open < a.close:
                    raise ValueError("sessions of a day must be in order and must not overlap")
        return value

    def sessions_on(self, weekday: Weekday) -> list[Session]:
        return list(self.week.get(weekday, []))

    def makeup_sessions(self) -> list[Session]:
        return list(self.makeup if self.makeup is not None else self.week.get(Weekday.MON, []))


class CategoryRule(_Frozen):
    """One category's quota (放号量) and issuing stop (停止取号). A quota is either `daily` or
    split into `morning` and `afternoon`, which never carry over; `booking_share` of it is kept
    for citizens checking in with a booking."""

    daily: int | None = Field(default=None, ge=0, le=100_000)
    morning: int | None = Field(default=None, ge=0, le=100_000)
    afternoon: int | None = Field(default=None, ge=0, le=100_000)
    booking_share: float = Field(default=0.0, ge=0.0, le=1.0)
    stop_before_close_min: int | None = Field(default=None, ge=0, le=240)

    @model_validator(mode="after")
    def _one_kind(self) -> CategoryRule:
        split = (self.morning is None, self.afternoon is None)
        if split == (True, False) or split == (False, True):
            raise ValueError("a split quota needs both morning and afternoon")
        if self.morning is not None and self.daily is not None:
            raise ValueError("give either daily or morning and afternoon, not both")
        return self

    @property
    def split(self) -> bool:
        return self.morning is not None


class RealNameRules(_Frozen):
    """Real-name tickets (实名取号): where an ID number may or must be given, and what follows."""

    allowed: list[CategoryCode | str] = Field(default_factory=list)  # codes, or "*"
    required: list[CategoryCode] = Field(default_factory=list)
    per_person_per_day: int = Field(default=1, ge=1, le=20)  # active tickets, per category
    green_channel_age: int = Field(default=70, ge=50, le=120)  # offered, never forced
    booking_checkin: bool = True  # a booking made with the same ID checks in by itself

    @field_validator("allowed")
    @classmethod
    def _codes_or_all(cls, value: list[str]) -> list[str]:
        for code in value:
            if code != ALL and not re.fullmatch(r"[A-Z][A-Z0-9_-]{0,31}", code):
                raise ValueError(f"{code!r} is neither a category code nor '*'")
        return value

    def mode(self, category: str) -> str:
        """'required', 'allowed' or 'off' for a category."""
        if category in self.required:
            return "required"
        if ALL in self.allowed or category in self.allowed:
            return "allowed"
        return "off"


class IssuingRules(_Frozen):
    hours: OpeningHours | None = None  # None: no opening hours, the hall issues any time
    stop_before_close_min: int = Field(default=0, ge=0, le=240)  # per category overrides
    categories: dict[CategoryCode, CategoryRule] = Field(default_factory=dict)
    realname: RealNameRules = Field(default_factory=RealNameRules)

    def rule(self, category: str) -> CategoryRule | None:
        return self.categories.get(category)

    def stop_minutes(self, category: str) -> int:
        rule = self.categories.get(category)
        if rule is not None and rule.stop_before_close_min is not None:
            return rule.stop_before_close_min
        return self.stop_before_close_min

    def unknown_categories(self, known: set[str]) -> list[str]:
        """What the hall config's issuing rules name that the catalog does not define."""
        named = [
            *self.categories,
            *(c for c in self.realname.allowed if c != ALL),
            *self.realname.required,
        ]
        return [f"issuing rules name unknown category {c!r}" for c in named if c not in known]
