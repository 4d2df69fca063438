"""The hall server under a property-based fuzzer of its OpenAPI schema, as every kind of caller.

No generated request, valid or not, may get a 5xx, and every refusal is a problem document.
The run is bounded (examples per operation) and derandomized, so CI repeats it exactly. The
server is a real `kiosk serve` process, so it runs on the other core while this one generates.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kiosk.domain import Role
from kiosk.store.db import store_path
from tests.helpers.fuzz import Callers, fuzz_api
from tests.helpers.hallfactory import make_hall
from tests.helpers.server import LiveHall, add_devices, free_port, server_process

EXAMPLES = 3
NEGATIVE_EXAMPLES = 1
SIGN_INS = {
    "clerk": ("1001", "1234", 1),
    "helpdesk": ("8001", "8888", None),
    "supervisor": ("9001", "9999", None),
    "admin": ("7001", "7777", None),
}


class HallCallers(Callers):
    """No token, a forged one, each device role, staff signed in, and a citizen's status link."""

    def __init__(self, live: LiveHall) -> None:
        self.live = live
        self.current: dict[str, str | None] = {
            "none": None,
            "garbage": "forged-token.0123456789abcdef",
            "kiosk": live.tokens["kiosk"],
            "display": live.tokens["display"],
            "rating_pad": live.tokens["pad"],
            "center_sync": live.tokens["sync"],
        }
        for name in [*SIGN_INS, "citizen"]:
            self.renew(name)
        assert len(self.current) == 11, f"not every caller could sign in: {list(self.current)}"

    def tokens(self) -> dict[str, str | None]:
        return dict(self.current)

    def renew(self, name: str) -> None:
        """A fresh token when the hall lets us have one (after a day close, say, it may not:
        then the old one stays, and its requests are simply refused)."""
        url = self.live.url + "/api/v1"
        if name in SIGN_INS:
            employee_no, pin, window = SIGN_INS[name]
            body = {"employee_no": employee_no, "pin": pin, "window": window}
            r = httpx.post(f"{url}/sessions", json=body)
            if r.status_code == 201:
                self.current[name] = r.json()["token"]
        elif name == "citizen":
            kiosk = {"Authorization": f"Bearer {self.live.tokens['kiosk']}"}
            r = httpx.post(f"{url}/tickets", json={"category": "SB"}, headers=kiosk)
            if r.status_code in (200, 201):
                self.current[name] = r.json()["status_url"].rsplit("/", 1)[1]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[LiveHall, Path]]:
    """The test hall (with devices and an admin) served by `kiosk serve`, and its log."""
    hall = make_hall(store_path(tmp_path))
    tokens = add_devices(hall)
    hall.add_clerk("7001", "管理员", "7777", Role.ADMIN)
    hall.close()
    port, log = free_port(), tmp_path / "server.log"
    with server_process(tmp_path, port, log=log):
        yield LiveHall(f"http://127.0.0.1:{port}", hall, tokens), log


@pytest.mark.slow
@pytest.mark.timeout(900)  # every operation of the API, some 4,000 requests, on a shared machine
def test_no_generated_request_gets_a_5xx_or_a_bare_error(served) -> None:
    live, log = served
    figures = fuzz_api(
        live.url,
        HallCallers(live),
        examples=EXAMPLES,
        negative_examples=NEGATIVE_EXAMPLES,
        pages=("/t/{token}",),
    )
    print(figures.summary())
    assert figures.operations >= 50 and figures.requests > 3000
    assert not figures.findings, figures.summary()
    assert "Traceback" not in log.read_text(errors="replace")
