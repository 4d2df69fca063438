"""The phone page must be reachable from a phone: a hall configures the public base URL phones
open (its Wi-Fi address or a reverse proxy's HTTPS name), and every status link handed out (the
QR on the ticket, the printed slip) is under it, not under the kiosk's own --server address.
A bad URL is refused: 422 from the server, one line from the command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from kiosk.catalog.hall_config import HallConfig, load_hall_config
from kiosk.catalog.model import CatalogError
from kiosk.engine.hall import Hall
from tests.helpers.hallfactory import config_dict, make_hall
from tests.helpers.server import running

PUBLIC = "https://dating.example.cn/queue"
BAD = ["ftp://dating.example.cn", "dating.example.cn", "https://", "https://a b.cn",
       "https://x.cn/?q=1", "https://user:pw@x.cn", "http://x.cn#top"]  # fmt: skip


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, timeout=60
    )


def one_line_refusal(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "错误" in done.stderr and "error" in done.stderr


def test_status_links_are_under_the_configured_public_url(tmp_path: Path) -> None:
    hall = make_hall(tmp_path / "hall.db", public_url=PUBLIC + "/")
    with running(hall) as live, live.client(live.tokens["kiosk"]) as kiosk_client:
        ticket = kiosk_client.post("/api/v1/tickets", json={"category": "SB"}).json()
        assert ticket["status_url"].startswith(PUBLIC + "/t/"), ticket["status_url"]
        token = ticket["status_url"].removeprefix(PUBLIC)
        # the proxy forwards PUBLIC/... to the server's own root: the same path opens the page
        page = httpx.get(live.url + token)
        assert page.status_code == 200 and ticket["number"] in page.text
        again = kiosk_client.get(f"/api/v1/tickets/{ticket['id']}").json()
        assert again["status_url"] == ticket["status_url"]


@pytest.mark.parametrize("url", BAD)
def test_a_bad_public_url_in_the_hall_config_does_not_load(url: str) -> None:
    good = HallConfig.model_validate(config_dict(public_url=f" {PUBLIC}/ "))
    assert good.public_url == PUBLIC  # trimmed, without its trailing slash
    with pytest.raises(ValueError, match="public_url") as refused:
        HallConfig.model_validate(config_dict(public_url=url))
    assert "http" in str(refused.value) or "URL" in str(refused.value)


def test_init_refuses_a_bad_public_url_in_one_line(tmp_path: Path) -> None:
    config = tmp_path / "hall.json"
    config.write_text(json.dumps(config_dict(public_url="kiosk-1:8765")), encoding="utf-8")
    done = kiosk("init", "--data", str(tmp_path / "data"), "--config", str(config))
    one_line_refusal(done)
    assert "public_url" in done.stderr
    with pytest.raises(CatalogError):
        load_hall_config(config)
    config.write_text(json.dumps(config_dict(public_url=PUBLIC)), encoding="utf-8")
    assert load_hall_config(config).public_url == PUBLIC


def test_public_url_set_while_serving_422_on_a_bad_one(tmp_path: Path) -> None:
    hall = make_hall(tmp_path / "hall.db")
    with running(hall) as live, live.client(live.tokens["kiosk"]) as issuer:
        live.app.state.local_admin_token = admin_token = "local-admin-for-this-test"
        admin = live.client(admin_token)
        before = issuer.post("/api/v1/tickets", json={"category": "SB"}).json()["status_url"]
        assert before.startswith("/t/")  # nothing configured: relative, as before
        for url in BAD:
            r = admin.post("/api/v1/admin/public-url", json={"url": url})
            assert r.status_code == 422, (url, r.text)
            assert r.headers["content-type"].startswith("application/problem+json")
            assert r.json()["detail"] and r.json()["detail_zh"]
        assert admin.post("/api/v1/admin/public-url", json={"url": PUBLIC}).status_code == 200
        after = issuer.post("/api/v1/tickets", json={"category": "SB"}).json()["status_url"]
        assert after.startswith(PUBLIC + "/t/"), after
        assert admin.post("/api/v1/admin/public-url", json={"url": None}).status_code == 200
        cleared = issuer.post("/api/v1/tickets", json={"category": "SB"}).json()["status_url"]
        assert cleared.startswith("/t/")
        admin.close()
    hall.close()

    # the command, with no server running: it writes the store itself, and the setting stays
    data = str(tmp_path)
    one_line_refusal(kiosk("hall", "public-url", "https://x.cn/?a=1", "--data", data))
    done = kiosk("hall", "public-url", PUBLIC, "--data", data)
    assert done.returncode == 0, done.stderr
    hall = Hall(tmp_path / "hall.db")
    try:
        assert hall.config.public_url == PUBLIC
    finally:
        hall.close()
