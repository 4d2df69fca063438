"""A simulated city day (the shipped `city` scenario: 40 windows, about 4,000 citizens) over
HTTP against a real `kiosk serve`, and the same day in process on the engine's fake clock.

Over HTTP every press of the day (tickets, calls, recalls, starts, finishes, pauses, sign-ins,
help-desk questions) is a request to a server on loopback, sent in simulated order as fast as
it answers: the figures are the wall time of the whole day, the requests' latencies and the
server's peak resident memory. In process, the wall time is what `kiosk simulate` takes for the
day with every estimate scored. Nothing here asserts a time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from kiosk.sim.http import simulate_over_http  # noqa: E402
from kiosk.sim.run import simulate  # noqa: E402
from kiosk.sim.scenario import load_scenario  # noqa: E402


def run(seed: int = 1) -> dict[str, Any]:
    city = load_scenario("city")
    remote = simulate_over_http(city, days=1, seed=seed)
    began = time.monotonic()
    local, _ = simulate(city, days=1, seed=seed)
    local_wall = round(time.monotonic() - began, 1)
    return {
        "tickets": remote["tickets"],
        "served": remote["served"],
        "over_http": remote["http"],
        "in_process_wall_s": local_wall,
        # over HTTP the server judges appointment check-ins by its real clock: not always equal
        "same_waits": remote["waits"] == local["waits"],
    }


def table(r: dict[str, Any]) -> str:
    h = r["over_http"]
    return "\n".join(
        [
            "| measure | result |",
            "|---|---|",
            f"| a city day over HTTP ({r['tickets']} tickets, {h['requests']} requests) "
            f"| {h['wall_s']} s wall |",
            f"| request latency | p50 {h['p50_ms']} ms, p99 {h['p99_ms']} ms |",
            f"| server peak memory (VmHWM) | {h['server_peak_mb']} MB |",
            f"| the same day in process, estimates scored | {r['in_process_wall_s']} s wall |",
        ]
    )


if __name__ == "__main__":
    print(table(run()))
