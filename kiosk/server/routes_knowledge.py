"""The hall's knowledge base over HTTP: FAQs and notices, list, create, update, publish, retire.

Help-desk staff and supervisors write; published entries reach the kiosk search through the
live event stream at once and GET /catalog (merged, source "hall") for kiosks that start later.
An update is POST /faqs/{id} (PATCH also accepted): the front ends' HTTP client posts.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import Field, StringConstraints, ValidationError

from kiosk.engine.auth import Principal
from kiosk.server.deps import guard, hall_of, reply, write
from kiosk.server.schemas import Body, Code

router = APIRouter(prefix="/api/v1", dependencies=[Depends(guard)])
Title = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Long = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
Keywords = Annotated[
    list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]],
    Field(max_length=20),
]


class FaqIn(Body):
    question_zh: Title | None = None
    question_en: Title | None = None
    answer_zh: Long | None = None
    answer_en: Long | None = None
    keywords: Keywords | None = None
    items: Annotated[list[Code], Field(max_length=20)] | None = None


class NoticeIn(Body):
    title_zh: Title | None = None
    title_en: Title | None = None
    body_zh: Long | None = None
    body_en: Long | None = None
    keywords: Keywords | None = None


async def _fields(request: Request, model: type[Body]) -> dict[str, Any]:
    """The body checked against the kind's model (closures cannot type FastAPI bodies), with
    FastAPI's own 422 for anything wrong; only the fields sent, so an update is partial."""
    try:
        data = json.loads(await request.body() or b"{}")
        fields: dict[str, Any] = model.model_validate(data).model_dump(exclude_unset=True)
    except ValueError as exc:  # JSONDecodeError and ValidationError are both ValueErrors
        errors = (
            exc.errors()
            if isinstance(exc, ValidationError)
            else [{"loc": ("body",), "msg": "invalid JSON", "type": "json_invalid"}]
        )
        raise RequestValidationError(errors) from None
    except RecursionError:  # the parser gave up on arrays nested thousands deep
        nested = {"loc": ("body",), "msg": "JSON nested too deeply", "type": "json_invalid"}
        raise RequestValidationError([nested]) from None
    return fields


def _schema(model: type[Body]) -> dict[str, Any]:
    return model.model_json_schema(ref_template="#/components/schemas/{model}")


def _routes(kind: str, plural: str, model: type[Body]) -> None:
    """The same six routes for both kinds, each under its own path."""

    async def create(request: Request, who: Principal = Depends(guard)) -> Response:
        fields = await _fields(request, model)
        hall = hall_of(request)
        return reply(await write(request, hall.create_entry, kind, fields, who.actor), 201)

    async def update(entry_id: str, request: Request, who: Principal = Depends(guard)) -> Response:
        changes = await _fields(request, model)
        hall = hall_of(request)
        return reply(await write(request, hall.update_entry, kind, entry_id, changes, who.actor))

    def listing(
        request: Request,
        status: str | None = Query(None, max_length=16),
        who: Principal = Depends(guard),
    ) -> Response:
        return reply({plural: hall_of(request).entries(kind, status)})

    def one(entry_id: str, request: Request, who: Principal = Depends(guard)) -> Response:
        return reply(hall_of(request).entry(kind, entry_id))

    async def publish(entry_id: str, request: Request, who: Principal = Depends(guard)) -> Response:
        hall = hall_of(request)
        return reply(await write(request, hall.publish_entry, kind, entry_id, who.actor))

    async def retire(entry_id: str, request: Request, who: Principal = Depends(guard)) -> Response:
        hall = hall_of(request)
        return reply(await write(request, hall.retire_entry, kind, entry_id, who.actor))

    path = f"/{plural}"
    # the body is read by hand (above), so describe it for the OpenAPI schema and its clients
    content = {"application/json": {"schema": _schema(model)}}
    router.add_api_route(path, listing, methods=["GET"], name=f"list_{plural}")
    router.add_api_route(
        path,
        create,
        methods=["POST"],
        status_code=201,
        name=f"create_{kind}",
        openapi_extra={"requestBody": {"content": content, "required": True}},
    )
    router.add_api_route(path + "/{entry_id}", one, methods=["GET"], name=f"get_{kind}")
    for method in ("POST", "PATCH"):
        router.add_api_route(
            path + "/{entry_id}",
            update,
            methods=[method],
            name=f"update_{kind}_{method.lower()}",
            openapi_extra={"requestBody": {"content": content}},
        )
    router.add_api_route(path + "/{entry_id}/publish", publish, methods=["POST"])
    router.add_api_route(path + "/{entry_id}/retire", retire, methods=["POST"])


_routes("faq", "faqs", FaqIn)
_routes("notice", "notices", NoticeIn)
