"""The city office's page (GET /office) and the API behind it, every route scoped to its caller.

The page is static (HTML, a script, a stylesheet and Apache ECharts, vendored with its licence in
assets/office/); every figure it shows comes from /api/v1/office/..., which asks for an office
user's token (or an administrator's) on each request. A district user's requests are cut to its
own district hall and townships before any figure is computed, and a hall outside that answers
404 exactly as a hall that does not exist, whether asked for by path, by query or as a download.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Header, Query
from fastapi.responses import FileResponse, Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from kiosk.center import halls as hall_register
from kiosk.center.auth import require_office
from kiosk.center.errors import CenterError, invalid
from kiosk.center.office_report import office_book
from kiosk.center.office_users import Scope, check_hall_visible, visible_halls
from kiosk.center.report_book import VIEWS
from kiosk.center.workbook import csv_bytes, write_workbook
from kiosk.paths import ASSETS

OFFICE = ASSETS / "office"
STATIC = {
    "office.js": "text/javascript; charset=utf-8",
    "office.css": "text/css; charset=utf-8",
    "echarts.common.min.js": "text/javascript; charset=utf-8",
    "ECHARTS-LICENSE.txt": "text/plain; charset=utf-8",
    "ECHARTS-NOTICE.txt": "text/plain; charset=utf-8",
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}
Auth = Annotated[str | None, Header(alias="Authorization")]
Day = Annotated[str, Query(min_length=10, max_length=10)]
OptDay = Annotated[str | None, Query(min_length=10, max_length=10)]


def _book(
    engine: Engine,
    authorization: str | None,
    day_from: str,
    day_to: str,
    compare_from: str | None,
    compare_to: str | None,
    hall: str | None,
    hall_items: bool = True,
) -> dict[str, Any]:
    scope = require_office(engine, authorization)
    if hall is not None:
        check_hall_visible(engine, scope, hall)
        scope = _narrowed(engine, scope, hall)
    return office_book(engine, scope, day_from, day_to, compare_from, compare_to, hall_items)


def _narrowed(engine: Engine, scope: Scope, hall: str) -> Scope:
    """A scope cut to one hall's subtree (a district and its townships, or one township)."""
    with engine.connect() as conn:
        found = hall_register.get_hall(conn, hall)
    assert found is not None  # check_hall_visible passed
    if found.level == "city":
        return scope
    if found.level == "district":
        return Scope("district", scope.name, found.code, found.name)
    return Scope("township", scope.name, found.code, found.name)


def _download_name(book: dict[str, Any], ext: str) -> str:
    scope = book["scope"]
    where = "全市" if scope.get("kind") == "city" else str(scope.get("name") or scope.get("hall"))
    name = f"三级对比报表_{where}_{book['from']}_{book['to']}.{ext}"
    ascii_name = f"governance_{book['from']}_{book['to']}.{ext}"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def build_office_router(engine: Engine) -> APIRouter:
    router = APIRouter()

    @router.get("/office", include_in_schema=False)
    def office_page() -> Response:
        return FileResponse(
            OFFICE / "office.html", media_type="text/html; charset=utf-8", headers=PAGE_HEADERS
        )

    @router.get("/office/static/{name}", include_in_schema=False)
    def office_static(name: str) -> Response:
        if name not in STATIC:
            raise CenterError(404, "Not found", f"no file {name}", "未找到该文件")
        headers = {"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"}
        return FileResponse(OFFICE / name, media_type=STATIC[name], headers=headers)

    @router.get("/api/v1/office/me")
    def me(authorization: Auth = None) -> dict[str, Any]:
        scope = require_office(engine, authorization)
        allowed = visible_halls(engine, scope)
        return {"scope": scope.as_json(), "halls": None if allowed is None else sorted(allowed)}

    @router.get("/api/v1/office/report")
    async def report(
        day_from: Annotated[str, Query(alias="from", min_length=10, max_length=10)],
        day_to: Annotated[str, Query(alias="to", min_length=10, max_length=10)],
        compare_from: OptDay = None,
        compare_to: OptDay = None,
        hall: Annotated[str | None, Query(max_length=32)] = None,
        hall_items: bool = True,
        authorization: Auth = None,
    ) -> dict[str, Any]:
        """The report book: figures per level, hall and item, with the compared period;
        `hall_items=false` leaves out the hall x item view (the page reads it per hall)."""
        return await run_in_threadpool(
            _book,
            engine,
            authorization,
            day_from,
            day_to,
            compare_from,
            compare_to,
            hall,
            hall_items,
        )

    @router.get("/api/v1/office/report.xlsx")
    async def report_xlsx(
        day_from: Annotated[str, Query(alias="from", min_length=10, max_length=10)],
        day_to: Annotated[str, Query(alias="to", min_length=10, max_length=10)],
        compare_from: OptDay = None,
        compare_to: OptDay = None,
        hall: Annotated[str | None, Query(max_length=32)] = None,
        authorization: Auth = None,
    ) -> Response:
        def work() -> tuple[bytes, str]:
            import io

            book = _book(engine, authorization, day_from, day_to, compare_from, compare_to, hall)
            buf = io.BytesIO()
            write_workbook(book, buf)
            return buf.getvalue(), _download_name(book, "xlsx")

        body, disposition = await run_in_threadpool(work)
        return Response(body, media_type=XLSX, headers={"Content-Disposition": disposition})

    @router.get("/api/v1/office/report.csv")
    async def report_csv(
        day_from: Annotated[str, Query(alias="from", min_length=10, max_length=10)],
        day_to: Annotated[str, Query(alias="to", min_length=10, max_length=10)],
        view: str = "hall",
        compare_from: OptDay = None,
        compare_to: OptDay = None,
        hall: Annotated[str | None, Query(max_length=32)] = None,
        authorization: Auth = None,
    ) -> Response:
        def work() -> tuple[bytes, str]:
            book = _book(engine, authorization, day_from, day_to, compare_from, compare_to, hall)
            if view not in VIEWS or view not in book["views"]:
                shown = ", ".join(book["views"])
                raise invalid(f"view must be one of {shown}", f"view 须为 {shown} 之一")
            return csv_bytes(book, view), _download_name(book, "csv")

        body, disposition = await run_in_threadpool(work)
        return Response(
            body,
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": disposition},
        )

    @router.get("/api/v1/office/halls")
    def office_halls(authorization: Auth = None) -> dict[str, Any]:
        """Each visible hall's sync state: last contact, events not yet acknowledged, lag."""
        scope = require_office(engine, authorization)
        allowed = visible_halls(engine, scope)
        rows = hall_register.hall_status(engine)
        return {"halls": [h for h in rows if allowed is None or h["code"] in allowed]}

    @router.get("/api/v1/office/halls/{code}")
    def office_hall(code: str, authorization: Auth = None) -> dict[str, Any]:
        scope = require_office(engine, authorization)
        check_hall_visible(engine, scope, code)
        found = [h for h in hall_register.hall_status(engine) if h["code"] == code]
        return found[0]

    return router
