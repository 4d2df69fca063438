"""Request bodies. Unknown fields, wrong types, oversized strings and integers out of range are
refused (422) before any code of ours runs; the limits shared with the center come from
kiosk/limits.py, so nothing accepted here can later be refused by the center."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from kiosk import limits
from kiosk.domain import Outcome, PauseReason, Priority, RatingChannel, RatingTag

Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
Text = Annotated[str, StringConstraints(max_length=2000)]
Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)]
EmployeeNo = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=limits.EMPLOYEE_NO_MAX)
]
IdNumber = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
WindowNo = Annotated[int, Path(ge=limits.WINDOW_NO_MIN, le=limits.WINDOW_NO_MAX)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SessionIn(Body):
    employee_no: EmployeeNo
    pin: Annotated[str, StringConstraints(min_length=1, max_length=16)]
    window: int | None = Field(default=None, ge=limits.WINDOW_NO_MIN, le=limits.WINDOW_NO_MAX)


class TicketIn(Body):
    category: Code | None = None
    item: Code | None = None
    priority: Priority = Priority.NORMAL
    appointment_code: Code | None = None
    request_id: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    # a real-name ticket: read from the card or typed; checked, then kept only as a keyed hash
    id_number: IdNumber | None = None


class QuotaIn(Body):
    """Today's quota for a category: the day's, or the morning's and the afternoon's."""

    daily: int | None = Field(default=None, ge=0, le=100_000)
    morning: int | None = Field(default=None, ge=0, le=100_000)
    afternoon: int | None = Field(default=None, ge=0, le=100_000)


class CallIn(Body):
    number: Code


class FinishIn(Body):
    outcome: Outcome
    missing_materials: list[Annotated[str, StringConstraints(max_length=200)]] = Field(
        default_factory=list, max_length=50
    )
    note: Text | None = None
    reason: Text | None = None


class TransferIn(Body):
    to_category: Code | None = None
    to_window: int | None = Field(default=None, ge=limits.WINDOW_NO_MIN, le=limits.WINDOW_NO_MAX)
    note: Text | None = None


class PauseIn(Body):
    reason: PauseReason
    note: Text | None = None
    # when the clerk expects to be back: "HH:MM" today, or an ISO time (shown on the board)
    expected_back: Annotated[str, StringConstraints(max_length=40)] | None = None


class RatingIn(Body):
    ticket_id: Code
    level: int = Field(ge=1, le=5)
    tags: list[RatingTag] = Field(default_factory=list, max_length=6)
    comment: Text | None = None
    channel: RatingChannel


class ConsultationIn(Body):
    topic: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    question: Text | None = None
    phone: Annotated[str, StringConstraints(max_length=20)] | None = None


class AppointmentIn(Body):
    category: Code
    item: Code | None = None
    slot_start: Annotated[str, StringConstraints(max_length=40)]
    id_number: IdNumber | None = None


class PrintFailedIn(Body):
    error: Annotated[str, StringConstraints(max_length=500)]
