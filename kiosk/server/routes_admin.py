"""`/api/v1/admin/...`: the registry's operations, for the local admin token only.

The token is written by `kiosk serve` into the data directory (see kiosk.admin.credentials) and
lives as long as the process; it is accepted only on connections from this machine. These are
the writes a `kiosk` command makes while the server owns the store.
"""

from __future__ import annotations

import inspect
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from kiosk.admin.ops import OPS, AdminOp
from kiosk.engine.auth import Principal
from kiosk.server.deps import guard, reply

router = APIRouter(prefix="/api/v1/admin", tags=["local admin"], dependencies=[Depends(guard)])


def _route(op: AdminOp) -> None:
    async def handler(request: Request, body: Any, who: Principal) -> JSONResponse:
        result = await run_in_threadpool(op.run, request.app.state.site, body)
        return reply(result)

    # the body model differs per operation: give FastAPI a signature that names it
    handler.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                "request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request
            ),
            inspect.Parameter("body", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=op.body),
            inspect.Parameter(
                "who",
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                annotation=Principal,
                default=Depends(guard),
            ),
        ]
    )
    router.add_api_route(
        f"/{op.name}",
        handler,
        methods=["POST"],
        summary=op.summary,
        name=f"admin_{op.name.replace('-', '_')}",
    )


for _op in OPS.values():
    _route(_op)
