"""A hall day to simulate, read from a TOML file (docs/scenarios.md describes every field).

Why a file of its own and not the hall config: a scenario is the crowd as well as the hall
(arrivals per hour and category, service times, no-shows, pauses, appointments), and the same
hall is tried on several crowds. The hall config the simulated store is created from is derived
from it (`hall_config`), over the shipped sample catalog.
"""

from __future__ import annotations

import re
import tomllib
from datetime import time
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kiosk.catalog.hall_config import HallConfig
from kiosk.catalog.model import Catalog, load_catalog
from kiosk.domain import HallLevel, PauseReason, WindowKind
from kiosk.errors import Invalid
from kiosk.paths import ASSETS, default_catalog_path

SCENARIO_DIR = ASSETS / "scenarios"
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def hhmm(value: str) -> time:
    m = _HHMM.match(value)
    if not m:
        raise ValueError(f"a time must be 'HH:MM', got {value!r}")
    return time(int(m.group(1)), int(m.group(2)))


def minute_of_day(t: time) -> int:
    return t.hour * 60 + t.minute


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Share = Annotated[float, Field(ge=0, le=1)]


class CategoryLoad(_Strict):
    """One queue's crowd: how many come, when, and how long each takes at the window."""

    code: str
    per_day: float = Field(ge=0)
    # citizens per hour by local hour ("09" = 14): overrides per_day spread by the profile
    hours: dict[str, float] = Field(default_factory=dict)
    service_mean_s: float = Field(gt=0)
    service_sd_s: float = Field(ge=0)
    green_share: Share = 0.03
    no_show: Share = 0.03
    requeue: Share = 0.5  # of the no-shows, the share who rejoin
    appointment_share: Share = 0.0
    punctuality_sd_min: float = Field(default=8, ge=0)


class ItemTime(_Strict):
    """A service item's own service time (lognormal), where it differs from its category's."""

    code: str
    mean_s: float = Field(gt=0)
    sd_s: float = Field(ge=0)


class WindowPlan(_Strict):
    no: int = Field(ge=1, le=999)
    kind: WindowKind = WindowKind.COMPREHENSIVE
    categories: list[str | list[str]] = Field(min_length=1)
    hours: list[tuple[str, str]] = Field(min_length=1)  # signed in from, to (local)
    clerk: str | None = None

    @field_validator("hours")
    @classmethod
    def _times(cls, value: list[tuple[str, str]]) -> list[tuple[str, str]]:
        for start, end in value:
            if hhmm(start) >= hhmm(end):
                raise ValueError(f"window hours {start}-{end} end before they start")
        return value

    def codes(self) -> list[str]:
        return [c for rank in self.categories for c in ([rank] if isinstance(rank, str) else rank)]


class PausePlan(_Strict):
    window: int
    reason: PauseReason
    at: str
    minutes: float = Field(gt=0, le=480)

    @field_validator("at")
    @classmethod
    def _at(cls, value: str) -> str:
        hhmm(value)
        return value


class ClerkPlan(_Strict):
    """A clerk the adviser may seat: the categories they are qualified for."""

    employee_no: str
    categories: list[str] = Field(min_length=1)


class Scenario(_Strict):
    name: str
    name_zh: str
    name_en: str
    level: HallLevel
    date: str = "2026-11-30"  # the first simulated day (a Monday); later days skip weekends
    open: str = "08:30"
    close: str = "17:00"  # tickets stop being issued; windows finish the queue
    overtime_min: float = Field(default=60, ge=0)
    walk_s: float = Field(default=40, gt=0)  # mean, from the call to the desk
    gap_s: float = Field(default=15, ge=0)  # the clerk's mean pause between two services
    recall_s: float = Field(default=30, gt=0)
    consultations_per_day: float = Field(default=0, ge=0)
    profile: dict[str, float] = Field(default_factory=dict)  # relative weight per local hour
    category: list[CategoryLoad] = Field(min_length=1)
    item: list[ItemTime] = Field(default_factory=list)
    window: list[WindowPlan] = Field(min_length=1)
    pause: list[PausePlan] = Field(default_factory=list)
    clerk: list[ClerkPlan] = Field(default_factory=list)

    @field_validator("open", "close")
    @classmethod
    def _hhmm(cls, value: str) -> str:
        hhmm(value)
        return value

    def rate_per_hour(self, cat: CategoryLoad, hour: int) -> float:
        """Citizens of `cat` expected in the local hour starting at `hour`."""
        key = f"{hour:02d}"
        if cat.hours:
            return float(cat.hours.get(key, 0.0))
        start, end = hhmm(self.open), hhmm(self.close)
        hours = [h for h in range(24) if start.hour <= h and h * 60 < minute_of_day(end)]
        weights = {
            h: float(self.profile.get(f"{h:02d}", 1.0 if not self.profile else 0.0)) for h in hours
        }
        total = sum(weights.values())
        return 0.0 if total <= 0 else cat.per_day * weights.get(hour, 0.0) / total

    def clerks(self) -> list[ClerkPlan]:
        """The scenario's clerks, or one per window qualified for what it serves."""
        if self.clerk:
            return list(self.clerk)
        return [ClerkPlan(employee_no=self.clerk_of(w), categories=w.codes()) for w in self.window]

    def clerk_of(self, w: WindowPlan) -> str:
        return w.clerk or f"{w.no:04d}"


def hall_config(s: Scenario, catalog: Catalog) -> HallConfig:
    """The simulated hall: the scenario's windows, no clerks (they sign in by number, no PIN)."""
    close = hhmm(s.close)
    late = min(23 * 60 + 59, minute_of_day(close) + int(s.overtime_min) + 30)
    config = HallConfig.model_validate(
        {
            "code": f"SIM-{s.name}"[:32],
            "name_zh": s.name_zh,
            "name_en": s.name_en,
            "level": s.level,
            "parent": None if s.level is HallLevel.CITY else "SIM-city",
            "day_close": f"{late // 60:02d}:{late % 60:02d}",
            "windows": [
                {
                    "no": w.no,
                    "name_zh": f"{w.no}号窗口",
                    "name_en": f"Window {w.no}",
                    "kind": w.kind,
                    "categories": w.categories,
                }
                for w in s.window
            ],
        }
    )
    config.validate_against(catalog)
    return config


def _check(s: Scenario, catalog: Catalog) -> None:
    known = {c.code for c in catalog.categories}
    problems = [f"unknown category {c.code!r}" for c in s.category if c.code not in known]
    items = {i.code for i in catalog.items}
    problems += [f"unknown item {i.code!r}" for i in s.item if i.code not in items]
    windows = {w.no for w in s.window}
    problems += [f"pause at unknown window {p.window}" for p in s.pause if p.window not in windows]
    loads = {c.code for c in s.category}
    served = {c for w in s.window for c in w.codes()}
    problems += [f"category {c} has arrivals but no window" for c in sorted(loads - served)]
    if problems:
        raise ValueError("; ".join(problems))


def parse_scenario(data: dict[str, Any], source: str, catalog: Catalog | None = None) -> Scenario:
    catalog = catalog or load_catalog(default_catalog_path())
    try:
        s = Scenario.model_validate(data)
        _check(s, catalog)
        hall_config(s, catalog)
    except (ValidationError, ValueError) as exc:
        first = str(exc).strip().splitlines()
        detail = "; ".join(line.strip() for line in first[:4])
        raise Invalid(
            f"场景文件无效（{source}）：{detail}", f"bad scenario {source}: {detail}"
        ) from None
    return s


def shipped() -> list[str]:
    return sorted(p.stem for p in SCENARIO_DIR.glob("*.toml"))


def load_scenario(name_or_file: str, catalog: Catalog | None = None) -> Scenario:
    """A shipped scenario by name (city, district, township) or a TOML file by path."""
    path = Path(name_or_file)
    if not path.suffix and (SCENARIO_DIR / f"{name_or_file}.toml").is_file():
        path = SCENARIO_DIR / f"{name_or_file}.toml"
    if not path.is_file():
        names = ", ".join(shipped())
        raise Invalid(
            f"没有这个场景：{name_or_file}（内置场景：{names}，或给出 TOML 文件路径）",
            f"no scenario {name_or_file!r} (shipped: {names}; or give a TOML file)",
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise Invalid(
            f"场景文件不是有效的 TOML：{path}：{exc}", f"{path} is not TOML: {exc}"
        ) from None
    return parse_scenario(data, str(path), catalog)
