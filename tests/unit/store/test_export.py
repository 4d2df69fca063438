"""`kiosk store export`: read-only, beside a running server, refusing clearly what it will not
write (an unknown table, credentials, personal data)."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from kiosk.cli import main
from kiosk.domain import DeviceRole
from kiosk.store.db import store_path
from kiosk.store.lock import StoreLock
from kiosk.sync import settings
from tests.helpers.hallfactory import issue, make_hall
from tests.helpers.server import free_port, server_process

KIOSK_TOKEN: dict[Path, str] = {}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A hall with two tickets, a call-back number, a kiosk and a center link in its store."""
    data = tmp_path / "hall"
    data.mkdir()
    hall = make_hall(store_path(data))
    issue(hall)
    issue(hall)
    hall.create_consultation("社保", phone="13812345678")
    KIOSK_TOKEN[data] = hall.add_device("kiosk-9", DeviceRole.KIOSK)
    settings.save(hall, settings.CenterLink("http://127.0.0.1:9", "ctr-secret"))
    hall.close()
    return data


def export(data: Path, table: str, fmt: str, *more: str) -> int:
    return main(["store", "export", "--data", str(data), "--table", table, "--format", fmt, *more])


def test_export_runs_beside_the_running_server(data: Path, tmp_path: Path, capsys) -> None:
    """The server holds the store's lock and keeps writing; an export reads what it committed
    and takes nothing from it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with server_process(data, port):
        assert not StoreLock(data).try_acquire()  # the server owns the store
        auth = {"Authorization": f"Bearer {KIOSK_TOKEN[data]}"}
        third = httpx.post(f"{url}/api/v1/tickets", json={"category": "SB"}, headers=auth)
        assert third.status_code == 201, third.text
        capsys.readouterr()
        assert export(data, "tickets", "json") == 0
        tickets = json.loads(capsys.readouterr().out)
        numbers = {t["number"] for t in tickets}
        assert {"A001", "A002", third.json()["number"]} <= numbers  # the server's commit too
        out = tmp_path / "events.csv"
        assert export(data, "events", "csv", "--output", str(out)) == 0
        assert "written to" in capsys.readouterr().out
        # the server carries on writing after the exports
        fourth = httpx.post(f"{url}/api/v1/tickets", json={"category": "SB"}, headers=auth)
        assert fourth.status_code == 201
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    issued = [json.loads(r["payload"])["number"] for r in rows if r["type"] == "ticket.issued"]
    assert issued[:2] == ["A001", "A002"] and issued[-1] == third.json()["number"]
    assert list(rows[0]) == ["seq", "id", "hall", "ts", "device", "actor", "type", "payload"]


def test_an_unknown_table_is_refused_in_one_line(data: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.json"
    assert export(data, "tickets; DROP TABLE events", "json", "--output", str(out)) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and not out.exists()
    [line] = captured.err.strip().splitlines()
    assert "没有数据表" in line and "no table 'tickets; DROP TABLE events'" in line
    assert "tickets" in line.split("tables:")[1]  # it names what may be exported


def test_credentials_and_personal_data_stay_in(data: Path, capsys) -> None:
    assert export(data, "contacts", "csv") == 2
    line = capsys.readouterr().err.strip()
    assert "回电号码" in line and "not exported" in line and "138" not in line
    assert export(data, "idempotency", "json") == 2
    capsys.readouterr()
    assert export(data, "clerks", "json") == 0
    clerks = json.loads(capsys.readouterr().out)
    assert clerks and all("pin_hash" not in c for c in clerks) and "name" in clerks[0]
    assert export(data, "meta", "csv") == 0
    text = capsys.readouterr().out
    assert "hall_config" in text
    assert "ctr-secret" not in text and "center_token" not in text and "secret," not in text


def test_json_reads_like_the_sqlite_utils_command(data: Path, capsys) -> None:
    assert export(data, "window_config", "json") == 0
    ours = capsys.readouterr().out
    theirs = sqlite_utils("rows", store_path(data), "window_config")
    assert theirs.returncode == 0 and ours == theirs.stdout


def test_no_store_and_a_damaged_store_are_refused(tmp_path: Path, capsys) -> None:
    assert export(tmp_path / "nowhere", "tickets", "csv") == 2
    assert "no hall store" in capsys.readouterr().err
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    store_path(damaged).write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    assert export(damaged, "tickets", "csv") == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "damaged" in line


def sqlite_utils(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [Path(sys.executable).with_name("sqlite-utils"), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_the_documented_read_only_inspection(data: Path) -> None:
    """docs/cli.md: `sqlite-utils query` on a `mode=ro` URI reads the store and cannot write."""
    uri = sqlite_utils("query", ":memory:", "select sqlite_compileoption_used('USE_URI') as u")
    if json.loads(uri.stdout) != [{"u": 1}]:
        pytest.skip("this SQLite reads no URI filenames (docs/cli.md names the way round)")
    ro = f"file:{store_path(data)}?mode=ro"
    counted = sqlite_utils("query", ro, "select count(*) as n from tickets where number like 'A%'")
    assert json.loads(counted.stdout) == [{"n": 2}]
    refused = sqlite_utils("query", ro, "update tickets set status = 'done'")
    assert refused.returncode != 0 and "readonly" in refused.stderr
    conn = sqlite3.connect(store_path(data))
    assert conn.execute("SELECT COUNT(*) FROM tickets WHERE status = 'done'").fetchone()[0] == 0
    conn.close()
