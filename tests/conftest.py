"""Shared fixtures: a fresh hall store with a fake clock; helpers live in tests/helpers."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# PINs hashed at scrypt's lowest cost we accept: test halls keep nothing worth stealing, and the
# default cost (50 ms a login, by design) was a tenth of the suite. Servers the tests start in
# their own process inherit it. tests/unit/ids checks the hashing at other costs.
os.environ.setdefault("KIOSK_PIN_COST", "10")

from kiosk.clock import FakeClock
from kiosk.engine.hall import Hall
from tests.helpers.hallfactory import make_hall, morning


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Windows a Qt test left behind (a front end's main window it made without qtbot, popups)
    are deleted after the test's own fixtures: they would otherwise live on into the next test,
    whose style sheet then re-polishes widgets whose Python side is gone (a crash, seen when
    the long tests ran first). Tests that never loaded Qt pay nothing."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None:
        return
    app = widgets.QApplication.instance()
    left = app.topLevelWidgets() if isinstance(app, widgets.QApplication) else []
    if not left:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    for window in left:
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Long tests first (marked `slow`), the rest in their order: with pytest-xdist the long
    ones then run beside the many short ones instead of alone at the end of the run."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(morning())


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "hall.db"


@pytest.fixture
def hall(db_path: Path, clock: FakeClock) -> Iterator[Hall]:
    h = make_hall(db_path, clock)
    yield h
    h.close()


@pytest.fixture
def live(hall: Hall):  # type: ignore[no-untyped-def]
    """The test hall served by a real uvicorn on 127.0.0.1."""
    from tests.helpers.server import running

    with running(hall) as server:
        yield server


@pytest.fixture
def sample_live(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The shipped sample hall on a real server, with the real clock (front-end tests)."""
    from tests.helpers.hallfactory import make_sample_hall
    from tests.helpers.server import running

    hall = make_sample_hall(tmp_path / "sample.db")
    with running(hall) as server:
        yield server
    hall.close()
