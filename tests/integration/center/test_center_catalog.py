"""Catalog publishing and pulling: immutable versions, latest wins, ETag/If-None-Match 304."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import httpx
import pytest

from kiosk.center.catalogs import publish_catalog
from kiosk.center.client import CenterClient
from kiosk.center.errors import CenterError
from tests.helpers.center_cli import run_center as run
from tests.helpers.center_fixture import CATALOG, TOWNSHIP
from tests.helpers.live_server import LiveCenter


def test_publish_then_pull_with_etag(
    live: LiveCenter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{live.base_url}/api/v1/catalog/latest"
    auth = {"Authorization": f"Bearer {live.tokens[TOWNSHIP]}"}
    none_yet = httpx.get(url, headers=auth)
    assert none_yet.status_code == 404 and none_yet.json()["detail_zh"]
    with CenterClient(live.base_url, TOWNSHIP, live.tokens[TOWNSHIP]) as client:
        assert client.latest_catalog() is None

    file = tmp_path / "catalog.json"
    file.write_text(json.dumps(CATALOG, ensure_ascii=False), encoding="utf-8")
    db_url = live.db_url
    code, out, _ = run(capsys, "catalog", "publish", "--db", db_url, str(file), "--json")
    assert code == 0 and json.loads(out) == {"version": "2026.11.1", "published": True}
    code, out, _ = run(capsys, "catalog", "publish", "--db", db_url, str(file))
    assert code == 0 and "unchanged" in out

    first = httpx.get(url, headers=auth)
    assert first.status_code == 200 and first.headers["etag"] == '"2026.11.1"'
    assert first.json() == {"version": "2026.11.1", "catalog": CATALOG}
    again = httpx.get(url, headers={**auth, "If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.headers["etag"] == '"2026.11.1"'
    admin = httpx.get(url, headers={"Authorization": f"Bearer {live.admin}"})
    assert admin.status_code == 200
    assert httpx.get(url).status_code == 401

    newer = copy.deepcopy(CATALOG)
    newer["version"] = "2026.12.1"
    newer["items"][0]["name_zh"] = "企业职工基本养老保险参保登记"
    assert publish_catalog(live.engine, newer) == ("2026.12.1", True)
    with CenterClient(live.base_url, TOWNSHIP, live.tokens[TOWNSHIP]) as client:
        assert client.latest_catalog("2026.12.1") is None
        pulled = client.latest_catalog("2026.11.1")
    assert pulled == {"version": "2026.12.1", "catalog": newer}
    stale = httpx.get(url, headers={**auth, "If-None-Match": '"2026.11.1"'})
    assert stale.status_code == 200 and stale.json()["version"] == "2026.12.1"


def test_a_version_is_immutable_and_checked(live: LiveCenter) -> None:
    assert publish_catalog(live.engine, CATALOG) == ("2026.11.1", True)
    changed = copy.deepcopy(CATALOG)
    changed["items"] = changed["items"][:1]
    with pytest.raises(CenterError) as caught:
        publish_catalog(live.engine, changed)
    assert caught.value.status == 409
    broken = copy.deepcopy(CATALOG)
    broken["version"] = "2026.11.2"
    broken["items"][1]["category"] = "NOPE"
    with pytest.raises(CenterError, match="unknown category"):
        publish_catalog(live.engine, broken)
    strict = copy.deepcopy(CATALOG)
    strict["version"] = "2026.11.3"
    strict["items"][0]["materials"][0]["form"] = "photocopy"
    with pytest.raises(CenterError, match="halls would refuse") as caught:
        publish_catalog(live.engine, strict)
    assert "大厅无法应用" in caught.value.detail_zh
    for missing in ("format", "version", "categories", "items"):
        doc = {k: v for k, v in CATALOG.items() if k != missing}
        with pytest.raises(CenterError) as caught:
            publish_catalog(live.engine, doc)
        assert caught.value.status == 422 and caught.value.detail_zh.startswith("目录文件不合法")
