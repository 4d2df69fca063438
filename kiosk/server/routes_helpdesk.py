"""The help desk over HTTP: presence, the consultation list, 首问负责 steps, and the figures.

Every question arrives at POST /consultations (routes_tickets), which derives its source from
who is calling: the kiosk, the phone page, a window clerk's referral or a walk-up at the desk.
Writes go through `write` (writer thread, group
commit, Idempotency-Key); a step on someone else's question answers 409.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import Field, StringConstraints

from kiosk.engine.auth import Principal
from kiosk.engine.helpdesk.figures import helpdesk_figures
from kiosk.errors import Invalid
from kiosk.server.deps import guard, hall_of, reply, write
from kiosk.server.schemas import Body, Code, EmployeeNo, Text

router = APIRouter(prefix="/api/v1", dependencies=[Depends(guard)])
Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Items = Annotated[list[Code], Field(max_length=20)]


class PresenceIn(Body):
    status: Literal["on_duty", "away"]


class HandoverIn(Body):
    note: Note
    to: EmployeeNo | None = None


class AnswerIn(Body):
    answer: Text
    items: Items = Field(default_factory=list)


class ResolveIn(Body):
    answer: Text | None = None
    items: Items | None = None


class ConvertIn(Body):
    category: Code | None = None
    item: Code | None = None
    note: Text | None = None


def _day(day: str | None) -> date | None:
    if day is None:
        return None
    try:
        return date.fromisoformat(day)
    except ValueError:
        raise Invalid("日期格式应为YYYY-MM-DD", "day must be YYYY-MM-DD") from None


@router.get("/helpdesk/status")
def status(request: Request) -> dict[str, Any]:
    """Anyone (the kiosk shows it): is someone at the help desk now?"""
    return hall_of(request).helpdesk_status()


@router.post("/helpdesk/presence")
async def presence(body: PresenceIn, request: Request, who: Principal = Depends(guard)) -> Response:
    hall = hall_of(request)
    return reply(await write(request, hall.set_presence, body.status, who.actor))


@router.get("/helpdesk/consultations")
def consultations(
    request: Request,
    day: str | None = Query(None, max_length=10),
    status: str | None = Query(None, max_length=16),
    who: Principal = Depends(guard),
) -> Response:
    return reply(hall_of(request).consultations(_day(day), status))


@router.get("/helpdesk/figures")
def figures(
    request: Request, day: str | None = Query(None, max_length=10), who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    return reply(helpdesk_figures(hall, _day(day) or hall.today()))


@router.get("/consultations/{ref}")
def consultation(ref: str, request: Request, who: Principal = Depends(guard)) -> Response:
    return reply(hall_of(request).consultation(ref))


@router.post("/consultations/{ref}/phone")
async def phone(ref: str, request: Request, who: Principal = Depends(guard)) -> Response:
    """The full call-back number, for the question's owner only (each reveal is logged)."""
    return reply(await write(request, hall_of(request).reveal_phone, ref, who.actor))


@router.post("/consultations/{ref}/claim")
async def claim(ref: str, request: Request, who: Principal = Depends(guard)) -> Response:
    return reply(await write(request, hall_of(request).claim, ref, who.actor))


@router.post("/consultations/{ref}/handover")
async def handover(
    ref: str, body: HandoverIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    return reply(await write(request, hall.hand_over, ref, who.actor, body.note, body.to))


@router.post("/consultations/{ref}/answer")
async def answer(
    ref: str, body: AnswerIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    return reply(await write(request, hall.answer, ref, who.actor, body.answer, body.items))


@router.post("/consultations/{ref}/resolve")
async def resolve(
    ref: str, body: ResolveIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    return reply(await write(request, hall.resolve, ref, who.actor, body.answer, body.items))


@router.post("/consultations/{ref}/convert")
async def convert(
    ref: str, body: ConvertIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    result = await write(request, hall.convert, ref, who.actor, body.category, body.item, body.note)
    return reply(result)


@router.post("/consultations/{ref}/refer")
async def refer(
    ref: str, body: HandoverIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    return reply(await write(request, hall.refer, ref, who.actor, body.note, body.to))


@router.post("/consultations/{ref}/faq", status_code=201)
async def make_faq(ref: str, request: Request, who: Principal = Depends(guard)) -> Response:
    """ "Make this an FAQ": the answer becomes a draft FAQ (publish it from the knowledge base)."""
    return reply(await write(request, hall_of(request).make_faq, ref, who.actor), 201)
