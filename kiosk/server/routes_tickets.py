"""Tickets, ratings, consultations and appointments: the citizen-facing writes."""

from __future__ import annotations

import re

from fastapi import APIRouter, Depends, Request, Response

from kiosk.domain import RatingChannel
from kiosk.engine.auth import Principal
from kiosk.engine.phone import ticket_expired
from kiosk.errors import Forbidden, Gone, Unauthorized
from kiosk.server.deps import guard, hall_of, reply, write
from kiosk.server.links import for_caller
from kiosk.server.schemas import (
    AppointmentIn,
    ConsultationIn,
    PrintFailedIn,
    RatingIn,
    TicketIn,
)

router = APIRouter(prefix="/api/v1", dependencies=[Depends(guard)])
ULID_SHAPE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{26}$")


@router.post("/tickets", status_code=201)
async def issue_ticket(
    body: TicketIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    """Issued tickets are committed durably before this returns: only then may a kiosk print.
    The same request_id again answers 200 with the ticket first issued for it; so does an ID
    number whose holder already has the day's open ticket in the category, with
    `already_issued: true` (the kiosk shows that ticket again, docs/issuing.md)."""
    hall = hall_of(request)
    ticket, created = await write(
        request,
        hall.issue_ticket,
        category=body.category,
        item=body.item,
        priority=body.priority,
        appointment_code=body.appointment_code,
        request_id=body.request_id,
        actor=who.actor,
        id_number=body.id_number,
    )
    return reply(ticket, 201 if created else 200)


@router.get("/tickets/{ref}")
def get_ticket(ref: str, request: Request, who: Principal = Depends(guard)) -> Response:
    """Anyone holding a ticket's id may read its status until its link expires; a ticket
    number (read off the board by anyone) needs a device or staff token. The secret status
    link itself goes only to those who issue tickets and to the link's own holder (links.py)."""
    hall = hall_of(request)
    trusted = who.kind in ("device", "clerk")
    if not trusted and not ULID_SHAPE.match(ref):
        raise Unauthorized("请凭号码查询链接查看", "looking up a ticket by number needs a token")
    ticket = hall.ticket(ref)
    if not trusted and ticket_expired(hall, ticket["service_day"]):
        raise Gone("该号码的查询链接已过期", "this ticket's status link has expired")
    return reply(for_caller(ticket, who))


@router.post("/tickets/{ref}/requeue")
async def requeue(ref: str, request: Request, who: Principal = Depends(guard)) -> Response:
    return reply(await write(request, hall_of(request).requeue, ref, who.actor))


@router.post("/tickets/{ref}/print-failed", status_code=201)
async def print_failed(
    ref: str, body: PrintFailedIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    """The ticket stays valid; staff get an alert to fix the printer."""
    hall = hall_of(request)
    return reply(
        await write(request, hall.report_print_failure, ref, who.name, body.error, who.actor),
        201,
    )


def rating_proof(who: Principal, body: RatingIn) -> int | None:
    """Each channel only with its proof: `pad` from a rating pad (its window goes to the engine,
    which checks the service), `phone` from this ticket's own status link; `kiosk` and
    `default` never over the API (the server makes default ratings itself). Returns the window
    the pad is registered to, for a pad rating."""
    channel = RatingChannel(body.channel)
    if channel == RatingChannel.PAD and who.role == "rating_pad":
        return who.window_no
    if channel == RatingChannel.PHONE and who.kind == "ticket":
        if who.name != body.ticket_id:
            raise Forbidden("只能评价本人的号码", "a status link may rate only its own ticket")
        return None
    if channel == RatingChannel.DEFAULT:
        raise Forbidden("默认评价由系统生成", "default ratings are made by the server")
    raise Forbidden(
        "请在窗口评价器或通过号码上的二维码评价",
        f"channel {channel.value} needs its proof: 'pad' from the window's rating pad, "
        "'phone' from the ticket's own status link",
    )


@router.post("/ratings", status_code=201)
async def rate(body: RatingIn, request: Request, who: Principal = Depends(guard)) -> Response:
    pad_window = rating_proof(who, body)
    hall = hall_of(request)
    result = await write(
        request,
        hall.rate,
        body.ticket_id,
        body.level,
        body.channel,
        who.actor,
        body.tags,
        body.comment,
        pad_window=pad_window,
    )
    return reply(result, 201)


def question_source(who: Principal) -> str:
    """Where a question came from, by who sent it: it decides how the desk follows it up."""
    if who.kind == "device":
        return "kiosk"
    if who.kind == "ticket":
        return "phone"
    if who.role == "helpdesk" or (who.role in ("supervisor", "admin") and who.window_no is None):
        return "desk"
    return "window"  # a clerk referring the citizen in front of them


@router.post("/consultations", status_code=201)
async def consult(
    body: ConsultationIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    result = await write(
        request,
        hall.create_consultation,
        body.topic,
        body.question,
        body.phone,
        source=question_source(who),
        actor=who.actor,
        from_ticket=who.name if who.kind == "ticket" else None,
    )
    if result.get("ticket") and who.kind != "ticket":  # a phone shows the ticket it became
        result = {**result, "ticket": for_caller(result["ticket"], who)}
    return reply(result, 201)


@router.post("/appointments", status_code=201)
async def book(body: AppointmentIn, request: Request, who: Principal = Depends(guard)) -> Response:
    hall = hall_of(request)
    result = await write(
        request,
        hall.book_appointment,
        body.category,
        body.slot_start,
        body.item,
        who.actor,
        id_number=body.id_number,
    )
    return reply(result, 201)
