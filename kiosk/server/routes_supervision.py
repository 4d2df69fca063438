"""The supervisor's seat over HTTP (docs/supervision-api.md): bad-rating cases and their steps,
alerts and their acknowledgement, remote control of windows, and the hall at a glance.

Every route here is for supervisors and admins (the access table); the engine enforces the
order of a case's steps and who may confirm an exclusion. Writes go through `write` (the hall's
writer thread, Idempotency-Key), so a console's outbox may resend a step safely.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import Field, StringConstraints

from kiosk import limits
from kiosk.domain import PauseReason
from kiosk.engine.auth import Principal
from kiosk.errors import Invalid
from kiosk.server.deps import guard, hall_of, reply, window_param, write
from kiosk.server.schemas import Body, Code, EmployeeNo, Text, WindowNo

router = APIRouter(prefix="/api/v1/supervision", dependencies=[Depends(guard)])
Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
TimeText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=40)]
CaseId = Annotated[str, StringConstraints(min_length=1, max_length=32)]


class AssignIn(Body):
    assignee: EmployeeNo
    note: Text | None = None


class CallBackIn(Body):
    reached: bool
    note: Note


class VerifyIn(Body):
    verdict: Literal["valid", "mistaken", "malicious", "not_this_hall"]
    reason: Text | None = None


class ConfirmIn(Body):
    approve: bool
    note: Text | None = None


class NoteIn(Body):
    note: Note


class RevisitIn(Body):
    satisfied: bool | None = None
    note: Note


class CloseIn(Body):
    note: Text | None = None


class AcknowledgeIn(Body):
    note: Note


class RemotePauseIn(Body):
    reason: PauseReason
    note: Text | None = None
    expected_back: TimeText | None = None


class SignOutIn(Body):
    note: Text | None = None


class ServeIn(Body):
    categories: list[Code] = Field(min_length=1, max_length=20)
    until: TimeText | None = None
    note: Text | None = None


def _day(raw: str | None, name: str) -> date | None:
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise Invalid(f"{name}日期格式应为YYYY-MM-DD", f"{name} must be YYYY-MM-DD") from None


# -- cases ---------------------------------------------------------------------------------
@router.get("/cases")
def cases(
    request: Request,
    who: Principal = Depends(guard),
    status: Literal["open", "overdue", "closed", "all"] = "open",
    assignee: Annotated[str | None, Query(max_length=limits.EMPLOYEE_NO_MAX)] = None,
    window: Annotated[int | None, Query(ge=limits.WINDOW_NO_MIN, le=limits.WINDOW_NO_MAX)] = None,
    clerk: Annotated[str | None, Query(max_length=limits.EMPLOYEE_NO_MAX)] = None,
    from_: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    to: Annotated[str | None, Query(max_length=10)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> Response:
    """Cases newest first; `assignee=me` is the caller."""
    hall = hall_of(request)
    body = hall.cases(
        status,
        assignee=who.name if assignee == "me" else assignee,
        window_no=window,
        clerk=clerk,
        day_from=_day(from_, "from"),
        day_to=_day(to, "to"),
        limit=limit,
    )
    return reply(body)


@router.get("/cases/{case_id}")
def case(case_id: CaseId, request: Request) -> Response:
    return reply(hall_of(request).case(case_id))


@router.post("/cases/{case_id}/assign")
async def assign(
    case_id: CaseId, body: AssignIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    return reply(
        await write(request, hall.assign_case, case_id, body.assignee, who.actor, body.note)
    )


@router.post("/cases/{case_id}/call-back")
async def call_back(
    case_id: CaseId, body: CallBackIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    result = await write(request, hall.call_back_case, case_id, body.reached, body.note, who.actor)
    return reply(result)


@router.post("/cases/{case_id}/verify")
async def verify(
    case_id: CaseId, body: VerifyIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    result = await write(request, hall.verify_case, case_id, body.verdict, body.reason, who.actor)
    return reply(result)


@router.post("/cases/{case_id}/confirm-exclusion")
async def confirm_exclusion(
    case_id: CaseId, body: ConfirmIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    result = await write(
        request, hall.confirm_exclusion, case_id, body.approve, who.actor, body.note
    )
    return reply(result)


@router.post("/cases/{case_id}/rectify")
async def rectify(
    case_id: CaseId, body: NoteIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    return reply(await write(request, hall.rectify_case, case_id, body.note, who.actor))


@router.post("/cases/{case_id}/revisit")
async def revisit(
    case_id: CaseId, body: RevisitIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    result = await write(request, hall.revisit_case, case_id, body.satisfied, body.note, who.actor)
    return reply(result)


@router.post("/cases/{case_id}/close")
async def close(
    case_id: CaseId, body: CloseIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    return reply(await write(request, hall.close_case, case_id, who.actor, body.note))


# -- alerts --------------------------------------------------------------------------------
@router.get("/alerts")
def alerts(
    request: Request,
    state: Literal["open", "acknowledged", "resolved", "all"] = "open",
    kind: Annotated[str | None, Query(max_length=40)] = None,
    from_: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    to: Annotated[str | None, Query(max_length=10)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> Response:
    """Open alerts first, newest first; `from`/`to`: the local dates they were raised on."""
    from kiosk.engine.helpdesk.views import day_bounds

    hall = hall_of(request)
    start, end = _day(from_, "from"), _day(to, "to")
    since = day_bounds(hall, start)[0] if start else None
    until = day_bounds(hall, end)[1] if end else None
    return reply(hall.alerts(state, kind, since, until, limit))


@router.post("/alerts/{alert_id}/acknowledge")
async def acknowledge(
    alert_id: Annotated[int, Path(ge=1, le=2**62)],
    body: AcknowledgeIn,
    request: Request,
    who: Principal = Depends(guard),
) -> Response:
    hall = hall_of(request)
    return reply(await write(request, hall.acknowledge_alert, alert_id, body.note, who.actor))


# -- windows -------------------------------------------------------------------------------
@router.get("/overview")
def overview(request: Request) -> Response:
    return reply(hall_of(request).supervision_overview())


@router.post("/windows/{no}/pause")
async def pause(
    no: WindowNo, body: RemotePauseIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    window_param(hall, no)
    result = await write(
        request, hall.remote_pause, no, body.reason, who.actor, body.note, body.expected_back
    )
    return reply(result)


@router.post("/windows/{no}/resume")
async def resume(no: WindowNo, request: Request, who: Principal = Depends(guard)) -> Response:
    hall = hall_of(request)
    window_param(hall, no)
    return reply(await write(request, hall.remote_resume, no, who.actor))


@router.post("/windows/{no}/sign-out")
async def sign_out(
    no: WindowNo, body: SignOutIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    window_param(hall, no)
    return reply(await write(request, hall.sign_out, no, who.actor, body.note))


@router.post("/windows/{no}/serve")
async def serve(
    no: WindowNo, body: ServeIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    window_param(hall, no)
    result = await write(
        request, hall.serve, no, list(body.categories), who.actor, body.until, body.note
    )
    return reply(result)


@router.delete("/windows/{no}/serve")
async def unserve(no: WindowNo, request: Request, who: Principal = Depends(guard)) -> Response:
    hall = hall_of(request)
    window_param(hall, no)
    return reply(await write(request, hall.unserve, no, who.actor))
