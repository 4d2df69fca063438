"""Tickets, ratings, consultations and appointments: the citizen-facing writes."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request, Response

from kiosk.domain import RatingChannel
from kiosk.engine.auth import Principal
from kiosk.errors import Forbidden
from kiosk.server.deps import allow, hall_of
from kiosk.server.schemas import (
    AppointmentIn,
    ConsultationIn,
    PrintFailedIn,
    RatingIn,
    TicketIn,
)

router = APIRouter(prefix="/api/v1")
ISSUERS = allow("kiosk", "helpdesk", "supervisor", "admin")
RATERS = allow("rating_pad", "kiosk", "citizen")
STAFF = allow("supervisor", "admin")


@router.post("/tickets", status_code=201)
def issue_ticket(
    body: TicketIn, request: Request, response: Response, who: Principal = Depends(ISSUERS)
) -> dict[str, Any]:
    """Issued tickets are committed durably before this returns: only then may a kiosk print."""
    ticket, created = hall_of(request).issue_ticket(
        category=body.category,
        item=body.item,
        priority=body.priority,
        appointment_code=body.appointment_code,
        request_id=body.request_id,
        actor=who.actor,
    )
    if not created:
        response.status_code = 200
    return ticket


@router.get("/tickets/{ref}")
def get_ticket(ref: str, request: Request) -> dict[str, Any]:
    return hall_of(request).ticket(ref)


@router.post("/tickets/{ref}/requeue")
def requeue(ref: str, request: Request, who: Principal = Depends(ISSUERS)) -> dict[str, Any]:
    return hall_of(request).requeue(ref, who.actor)


@router.post("/tickets/{ref}/print-failed", status_code=201)
def print_failed(
    ref: str, body: PrintFailedIn, request: Request, who: Principal = Depends(ISSUERS)
) -> dict[str, Any]:
    """The ticket stays valid; staff get an alert to fix the printer."""
    hall = hall_of(request)
    ticket = hall.ticket(ref)
    with hall._tx() as tx:
        tx.emit(
            "print.failed",
            {"ticket_id": ticket["id"], "number": ticket["number"], "device": who.name,
             "error": body.error},
            who.actor,
        )
    return {"ticket_id": ticket["id"], "alerted": True}


@router.post("/ratings", status_code=201)
def rate(body: RatingIn, request: Request, who: Principal = Depends(RATERS)) -> dict[str, Any]:
    if who.kind == "ticket" and (who.name != body.ticket_id or body.channel != "phone"):
        raise Forbidden("只能评价本人的号码", "a status link may rate only its own ticket")
    if who.kind == "device" and body.channel == RatingChannel.DEFAULT:
        raise Forbidden("设备不能提交默认评价", "default ratings are made by the server")
    return hall_of(request).rate(
        body.ticket_id, body.level, body.channel, who.actor, body.tags, body.comment
    )


@router.post("/consultations", status_code=201)
def consult(
    body: ConsultationIn, request: Request, who: Principal = Depends(allow("kiosk"))
) -> dict[str, Any]:
    return hall_of(request).create_consultation(
        body.topic, body.question, body.phone, source="kiosk", actor=who.actor
    )


@router.post("/appointments", status_code=201)
def book(body: AppointmentIn, request: Request, who: Principal = Depends(STAFF)) -> dict[str, Any]:
    return hall_of(request).book_appointment(body.category, body.slot_start, body.item, who.actor)
