"""For the layout tests (tests/ui/layout): a hall with long data on a real server, and a walk
over a front end's screens and panels.

The sample hall (its help desk's last hour replayed, as `make screenshots` does), with ticket
numbers past 10000 (A12345), a morning's queues, the longest-named item of the catalog called
at window 19 (its rating pad stands there), and the floor the board and the strips show.
One server per test module; each screen is built once per mode and checked at every panel.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.clock import FakeClock
from kiosk.domain import DeviceRole, Priority
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall
from kiosk.paths import ASSETS
from tests.helpers.server import running

PIN = "1234"
FIRST_NUMBER = 12345  # every queue's next number has five digits
WINDOW = 19  # 帮办代办 first: the longest English item name is its
WAITING = {"SHEBAO": 6, "YIBAO": 3, "GONGJIJIN": 4, "HUJI": 5, "CHURUJING": 2, "BUDONGCHAN": 2}
# the hall floor the board and the strips show (ui.common.panels.STRIP names windows 20, 2, 5, 12)
FLOOR: list[tuple[int, str, tuple[str, ...]]] = [
    (2, "1002", ("call", "start")),
    (3, "1003", ("call", "start")),
    (5, "1005", ("pause:meal",)),
    (6, "1006", ("call", "start")),
    (10, "1010", ("call",)),
    (12, "1012", ()),
    (14, "1014", ("pause:meeting",)),
    (20, "1020", ("call",)),
    (4, "1004", ("call",)),
    (8, "1008", ("call",)),
]


def ensure_qm() -> None:
    """`make test` compiles translations first; a bare pytest run gets them compiled here."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in (ASSETS / "translations").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


def longest_items(hall: Hall) -> dict[str, Any]:
    """The catalog's longest item name in each language: {"zh": item, "en": item}."""
    items = list(hall.catalog.items)
    return {
        "zh": max(items, key=lambda i: len(i.name_zh)),
        "en": max(items, key=lambda i: len(i.name_en)),
    }


@dataclass
class LayoutHall:
    url: str
    tokens: dict[str, str]
    longest: dict[str, Any]


def _prepare(data: Path, supervision: bool = False) -> Hall:
    from kiosk.sample import supervision as supervision_sample
    from kiosk.sample.helpdesk import SPAN_MIN, seed
    from kiosk.setup import init_hall
    from kiosk.store.db import store_path

    init_hall(data, sample=True).close()
    path = store_path(data)
    clock = FakeClock(datetime.now(UTC) - timedelta(minutes=SPAN_MIN + 1))
    hall = Hall(path, clock)
    hall.always_open = True  # office hours have their own tests; this runs at any hour
    seed(hall, clock)
    hall.close()
    if supervision:  # the supervisor's morning: ratings, cases, a long pause, a tidal alert
        end = datetime.now(UTC) - timedelta(minutes=1)
        clock = FakeClock(end - timedelta(days=supervision_sample.START_DAYS_AGO))
        hall = Hall(path, clock)
        hall.always_open = True
        supervision_sample.seed(hall, clock, end)
        hall.close()
    hall = Hall(path)
    today = hall.today().isoformat()
    prefixes = {c.prefix for c in hall.catalog.categories}
    hall.close()
    with sqlite3.connect(path) as db:  # a busy day: the queues are past number 12344 already
        db.executemany(
            "INSERT OR REPLACE INTO counters (service_day, prefix, last) VALUES (?, ?, ?)",
            [(today, p, FIRST_NUMBER - 1) for p in prefixes],
        )
    hall = Hall(path)
    hall.always_open = True
    return hall


def _floor(server: Any, longest: dict[str, Any], supervision: bool = False) -> None:
    from datetime import date

    from kiosk.idcard import make_id_number

    kiosk = Actor(device="kiosk-1")
    hall: Hall = server.hall
    people = iter(range(10_000))

    def issue(category: str, item: str | None, **kw: Any) -> None:
        """Real-name, as the sample hall requires for 出入境: one citizen per ticket."""
        n = next(people)
        who = make_id_number("370202", date(1960, 1, 1) + timedelta(days=n), n % 1000)
        hall.issue_ticket(category, item, actor=kiosk, id_number=who, **kw)

    en = longest["en"]
    issue(en.category, en.code, priority=Priority.GREEN)
    for category, n in WAITING.items():
        for _ in range(n):
            issue(category, None)
    zh = longest["zh"]
    issue(zh.category, zh.code)
    # in the supervisor's morning 马丽 at window 19 is on a long pause: the alert it raises
    steps = [*([] if supervision else [(WINDOW, f"10{WINDOW}", ("call",))]), *FLOOR]
    issue(en.category, en.code)  # what window 20 calls
    for no, employee_no, actions in steps:
        with server.client(server.login(employee_no, PIN, no)) as clerk:
            for step in actions:
                action, _, reason = step.partition(":")
                where = f"/api/v1/windows/{no}/{'call-next' if action == 'call' else action}"
                r = clerk.post(where, json={"reason": reason} if reason else {})
                assert r.status_code < 300 and r.status_code != 204, (no, step, r.text)


@pytest.fixture(scope="module")
def layout_hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LayoutHall]:
    yield from _layout_hall(tmp_path_factory, supervision=False)


@pytest.fixture(scope="module")
def supervised_hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LayoutHall]:
    """The layout hall with the supervisor's morning (kiosk.sample.supervision) played first."""
    yield from _layout_hall(tmp_path_factory, supervision=True)


def _layout_hall(
    tmp_path_factory: pytest.TempPathFactory, supervision: bool
) -> Iterator[LayoutHall]:
    ensure_qm()
    hall = _prepare(tmp_path_factory.mktemp("layout"), supervision)
    longest = longest_items(hall)
    pad = hall.add_device(f"pad-{WINDOW}", DeviceRole.RATING_PAD, WINDOW)
    try:
        with running(hall) as server:
            _floor(server, longest, supervision)
            tokens = {**server.tokens, "pad": pad}
            yield LayoutHall(server.url, tokens, longest)
    finally:
        hall.close()


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Outboxes and prints of the front ends stay in the test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user"))
    return tmp_path


def check_front_end(key: str, base: list[str], mode: Any, extra: dict[str, list[str]]) -> list[str]:
    """Opens each screen of front end `key` in `mode`, shows it at every panel size and returns
    what a person would see wrong, one line each: front end, screen, size, mode, widget, text.
    With LAYOUT_SHOTS set to a folder, each screen at each size is saved there too, to look at
    what a finding describes."""
    import os

    from PySide6.QtWidgets import QApplication

    from ui.common import i18n
    from ui.common.layout_check import findings
    from ui.common.panels import FRONT_ENDS
    from ui.common.tour import at_sizes, close, open_window

    front_end = FRONT_ENDS[key]
    lines: list[str] = []
    for screen, args in front_end.screens:
        argv = [*base, *args, *extra.get(screen, []), *mode.args]
        window = open_window(front_end, argv)
        try:
            for panel in at_sizes(window, front_end.panels):
                size = window.size()
                where = f"{key} {screen} {panel.label} {mode.label}"
                if (size.width(), size.height()) != (panel.width, panel.height):
                    lines.append(f"{where} window: {size.width()}x{size.height()} on this panel")
                    continue
                found = findings(
                    window, touch_px=front_end.touch_px, min_text_px=front_end.text_px(mode)
                )
                if os.environ.get("LAYOUT_SHOTS"):
                    window.grab().save(os.path.join(os.environ["LAYOUT_SHOTS"], f"{where}.png"))
                lines += [f.line(where) for f in found]
        finally:
            close(window)
    app = QApplication.instance()
    if app is not None:
        app.setStyleSheet("")
        i18n.install(app, "en", ())
    return lines


def report(lines: list[str]) -> str:
    return f"{len(lines)} layout finding(s):\n" + "\n".join(lines)
