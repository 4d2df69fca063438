"""`kiosk serve --always-open` (trial mode) in its own process: a hall that is never open issues
tickets, its quota still holds and it says it runs in trial mode; without the flag the same
store refuses with the reason. The store's person data stays out of an export."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from kiosk.cli import main
from kiosk.domain import DeviceRole
from kiosk.engine.hall import Hall
from kiosk.store.db import store_path
from tests.helpers.hallfactory import make_hall
from tests.helpers.server import free_port, server_process
from tests.unit.issuing.conftest import person

NEVER_OPEN = {
    "hours": {"week": {}},  # no day has a session: closed whatever the real clock says
    "categories": {"SB": {"daily": 1}},
    "realname": {"allowed": ["*"]},
}


@pytest.fixture
def data(tmp_path: Path) -> tuple[Path, str]:
    data = tmp_path / "hall"
    data.mkdir()
    hall = make_hall(store_path(data), issuing=NEVER_OPEN)
    token = hall.add_device("kiosk-9", DeviceRole.KIOSK)
    hall.close()
    return data, token


def test_trial_mode_issues_at_any_hour_but_keeps_the_quota(data: tuple[Path, str]) -> None:
    folder, token = data
    auth = {"Authorization": f"Bearer {token}"}
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with server_process(folder, port):
        refused = httpx.post(f"{url}/api/v1/tickets", json={"category": "SB"}, headers=auth)
        assert refused.status_code == 409 and refused.json()["reason"] == "closed_day"
        assert httpx.get(f"{url}/api/v1/issuing").json()["always_open"] is False
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with server_process(folder, port, "--always-open"):
        body = {"category": "SB", "id_number": person(1)}
        first = httpx.post(f"{url}/api/v1/tickets", json=body, headers=auth)
        assert first.status_code == 201, first.text
        again = httpx.post(f"{url}/api/v1/tickets", json=body, headers=auth)
        assert again.status_code == 200 and again.json()["already_issued"] is True
        other = httpx.post(f"{url}/api/v1/tickets", json={"category": "SB"}, headers=auth)
        assert other.status_code == 409 and other.json()["reason"] == "quota"
        status = httpx.get(f"{url}/api/v1/issuing").json()
        assert status["always_open"] is True
        assert next(c for c in status["categories"] if c["category"] == "GJJ")["open"] is True


def test_person_data_stays_out_of_an_export(data: tuple[Path, str], capsys) -> None:
    folder, _ = data
    hall = Hall(store_path(folder))
    hall.always_open = True
    hall.issue_ticket("SB", id_number=person(2))
    hall.close()
    for table in ("ticket_persons", "appointment_persons"):
        assert (
            main(["store", "export", "--data", str(folder), "--table", table, "--format", "json"])
            != 0
        )
    assert (
        main(["store", "export", "--data", str(folder), "--table", "meta", "--format", "json"]) == 0
    )
    assert "person_secret" not in capsys.readouterr().out
