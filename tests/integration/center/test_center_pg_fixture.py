"""The PostgreSQL test server machinery: missing binaries are an error with advice, not a skip."""

from __future__ import annotations

import pytest

from tests.helpers import postgres


def test_missing_binaries_raise_with_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(postgres.BIN_ENV, "/nonexistent")
    monkeypatch.setattr(postgres.glob, "glob", lambda _pattern: [])
    monkeypatch.setattr(postgres.shutil, "which", lambda _name: None)
    with pytest.raises(postgres.PostgresUnavailable, match="apt-get install postgresql"):
        postgres.find_bin_dir()


@pytest.mark.postgres
def test_the_server_is_private_and_local(pg_server: postgres.PostgresServer) -> None:
    import psycopg

    with psycopg.connect(pg_server.url()) as conn:
        settings = dict(conn.execute("SELECT name, setting FROM pg_settings").fetchall())
        user = conn.execute("SELECT current_user").fetchone()
    assert settings["listen_addresses"] == "127.0.0.1"
    assert settings["unix_socket_directories"] == str(pg_server.sock)
    assert int(settings["port"]) == pg_server.port and user == ("postgres",)
    owner = pg_server.data.owner()
    assert owner == (postgres.PG_USER if pg_server.as_root else owner)
