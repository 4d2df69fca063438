"""A small client for the hall side of sync: push events, resume from the ack, pull the catalog.

It does no retrying or scheduling on purpose; the hall's sync loop owns that. Errors come in two
kinds: `httpx.TransportError` (the center is unreachable; retry later) and `CenterSyncError`
(the center answered with a problem; `retryable` tells a 5xx/429 from a refusal to fix).
"""

from __future__ import annotations

import gzip
import json
from typing import Any

import httpx


class CenterSyncError(Exception):
    """The center's problem+json answer: status, title, detail and detail_zh."""

    def __init__(self, status: int, problem: dict[str, Any]) -> None:
        self.status = status
        self.title = str(problem.get("title", ""))
        self.detail = str(problem.get("detail", ""))
        self.detail_zh = str(problem.get("detail_zh", ""))
        super().__init__(f"{status} {self.title}: {self.detail}")

    @property
    def retryable(self) -> bool:
        return self.status >= 500 or self.status == 429


class CenterClient:
    """One hall's connection to the center (`base_url` like `http://center:8800`)."""

    def __init__(
        self,
        base_url: str,
        hall_code: str,
        token: str,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.hall_code = hall_code
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={"Authorization": f"Bearer {token}"},
            timeout=timeout,
            transport=transport,
        )

    def __enter__(self) -> CenterClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def _check(self, response: httpx.Response) -> httpx.Response:
        if response.status_code >= 400:
            try:
                problem = response.json()
            except ValueError:
                problem = {"title": response.reason_phrase, "detail": response.text[:200]}
            raise CenterSyncError(
                response.status_code, problem if isinstance(problem, dict) else {}
            )
        return response

    def push(
        self,
        events: list[dict[str, Any]],
        last_seq: int | None = None,
        catalog_version: str | None = None,
    ) -> int:
        """Send one batch (gzip); returns the center's acked_seq (resend everything after it).

        `last_seq` is the hall's newest seq (the center shows the difference as lag); it
        defaults to the batch's highest. An empty batch is a heartbeat.
        """
        doc = {"events": events}
        body = gzip.compress(
            json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6
        )
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        if last_seq is None and events:
            last_seq = max(int(e["seq"]) for e in events)
        if last_seq is not None:
            headers["X-Hall-Last-Seq"] = str(last_seq)
        if catalog_version:
            headers["X-Catalog-Version"] = catalog_version
        url = f"/api/v1/halls/{self.hall_code}/events"
        response = self._check(self._http.post(url, content=body, headers=headers))
        return int(response.json()["acked_seq"])

    def acked(self) -> int:
        """The highest contiguous seq the center holds: where to resume after a restart."""
        response = self._check(self._http.get(f"/api/v1/halls/{self.hall_code}/ack"))
        return int(response.json()["acked_seq"])

    def events_after(self, after_seq: int, limit: int = 1000) -> tuple[list[dict[str, Any]], int]:
        """This hall's own acknowledged events after `after_seq` (one page), and the ack."""
        response = self._check(
            self._http.get(
                f"/api/v1/halls/{self.hall_code}/events",
                params={"after_seq": after_seq, "limit": limit},
            )
        )
        body = response.json()
        return list(body["events"]), int(body["acked_seq"])

    def latest_catalog(self, known_version: str | None = None) -> dict[str, Any] | None:
        """`{"version", "catalog"}` if the center has a newer one than known_version, else None."""
        headers = {"If-None-Match": f'"{known_version}"'} if known_version else {}
        response = self._http.get("/api/v1/catalog/latest", headers=headers)
        if response.status_code in (304, 404):
            return None
        return dict(self._check(response).json())
