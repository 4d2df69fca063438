"""Fixtures for the display board tests: the board as `kiosk display` runs it (Chinese, the
display theme), a silent announcer that records what it would say, and a clerk at a window."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from kiosk.paths import ASSETS
from kiosk.voice import Announcer, NullPlayer

WAIT_MS = 5000


def ensure_qm() -> None:
    """`make test` compiles translations first; a bare pytest run gets them compiled here."""
    ts = ASSETS / "translations" / "display_zh_CN.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture
def display_qt(qapp: Any) -> Iterator[None]:
    from ui.common import i18n, theme

    ensure_qm()
    assert i18n.install(qapp, "zh", ("display",)) == ["common", "display"]
    theme.apply(qapp, "display")
    yield
    qapp.setStyleSheet("")
    i18n.install(qapp, "en", ())


@pytest.fixture
def announcer() -> Iterator[Announcer]:
    """No speech engine and a player that plays nothing: the log says what was announced."""
    a = Announcer(engine=None, player=NullPlayer())
    yield a
    a.close(drain=False, timeout=5)


@dataclass
class Clerk:
    url: str
    window: int
    token: str

    def post(self, action: str, body: dict[str, Any] | None = None) -> httpx.Response:
        r = httpx.post(
            f"{self.url}/api/v1/windows/{self.window}/{action}",
            json=body or {},
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=10,
        )
        assert r.status_code in (200, 204), r.text
        return r


def clerk(live: Any, window: int) -> Clerk:
    """Clerk 100N of the test hall signed in at window N."""
    return Clerk(live.url, window, live.login(f"100{window}", "1234", window))


def issue(live: Any, category: str = "SB", n: int = 1) -> list[dict[str, Any]]:
    with live.client(live.tokens["kiosk"]) as c:
        return [c.post("/api/v1/tickets", json={"category": category}).json() for _ in range(n)]
