"""Fixtures for the help-desk console tests: the console as `kiosk help-desk` runs it (Chinese,
its theme) against the small test hall served live, whose clock is a FakeClock."""

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
    """`make test` compiles translations first; a bare pytest run gets them compiled here."""
    ts = ASSETS / "translations" / "help_desk_zh_CN.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture
def desk_qt(qapp: Any) -> Iterator[None]:
    from ui.common import i18n, theme

    ensure_qm()
    assert i18n.install(qapp, "zh", ("help_desk",)) == ["common", "help_desk"]
    theme.apply(qapp, "help_desk", 12)
    yield
    qapp.setStyleSheet("")
    i18n.install(qapp, "en", ())


@pytest.fixture
def console(qtbot: Any, live: Any, desk_qt: None, tmp_path: Path) -> Any:
    """A factory: a signed-in console for an employee of the test hall (8001, 8002, 9001)."""
    from ui.help_desk.session import DeskSession
    from ui.help_desk.window import HelpDeskWindow

    def open_console(
        employee_no: str = "8001", pin: str = "8888", printer: str | None = None
    ) -> HelpDeskWindow:
        printer = printer or f"pdf://{tmp_path / 'prints'}"
        window = HelpDeskWindow(DeskSession(live.url, "zh"), printer)
        qtbot.addWidget(window)
        window.auto_login(employee_no, pin)
        window.show()
        with qtbot.waitSignal(window.ready, timeout=WAIT):
            window.session.load_catalog()
        qtbot.waitUntil(lambda: window.session.follow.is_connected, timeout=WAIT)
        qtbot.waitUntil(lambda: window.session.on_duty, timeout=WAIT)
        return window

    return open_console


def ask(live: Any, topic: str = "社保卡", question: str = "怎么补办？") -> dict[str, Any]:
    with live.client(live.tokens["kiosk"]) as k:
        r = k.post("/api/v1/consultations", json={"topic": topic, "question": question})
        assert r.status_code == 201, r.text
        return dict(r.json())
