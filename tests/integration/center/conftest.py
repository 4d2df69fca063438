"""Fixtures for the center suite: every test runs on SQLite and on a real PostgreSQL server.

The PostgreSQL server is started once per session from the machine's binaries (see
tests/helpers/postgres.py) only when a postgresql-parametrized test runs; each test gets a
fresh database. Missing binaries fail the test with what to install; they never skip it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:  # `pytest` without `python -m`: make `tests.helpers` importable
    sys.path.insert(0, str(ROOT))

from kiosk.center.app import create_center_app  # noqa: E402
from kiosk.center.db import open_center_db  # noqa: E402
from kiosk.center.halls import add_hall  # noqa: E402
from kiosk.center.tokens import create_admin_token  # noqa: E402
from tests.helpers.center_fixture import HALLS  # noqa: E402
from tests.helpers.live_server import LiveCenter, serve_in_thread  # noqa: E402
from tests.helpers.postgres import PostgresServer, PostgresUnavailable  # noqa: E402

ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer({"fsync": "off", "synchronous_commit": "off"}).start()
    except PostgresUnavailable as exc:
        pytest.fail(f"cannot start the test PostgreSQL server: {exc}", pytrace=False)
    yield server
    server.stop()


def make_db_url(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'center.db'}"
    server: PostgresServer = request.getfixturevalue("pg_server")
    return server.create_database()


@pytest.fixture(params=ENGINES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL on each engine."""
    return make_db_url(request.param, request, tmp_path)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = open_center_db(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def hall_tokens(engine: Engine) -> dict[str, str]:
    """The fixture tree (city > district > township) registered; code -> token."""
    return {
        code: add_hall(engine, code, name, level, parent) for code, name, level, parent in HALLS
    }


@pytest.fixture
def live(db_url: str) -> Iterator[LiveCenter]:
    """A center on a real uvicorn server with the fixture tree and an admin token."""
    app = create_center_app(db_url)
    eng: Engine = app.state.engine
    tokens = {code: add_hall(eng, code, name, level, parent) for code, name, level, parent in HALLS}
    with serve_in_thread(app) as base_url:
        yield LiveCenter(base_url, db_url, eng, create_admin_token(eng), tokens)
