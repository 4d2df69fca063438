"""Running a scenario for N days on one store (so the hall learns from its earlier days), with
one seed for the whole run."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.catalog.model import Catalog, load_catalog
from kiosk.paths import default_catalog_path
from kiosk.sim.day import DayResult, HallDay
from kiosk.sim.drivers import Driver, EngineDriver
from kiosk.sim.measure import summarise
from kiosk.sim.progress import Progress
from kiosk.sim.scenario import Scenario, hhmm, minute_of_day

TZ = ZoneInfo("Asia/Shanghai")
DriverFactory = Callable[[Scenario, Catalog, datetime], Driver]


def working_days(first: date, n: int) -> list[date]:
    """`n` weekdays from `first` on (holidays are not simulated: a scenario is an ordinary
    week)."""
    out: list[date] = []
    d = first
    while len(out) < n:
        if d.weekday() < 5:
            out.append(d)
        d += timedelta(days=1)
    return out


def simulate(
    scenario: Scenario,
    days: int = 1,
    seed: int = 1,
    driver: DriverFactory | None = None,
    catalog: Catalog | None = None,
    schedule: dict[int, list[tuple[float, float]]] | None = None,
    measure: bool = True,
    label: str | None = None,
) -> tuple[dict[str, Any], list[DayResult]]:
    """Plays `days` days of `scenario` and returns (the summary, each day's records).
    `schedule`: window -> signed-in periods in seconds of the day, instead of the scenario's
    hours (the adviser's plan)."""
    catalog = catalog or load_catalog(default_catalog_path())
    rng = random.Random(seed)
    dates = working_days(date.fromisoformat(scenario.date), days)
    start = datetime.combine(dates[0], time(7, 0), tzinfo=TZ)
    drv = (driver or EngineDriver)(scenario, catalog, start)
    open_s = minute_of_day(hhmm(scenario.open)) * 60.0
    span = minute_of_day(hhmm(scenario.close)) * 60.0 + scenario.overtime_min * 60 - open_s
    bar = Progress(span * days, label or f"simulate {scenario.name}")
    results = []
    try:
        for i, day in enumerate(dates):

            def tick(t: float, i: int = i, day: date = day) -> None:
                bar.update(i * span + (t - open_s), f"{day.isoformat()}")

            hd = HallDay(
                scenario, catalog, drv, day, rng, TZ, tick, measure=measure, schedule=schedule
            )
            results.append(hd.run())
        bar.update(span * days, "done")
    finally:
        bar.close()
        drv.close()
    summary = summarise(results)
    summary["scenario"] = scenario.name
    summary["seed"] = seed
    return summary, results
