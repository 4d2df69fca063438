"""The clerk's side: sessions and every action at a window."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request, Response

from kiosk.engine.auth import Principal
from kiosk.server.deps import CLERK_ROLES, allow, at_window, hall_of
from kiosk.server.schemas import CallIn, FinishIn, PauseIn, SessionIn, TransferIn

router = APIRouter(prefix="/api/v1")
CLERK = allow(*CLERK_ROLES)


@router.post("/sessions", status_code=201)
def login(body: SessionIn, request: Request) -> dict[str, Any]:
    return hall_of(request).login(body.employee_no, body.pin, body.window)


@router.delete("/sessions/current", status_code=204)
def logout(request: Request, who: Principal = Depends(CLERK)) -> Response:
    hall_of(request).logout(who, request.state.token)
    return Response(status_code=204)


@router.get("/sessions/current")
def whoami(request: Request, who: Principal = Depends(CLERK)) -> dict[str, Any]:
    return {"employee_no": who.name, "role": who.role, "window": who.window_no}


@router.post("/windows/{no}/call-next", response_model=None)
def call_next(no: int, request: Request, who: Principal = Depends(CLERK)) -> Any:
    at_window(request, who, no)
    ticket = hall_of(request).call_next(no, who.actor)
    return Response(status_code=204) if ticket is None else {"ticket": ticket}


@router.post("/windows/{no}/call")
def call(no: int, body: CallIn, request: Request, who: Principal = Depends(CLERK)) -> Any:
    at_window(request, who, no)
    return {"ticket": hall_of(request).call_number(no, body.number, who.actor)}


@router.post("/windows/{no}/recall")
def recall(no: int, request: Request, who: Principal = Depends(CLERK)) -> Any:
    at_window(request, who, no)
    return {"ticket": hall_of(request).recall(no, who.actor)}


@router.post("/windows/{no}/no-show")
def no_show(no: int, request: Request, who: Principal = Depends(CLERK)) -> Any:
    at_window(request, who, no)
    return {"ticket": hall_of(request).no_show(no, who.actor)}


@router.post("/windows/{no}/start")
def start(no: int, request: Request, who: Principal = Depends(CLERK)) -> Any:
    at_window(request, who, no)
    return {"ticket": hall_of(request).start(no, who.actor)}


@router.post("/windows/{no}/finish")
def finish(no: int, body: FinishIn, request: Request, who: Principal = Depends(CLERK)) -> Any:
    at_window(request, who, no)
    ticket = hall_of(request).finish(
        no, body.outcome, who.actor, body.missing_materials, body.note, body.reason
    )
    return {"ticket": ticket}


@router.post("/windows/{no}/transfer")
def transfer(no: int, body: TransferIn, request: Request, who: Principal = Depends(CLERK)) -> Any:
    at_window(request, who, no)
    ticket = hall_of(request).transfer(
        no, who.actor, to_category=body.to_category, to_window=body.to_window, note=body.note
    )
    return {"ticket": ticket}


@router.post("/windows/{no}/pause")
def pause(no: int, body: PauseIn, request: Request, who: Principal = Depends(CLERK)) -> Any:
    at_window(request, who, no)
    return hall_of(request).pause(no, body.reason, who.actor, body.note)


@router.post("/windows/{no}/resume")
def resume(no: int, request: Request, who: Principal = Depends(CLERK)) -> Any:
    at_window(request, who, no)
    return hall_of(request).resume(no, who.actor)
