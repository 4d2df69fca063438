"""The supervisor's reports over HTTP: the same reports as `kiosk report`, as JSON for the
console's tables and charts, or as a file (CSV, XLSX, PDF) for its export. Read-only, on the
request's own reader connection, off the event loop."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from kiosk.engine.hall import Hall
from kiosk.reports.export import to_csv, to_pdf, to_xlsx
from kiosk.reports.kinds import build_report
from kiosk.reports.period import Period
from kiosk.reports.table import Report
from kiosk.server.deps import guard, hall_of

router = APIRouter(prefix="/api/v1", dependencies=[Depends(guard)])

ReportKind = Literal["day", "clerks", "ranking", "cases"]
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _build(hall: Hall, kind: str, start: date, end: date | None, lang: str) -> Report:
    today = hall.today(hall.clock.now())
    return build_report(hall.reader(), kind, Period(start, end or start), lang, today)


def _file(report: Report, fmt: str, lang: str) -> bytes:
    if fmt == "csv":
        return to_csv(report, lang)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"report.{fmt}"
        (to_xlsx if fmt == "xlsx" else to_pdf)(report, path, lang)
        return path.read_bytes()


@router.get("/reports/{kind}")
async def report(
    kind: ReportKind,
    request: Request,
    date_from: date = Query(alias="from"),
    date_to: date | None = Query(None, alias="to"),
    lang: Literal["zh", "en"] = "zh",
    format: Literal["json", "csv", "xlsx", "pdf"] = "json",
) -> Any:
    hall = hall_of(request)
    built = await run_in_threadpool(_build, hall, kind, date_from, date_to, lang)
    if format == "json":
        return JSONResponse(built.as_json())
    data = await run_in_threadpool(_file, built, format, lang)
    name = f"{kind}-{built.start.isoformat()}-{built.end.isoformat()}.{format}"
    return Response(
        data,
        media_type=MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
