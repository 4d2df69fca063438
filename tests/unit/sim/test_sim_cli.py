"""`kiosk simulate`: JSON with the three estimators, a clear line for a bad scenario, no
progress bar when stderr is not a terminal, and the same crowd over HTTP as in process."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.sim.progress import Progress
from kiosk.sim.run import simulate
from kiosk.sim.scenario import load_scenario, shipped

TINY = """name = "tiny"
name_zh = "小厅"
name_en = "Tiny"
level = "township"
open = "09:00"
close = "09:40"
overtime_min = 20
consultations_per_day = 2

[[category]]
code = "SHEBAO"
per_day = 18
service_mean_s = 200
service_sd_s = 80
no_show = 0.1
green_share = 0.1

[[category]]
code = "YIBAO"
per_day = 8
service_mean_s = 150
service_sd_s = 50
appointment_share = 0.3

[[window]]
no = 1
categories = ["SHEBAO", "YIBAO"]
hours = [["09:00", "10:00"]]

[[window]]
no = 2
categories = [["YIBAO", "SHEBAO"]]
hours = [["09:00", "10:00"]]

[[pause]]
window = 2
reason = "short_leave"
at = "09:20"
minutes = 5
"""


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.toml"
    path.write_text(TINY, encoding="utf-8")
    return path


def test_json_has_the_three_estimators(tiny: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--scenario", str(tiny), "--json", "--seed", "4"]) == 0
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert err == ""  # no progress bar: stderr is not a terminal
    assert result["tickets"] > 10 and result["days"] == 1
    for name in ("current", "ibrahim_whitt", "new"):
        assert set(result["estimates"][name]) >= {"mae_s", "within_5min", "bias_s"}
    assert {"mean_s", "p50_s", "p90_s", "max_s", "over_15min"} <= set(result["waits"])
    assert set(result["windows"]) == {"1", "2"} and result["windows"]["2"]["paused_min"] == 5


def test_table_and_advice(tiny: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--scenario", str(tiny), "--advise"]) == 0
    out = capsys.readouterr().out
    assert "estimates at issue" in out and "staffing advice" in out
    assert "scenario's" in out and "advised" in out


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (TINY.replace('code = "YIBAO"', 'code = "NOPE"'), "unknown category 'NOPE'"),
        (TINY.replace("per_day = 18", "per_day = -1"), "per_day"),
        (TINY.replace('hours = [["09:00", "10:00"]]', 'hours = [["10:00", "09:00"]]', 1), "end"),
        ("name = [", "not TOML"),
    ],
)
def test_bad_scenario_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expect: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["simulate", "--scenario", str(path)]) == 2
    err = capsys.readouterr().err
    assert expect in err and "Traceback" not in err and len(err.strip().splitlines()) <= 2


def test_unknown_scenario_names_the_shipped_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--scenario", "metropolis"]) == 2
    err = capsys.readouterr().err
    assert "city, district, township" in err and "Traceback" not in err


def test_shipped_scenarios() -> None:
    assert shipped() == ["city", "district", "township"]
    city = load_scenario("city")
    citizens = sum(c.per_day for c in city.category) + city.consultations_per_day
    assert len(city.window) == 40 and 3800 <= citizens <= 4200
    hours = {h: sum(city.rate_per_hour(c, h) for c in city.category) for h in range(24)}
    assert hours[9] > hours[12] < hours[14]  # morning and after-lunch peaks
    for name in ("district", "township"):
        assert load_scenario(name).window


def test_progress_bar_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        bar = Progress(10, "day", stream)
        bar.update(5)
        bar.close()
    assert "[###############---------------]" in tty.getvalue()
    assert pipe.getvalue() == ""


def test_over_http_drives_a_real_server_with_the_same_crowd(tiny: Path) -> None:
    from kiosk.sim.http import simulate_over_http

    # no appointments: over HTTP the server judges check-ins by its real clock
    tiny.write_text(TINY.replace("appointment_share = 0.3", "appointment_share = 0"), "utf-8")
    scenario = load_scenario(str(tiny))
    local, _ = simulate(scenario, days=1, seed=5)
    remote = simulate_over_http(scenario, days=1, seed=5)
    assert remote["tickets"] == local["tickets"] and remote["served"] == local["served"]
    assert remote["waits"] == local["waits"]  # the same engine routes the same crowd
    http = remote["http"]
    assert http["requests"] > 3 * remote["tickets"] and http["server_peak_mb"] > 0
