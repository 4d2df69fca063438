"""The hall side of sync: `kiosk sync`, the background loop of `kiosk serve`, and the standard
catalog pulled from the center (a hall may switch items off but not edit them)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from kiosk.center.app import create_center_app
from kiosk.center.catalogs import publish_catalog
from kiosk.center.halls import add_hall
from kiosk.cli import main
from kiosk.engine.base import Actor
from kiosk.errors import Conflict
from kiosk.sync.loop import SyncLoop
from kiosk.sync.settings import CenterLink
from tests.helpers.hallfactory import catalog_dict, make_hall
from tests.helpers.live_server import serve_in_thread


@pytest.fixture
def center(db_url: str):  # type: ignore[no-untyped-def]
    app = create_center_app(db_url)
    add_hall(app.state.engine, "T-00", "测试市中心", "city")
    token = add_hall(app.state.engine, "T-01", "测试区中心", "district", "T-00")
    with serve_in_thread(app) as url:
        yield app, url, token


def test_kiosk_sync_pushes_and_pulls_the_catalog(center, tmp_path: Path, capsys) -> None:
    app, url, token = center
    hall = make_hall(tmp_path / "hall.db")
    for _ in range(5):
        hall.issue_ticket("SB", actor=Actor(device="kiosk-1"))
    hall.close()
    newer = catalog_dict(version="test.2")
    newer["items"][0]["materials"].append(
        {
            "name_zh": "近期免冠照片",
            "name_en": "Recent photo",
            "form": "original",
            "count": 1,
            "required": True,
            "note_zh": "",
            "note_en": "",
        }
    )
    publish_catalog(app.state.engine, newer)
    data = str(tmp_path)
    assert main(["sync", "--data", data, "--once", "--center", url, "--center-token", token]) == 0
    out = capsys.readouterr().out
    assert "pushed 6 events" in out and "(lag 0)" in out and "catalog test.2 applied" in out
    assert main(["sync", "--data", data, "--quiet"]) == 0  # settings were saved
    assert "pushed 0 events" in capsys.readouterr().out

    catalog_file = tmp_path / "local.json"
    catalog_file.write_text(json.dumps(catalog_dict(version="local.9")), encoding="utf-8")
    assert main(["catalog", "import", "--data", data, str(catalog_file)]) == 2
    assert main(["item", "--data", data, "SB-1", "--off"]) == 0
    from kiosk.engine.hall import Hall

    hall = Hall(tmp_path / "hall.db")
    assert hall.catalog.version == "test.2"
    assert len(hall.catalog.item("SB-1").materials) == 3
    with pytest.raises(Conflict):
        hall.issue_ticket("SB", item="SB-1", actor=Actor(device="kiosk-1"))
    hall.close()


def test_background_loop_follows_new_events(center, tmp_path: Path) -> None:
    _app, url, token = center
    hall = make_hall(tmp_path / "hall.db")
    loop = SyncLoop(hall, CenterLink(url, token))
    loop.start()
    try:
        for _ in range(3):
            hall.issue_ticket("GJJ", actor=Actor(device="kiosk-1"))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if loop.last is not None and loop.last.acked_after == hall.last_seq == 3:
                break
            time.sleep(0.05)
        assert loop.last is not None and loop.last.acked_after == 3
    finally:
        loop.stop()
        hall.close()
