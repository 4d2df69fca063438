"""The center under a property-based fuzzer of its OpenAPI schema, on SQLite and PostgreSQL.

Callers: no token, a garbage token, a hall's token, an admin token and a district office's
token; the hall's own code is also pinned into the path so generated batches get past the token
check into ingest, where PostgreSQL (unlike SQLite) refuses values wider than their columns.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from kiosk.center.office_users import create_office_user
from tests.helpers.center_fixture import DISTRICT
from tests.helpers.fuzz import Callers, fuzz_api
from tests.helpers.live_server import LiveCenter

EXAMPLES = 6
NEGATIVE_EXAMPLES = 3


class CenterCallers(Callers):
    def __init__(self, live: LiveCenter) -> None:
        self.current: dict[str, str | None] = {
            "none": None,
            "garbage": "kh-forged-0123456789",
            "hall": live.tokens[DISTRICT],
            "admin": live.admin,
            "district office": create_office_user(live.engine, "fuzz", DISTRICT),
        }

    def tokens(self) -> dict[str, str | None]:
        return dict(self.current)


def own_hall_in_every_other_batch() -> Callable[[Any], None]:
    """Every other generated batch gets the caller's hall and a wire-form time in its events
    (and whole-number seqs as integers), so its other fields, as generated, reach the
    database; the rest are sent as generated."""
    seen = itertools.count()

    def prepare(case: Any) -> None:
        body = case.body
        if not isinstance(body, dict) or not isinstance(body.get("events"), list):
            return
        if next(seen) % 2 == 0:
            for event in body["events"]:
                if isinstance(event, dict):
                    event.update(hall=DISTRICT, ts="2026-11-26T01:00:00.000Z")
                    if isinstance(event.get("seq"), float) and event["seq"].is_integer():
                        event["seq"] = int(event["seq"])

    return prepare


@pytest.mark.slow
def test_no_generated_request_gets_a_5xx_or_a_bare_error(live: LiveCenter) -> None:
    figures = fuzz_api(
        live.base_url,
        CenterCallers(live),
        examples=EXAMPLES,
        negative_examples=NEGATIVE_EXAMPLES,
        pinned={"code": DISTRICT},
        prepare=own_hall_in_every_other_batch(),
    )
    print(figures.summary())
    spec = httpx.get(f"{live.base_url}/openapi.json").json()
    every = sum(len(item) for item in spec["paths"].values())
    assert figures.operations == every and figures.requests > 500
    assert not figures.findings, figures.summary()
