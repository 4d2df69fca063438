"""Fixtures for the supervisor's console tests: the console as `kiosk supervisor` runs it
(Chinese, its theme) against the small test hall served live, on the hall's FakeClock."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.paths import ASSETS

WAIT = 8000


def ensure_qm() -> None:
    ts = ASSETS / "translations" / "supervisor_zh_CN.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture
def sup_qt(qapp: Any) -> Iterator[None]:
    from ui.common import i18n, theme

    ensure_qm()
    assert i18n.install(qapp, "zh", ("supervisor",)) == ["common", "supervisor"]
    theme.apply(qapp, "supervisor", 12)
    yield
    qapp.setStyleSheet("")
    i18n.install(qapp, "en", ())


@pytest.fixture
def console(qtbot: Any, live: Any, sup_qt: None, tmp_path: Path) -> Any:
    """A factory: a signed-in console on pane `pane` (supervisor 9001 of the test hall)."""
    from ui.supervisor.session import SupervisorSession
    from ui.supervisor.window import SupervisorWindow

    def open_console(pane: str = "hall") -> SupervisorWindow:
        window = SupervisorWindow(SupervisorSession(live.url, "zh"), pane, tmp_path / "exports")
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.ready, timeout=WAIT):
            window.auto_login("9001", "9999")
        qtbot.waitUntil(lambda: window.session.follow.is_connected, timeout=WAIT)
        return window

    return open_console
