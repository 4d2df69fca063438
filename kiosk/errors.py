"""Errors the core raises, each with a Chinese message for the screen and an English one.

The server turns them into application/problem+json; the front ends show `message_zh`.
"""

from __future__ import annotations

from typing import Any


class HallError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message_zh: str, message_en: str, **extra: Any) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en
        self.extra = extra


class Invalid(HallError):
    status = 422
    code = "invalid"


class NotFound(HallError):
    status = 404
    code = "not_found"


class Conflict(HallError):
    status = 409
    code = "conflict"


class Gone(HallError):
    """Existed, and is over for good (an expired status link)."""

    status = 410
    code = "gone"


class Unauthorized(HallError):
    status = 401
    code = "unauthorized"


class Forbidden(HallError):
    status = 403
    code = "forbidden"


class NotAllowed(Forbidden):
    """Refused by the access table (role or window), before any handler ran."""

    code = "not_allowed"


class TooManyAttempts(HallError):
    status = 429
    code = "too_many_attempts"


class StorageError(HallError):
    """The store could not do its part (a full disk, an I/O error, a damaged file): nothing of
    the request was saved, and trying again later may work (503 with Retry-After)."""

    status = 503
    code = "storage_failure"


def one_line(zh: str, en: str) -> str:
    """How every `kiosk` command reports a failure: one line, Chinese first, then English."""
    return f"错误：{zh} | error: {en}"
