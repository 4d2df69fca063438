"""The simulator drives the real engine and store: a township morning, reproducible by seed,
every ticket accounted for in the store, and the estimates scored against the waits."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

import pytest

from kiosk.catalog.model import Catalog
from kiosk.sim.drivers import ESTIMATORS, EngineDriver
from kiosk.sim.run import simulate
from kiosk.sim.scenario import Scenario, load_scenario


def township_morning() -> Scenario:
    """The shipped township's morning: tickets until 10:30, the queue finished by 11:15."""
    return load_scenario("township").model_copy(update={"close": "10:30"})


class KeptDriver(EngineDriver):
    """The engine driver, with its store kept open after the run for the test to read."""

    kept: ClassVar[list[KeptDriver]] = []

    def __init__(self, scenario: Scenario, catalog: Catalog, start: datetime) -> None:
        super().__init__(scenario, catalog, start)
        KeptDriver.kept.append(self)

    def close(self) -> None:
        pass

    def really_close(self) -> None:
        super().close()


@pytest.fixture(scope="module")
def morning_run() -> Any:
    KeptDriver.kept.clear()
    summary, days = simulate(township_morning(), days=1, seed=7, driver=KeptDriver)
    driver = KeptDriver.kept[-1]
    yield summary, days, driver
    driver.really_close()


def test_same_seed_same_day(morning_run: Any) -> None:
    summary, _, _ = morning_run
    again, _ = simulate(township_morning(), days=1, seed=7)
    assert json.dumps(again, sort_keys=True) == json.dumps(summary, sort_keys=True)
    other, _ = simulate(township_morning(), days=1, seed=8)
    assert json.dumps(other, sort_keys=True) != json.dumps(summary, sort_keys=True)


def test_every_ticket_is_in_the_store(morning_run: Any) -> None:
    summary, days, driver = morning_run
    records = {r.id: r for r in days[0].tickets}
    assert summary["tickets"] == len(records) > 50
    conn = driver.hall.reader()
    stored = dict(conn.execute("SELECT id, status FROM tickets").fetchall())
    assert set(stored) == set(records)
    for tid, rec in records.items():
        expected = "done" if rec.finished is not None else "no_show" if rec.no_show else "cancelled"
        assert stored[tid] == expected, (rec, stored[tid])
    # the waits the simulation measured are the engine's own
    for tid, wait in conn.execute("SELECT id, wait_s FROM tickets WHERE wait_s IS NOT NULL"):
        rec = records[tid]
        assert rec.called is not None and abs((rec.called - rec.issued) - wait) < 0.01


def test_the_new_estimate_holds_better(morning_run: Any) -> None:
    summary, _, _ = morning_run
    est = summary["estimates"]
    assert set(est) == set(ESTIMATORS)
    for name in ESTIMATORS:
        assert set(est[name]) >= {"mae_s", "within_5min", "bias_s"} and est[name]["n"] > 50
    assert est["new"]["mae_s"] < est["ibrahim_whitt"]["mae_s"]
    assert est["new"]["mae_s"] < est["current"]["mae_s"]


def test_no_figure_when_no_window_serves(tmp_path: Path) -> None:
    """A category whose only window opens late: the tickets of the first half hour get no
    figure, and are counted apart from the scored ones."""
    path = tmp_path / "late.toml"
    path.write_text(
        """name = "late"
name_zh = "晚开窗"
name_en = "Late"
level = "township"
open = "09:00"
close = "10:00"
[[category]]
code = "HUJI"
per_day = 30
service_mean_s = 120
service_sd_s = 30
[[window]]
no = 1
categories = ["HUJI"]
hours = [["09:30", "10:30"]]
""",
        encoding="utf-8",
    )
    summary, days = simulate(load_scenario(str(path)), days=1, seed=3)
    early = [r for r in days[0].tickets if r.issued < 9.5 * 3600]
    assert early and all(r.estimate["new"] is None for r in early)
    assert summary["unestimated"] == len(early)
    late = [r for r in days[0].tickets if r.issued > 9.5 * 3600 + 10]
    assert late and all(r.estimate["new"] is not None for r in late)
