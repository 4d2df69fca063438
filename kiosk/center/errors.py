"""One error type for the center, carrying both languages, so the API and the CLI say the same.

The API turns it into application/problem+json (RFC 9457) with an extra `detail_zh`; the CLI
prints both details. Core modules raise it without knowing about HTTP frameworks.
"""

from __future__ import annotations

from typing import Any


class CenterError(Exception):
    """A refusal the caller can act on: status is the HTTP status it maps to."""

    def __init__(self, status: int, title: str, detail: str, detail_zh: str) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.detail_zh = detail_zh

    def problem(self) -> dict[str, Any]:
        """The problem+json body."""
        return {
            "type": "about:blank",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "detail_zh": self.detail_zh,
        }


def invalid(detail: str, detail_zh: str) -> CenterError:
    """422: the request was understood but its content breaks a rule."""
    return CenterError(422, "Invalid request", detail, detail_zh)


def conflict(detail: str, detail_zh: str) -> CenterError:
    """409: the request contradicts what the center already holds."""
    return CenterError(409, "Conflict", detail, detail_zh)
