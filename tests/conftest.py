"""Shared fixtures: a fresh hall store with a fake clock; helpers live in tests/helpers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.clock import FakeClock
from kiosk.engine.hall import Hall
from tests.helpers.hallfactory import make_hall, morning


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
