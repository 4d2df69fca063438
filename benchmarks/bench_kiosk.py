"""The ticket kiosk's felt speed, against the sample hall on a local server.

A plain script: ``python benchmarks/bench_kiosk.py``; ``run()`` returns the numbers for
``make bench``. Aims: search p95 under 30 ms, tap-to-ticket p95 under 150 ms, cold
start under 2 s, resident memory under 250 MB. Nothing here asserts a time.

- search: every prefix of ~40 realistic queries typed into the search screen, timed from the
  keystroke to the result list painted (the index lookup, the model reset, the repaint);
- tap to ticket: from the tap on "Take a ticket" to the ticket screen painted, through the real
  hall server (durable commit included) on loopback;
- cold start: a fresh process from exec to the window's first painted frame, and to the first
  data on screen; memory: that process's resident set once ready and after using every screen.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TAPS = 40
COLD_RUNS = 3


def _p(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered)) - 1))]


def _stats(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50_ms": round(statistics.median(values), 2),
        "p95_ms": round(_p(values, 95), 2),
        "max_ms": round(max(values), 2),
    }


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    from ui.common import i18n, theme

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    i18n.install(app, "zh", ("ticket_kiosk",))
    theme.apply(app, "ticket_kiosk")
    return app


def _wait(app: Any, condition: Any, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("kiosk did not get there in time")
        app.processEvents()
        time.sleep(0.001)


def _kiosk(app: Any, url: str, token: str) -> Any:
    from ui.ticket_kiosk.app import create_kiosk

    window = create_kiosk(url, token)
    window.show()
    _wait(app, lambda: window.ctx.hall.ready and window.ctx.hall.index is not None)
    return window


def bench_search(app: Any, window: Any) -> dict[str, float]:
    from benchmarks.bench_search import QUERIES

    window.go("search")
    screen = window.screens["search"]
    times: list[float] = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            start = time.perf_counter()
            screen.field.setText(query[:end])  # what one keystroke does
            screen.list.viewport().repaint()
            times.append((time.perf_counter() - start) * 1000)
    return _stats(times)


def bench_tap(app: Any, window: Any) -> dict[str, float]:
    times: list[float] = []
    for _ in range(TAPS):
        window.go("item", "HJ-004")
        app.processEvents()
        start = time.perf_counter()
        window.screens["item"].take.click()
        _wait(app, lambda: window.current[0] == "ticket")
        window.repaint()
        times.append((time.perf_counter() - start) * 1000)
        window.home()
    return _stats(times)


CHILD = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
sys.path.insert(0, {root!r})
from benchmarks.bench_kiosk import _app, _wait, rss_mb
app = _app()
from ui.ticket_kiosk.app import create_kiosk
window = create_kiosk({url!r}, {token!r})
class First(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
            self.seen = print("frame", time.time(), flush=True)
        return False
f = First(); window.installEventFilter(f); window.show()
_wait(app, lambda: window.ctx.hall.ready)
window.repaint()
print("ready", time.time(), rss_mb(), flush=True)
_wait(app, lambda: window.ctx.hall.index is not None)
for name, arg in (("search", "sfz"), ("item", "GJJ-006"), ("help", None), ("rejoin", None)):
    window.go(name, arg); app.processEvents(); window.repaint()
window.screens["item"].take.click()
_wait(app, lambda: window.current[0] == "ticket"); window.repaint()
print("used", time.time(), rss_mb(), flush=True)
"""


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def bench_cold(url: str, token: str) -> dict[str, Any]:
    frames, readies, rss, used = [], [], [], []
    for _ in range(COLD_RUNS):
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD.format(root=str(ROOT), url=url, token=token)],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        ).stdout.split()
        frames.append((float(out[out.index("frame") + 1]) - start) * 1000)
        readies.append((float(out[out.index("ready") + 1]) - start) * 1000)
        rss.append(float(out[out.index("ready") + 2]))
        used.append(float(out[out.index("used") + 2]))
    return {
        "first_frame_ms": round(min(frames), 1),
        "first_frame_ms_worst": round(max(frames), 1),
        "data_on_screen_ms": round(min(readies), 1),
        "rss_ready_mb": max(rss),
        "rss_after_use_mb": max(used),
    }


def run() -> dict[str, Any]:
    from tests.helpers.hallfactory import make_sample_hall
    from tests.helpers.server import running

    app = _app()
    with tempfile.TemporaryDirectory(prefix="bench-kiosk-") as tmp:
        hall = make_sample_hall(Path(tmp) / "hall.db")
        with running(hall) as live:
            token = live.tokens["kiosk"]
            window = _kiosk(app, live.url, token)
            results: dict[str, Any] = {
                "search": bench_search(app, window),
                "tap_to_ticket": bench_tap(app, window),
            }
            window.close()
            results["cold_start"] = bench_cold(live.url, token)
        hall.close()
    results["aims"] = {
        "search_p95_ms": 30,
        "tap_to_ticket_p95_ms": 150,
        "cold_start_ms": 2000,
        "rss_mb": 250,
    }
    return results


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=1))
