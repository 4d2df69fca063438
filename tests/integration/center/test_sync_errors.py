"""Sync errors: `kiosk sync` refused by the center (another hall's token) or unable to reach
it says so in one line and exits non-zero; the background loop backs off a refusal instead of
retrying it every second, and raises one alert for it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from starlette.types import Receive, Scope, Send

from kiosk.center.app import create_center_app
from kiosk.center.halls import add_hall
from kiosk.cli import main
from kiosk.engine.base import Actor
from kiosk.sync.loop import SyncLoop
from kiosk.sync.settings import CenterLink
from tests.helpers.hallfactory import make_hall
from tests.helpers.live_server import serve_in_thread
from tests.helpers.server import free_port


class Counting:
    """The center app, counting the requests that reach it."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.requests: list[str] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.requests.append(scope["path"])
        await self.app(scope, receive, send)


@pytest.fixture
def center(db_url: str):  # type: ignore[no-untyped-def]
    app = create_center_app(db_url)
    add_hall(app.state.engine, "T-00", "测试市中心", "city")
    token = add_hall(app.state.engine, "T-01", "测试区中心", "district", "T-00")
    other = add_hall(app.state.engine, "T-02", "另一区中心", "district", "T-00")
    counting = Counting(app)
    with serve_in_thread(counting) as url:
        yield counting, url, token, other


def run_cli(capsys, *argv: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    code = main(list(argv))
    return code, capsys.readouterr().err


def test_kiosk_sync_with_another_halls_token(center, tmp_path: Path, capsys) -> None:
    _, url, _token, other = center
    make_hall(tmp_path / "hall.db").close()
    code, err = run_cli(
        capsys, "sync", "--data", str(tmp_path), "--center", url, "--center-token", other
    )
    assert code == 2
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "错误：" in err and "error:" in err  # one line, both languages
    assert "403" in err and "T-02" in err and "--center-token" in err


def test_kiosk_sync_with_the_center_down(tmp_path: Path, capsys) -> None:
    make_hall(tmp_path / "hall.db").close()
    down = f"http://127.0.0.1:{free_port()}"
    code, err = run_cli(
        capsys, "sync", "--data", str(tmp_path), "--center", down, "--center-token", "x"
    )
    assert code == 2
    assert "Traceback" not in err
    assert "无法连接市中心" in err and "cannot reach the center" in err


def test_the_loop_backs_off_a_refusal_and_alerts_once(center, tmp_path: Path) -> None:
    counting, url, token, other = center
    hall = make_hall(tmp_path / "hall.db")
    loop = SyncLoop(hall, CenterLink(url, other))
    loop.start()
    try:
        deadline = time.monotonic() + 20
        while not counting.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        for _ in range(4):  # new events used to wake the loop into another refused round
            hall.issue_ticket("SB", actor=Actor(device="kiosk-1"))
            time.sleep(1.2)
        refused_rounds = counting.requests.count("/api/v1/halls/T-01/ack")
        assert refused_rounds == 1, f"the loop retried a refusal {refused_rounds} times"
        alerts = hall.reader().execute("SELECT kind, details FROM alerts").fetchall()
        assert [a["kind"] for a in alerts] == ["sync_refused"]
        assert "403" in alerts[0]["details"]

        summary = loop.run_now(CenterLink(url, token))  # a human fixed the token
        assert summary.lag == 0 and summary.pushed == hall.last_seq
    finally:
        loop.stop()
        hall.close()
