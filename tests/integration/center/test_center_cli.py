"""The `center` command group, driven through `register` on a fresh argparse parser."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from kiosk.center.db import make_engine
from kiosk.center.migrations import MIGRATIONS
from kiosk.center.schema import admin_tokens
from kiosk.center.tokens import hash_token
from kiosk.timeouts import TimedHttpProtocol
from tests.helpers.center_cli import run_center as run


def admin_count(db_url: str) -> int:
    engine: Engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(admin_tokens)).scalar_one())
    finally:
        engine.dispose()


def test_init_makes_one_admin_token(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "init", "--db", db_url, "--json")
    data = json.loads(out)
    newest = MIGRATIONS[-1].version
    assert code == 0 and data["schema_version"] == newest and data["admin_token"].startswith("ka-")
    code, out, _ = run(capsys, "init", "--db", db_url)
    assert code == 0 and "already exists" in out
    code, out, _ = run(capsys, "init", "--db", db_url, "--new-token", "--json")
    assert json.loads(out)["admin_token"] != data["admin_token"]
    assert admin_count(db_url) == 2


def test_hall_add_and_list(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "hall", "add", "--db", db_url, "--code", "370200-00",
                       "--name", "S市政务服务中心", "--level", "city", "--json")  # fmt: skip
    data = json.loads(out)
    assert code == 0 and data["code"] == "370200-00" and data["token"].startswith("kh-")
    district = ["--code", "370202-00", "--name", "市南区", "--level", "district"]
    code, out, _ = run(capsys, "hall", "add", "--db", db_url, *district, "--parent", "370200-00")
    assert code == 0 and out.strip().splitlines()[-1].startswith("kh-")
    township = ["--code", "370202-01", "--name", "街道", "--level", "township"]
    code, _, err = run(capsys, "hall", "add", "--db", db_url, *township, "--parent", "370200-00")
    assert code == 2 and "error:" in err and "错误：" in err
    code, out, _ = run(capsys, "hall", "list", "--db", db_url, "--json")
    assert [h["code"] for h in json.loads(out)["halls"]] == ["370200-00", "370202-00"]


def test_serve_prints_the_first_admin_token(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append(kw))
    code, out, _ = run(capsys, "serve", "--db", db_url, "--port", "8123")
    token = out.strip().split()[-1]
    assert code == 0 and len(calls) == 1
    assert {k: calls[0][k] for k in ("host", "port", "log_level")} == {
        "host": "127.0.0.1",
        "port": 8123,
        "log_level": "info",
    }
    assert calls[0]["http"] is TimedHttpProtocol  # half-sent requests are cut off
    engine = make_engine(db_url)
    with engine.connect() as conn:
        hashes = list(conn.execute(select(admin_tokens.c.token_hash)).scalars())
    engine.dispose()
    assert hashes == [hash_token(token)]
    code, out, _ = run(capsys, "serve", "--db", db_url)
    assert code == 0 and "admin token" not in out


def test_catalog_publish_checks_the_file(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": 1, "version": "x", "items": []}), encoding="utf-8")
    code, _, err = run(capsys, "catalog", "publish", "--db", db_url, str(bad))
    assert code == 2 and "categories" in err
    code, _, err = run(capsys, "catalog", "publish", "--db", db_url, str(tmp_path / "none.json"))
    assert code == 2
