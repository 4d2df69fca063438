"""The citizen's phone page: what the QR code on a ticket opens (GET /t/{token}).

Why served by the hall server itself: the phone needs no app and the hall no cloud service; the
page is one HTML file, a stylesheet and a small script (assets/phone/), with no CDN. Only the
holder of the ticket's secret link gets in: the token is the ticket id plus an HMAC, so a ticket
number, which everyone in the hall can see, opens nothing.

The page's live channel is `/api/v1/tickets/{id}/live`, not the hall's full event stream: it
forwards only the type and sequence of each ticket event (plus the category, so a phone skips
other queues' calls), never payloads, which name clerks and carry other citizens' questions.
"""

from __future__ import annotations

import contextlib
import html
import json
from string import Template
from typing import Any

from fastapi import APIRouter, Depends, Request, WebSocket
from fastapi.responses import FileResponse, HTMLResponse, Response

from kiosk.engine.phone import link_of_token, phone_view, ticket_case
from kiosk.errors import NotFound
from kiosk.events import EventType
from kiosk.paths import ASSETS
from kiosk.server.deps import admit_socket, guard, hall_of, reply
from kiosk.server.live import subscription

router = APIRouter(dependencies=[Depends(guard)])
PHONE = ASSETS / "phone"
STATIC = {"phone.css": "text/css", "phone.js": "text/javascript"}
# Events that may change what a phone shows: its own ticket's, or "people ahead" in its queue.
TICKET_MOVES = frozenset(
    {
        EventType.TICKET_ISSUED,
        EventType.TICKET_CALLED,
        EventType.TICKET_RECALLED,
        EventType.TICKET_NO_SHOW,
        EventType.TICKET_REQUEUED,
        EventType.TICKET_STARTED,
        EventType.TICKET_FINISHED,
        EventType.TICKET_TRANSFERRED,
        EventType.TICKET_CANCELLED,
    }
)
WATCHED = TICKET_MOVES | {
    EventType.WINDOW_OPENED,
    EventType.WINDOW_CLOSED,
    EventType.WINDOW_PAUSED,
    EventType.WINDOW_RESUMED,
    EventType.RATING_RECORDED,
    EventType.CASE_OPENED,
    EventType.CASE_UPDATED,
    EventType.DAY_CLOSED,
}
HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",  # the token is in the URL: never pass it on
    "X-Robots-Tag": "noindex",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
    "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'",
}
TEXT = {
    "zh": {
        "title": "我的排队号",
        "missing": "未找到该号码",
        "hint": "链接无效或已过期。",
        "expired": "链接已过期",
        "expired_hint": "查询链接在办理当日及之后7天的评价期内有效。如需帮助，请联系大厅工作人员。",
    },
    "en": {
        "title": "My ticket",
        "missing": "Ticket not found",
        "hint": "This link is not valid or has expired.",
        "expired": "This link has expired",
        "expired_hint": "A ticket's link works on its service day and for the 7 days of rating"
        " after it. For help, please ask the hall's staff.",
    },
}


def language(request: Request) -> str:
    """?lang= first, then the browser's Accept-Language (by weight), else Chinese."""
    asked = request.query_params.get("lang")
    if asked in TEXT:
        return asked
    best, best_q = "zh", -1.0
    for part in request.headers.get("accept-language", "").split(","):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            with contextlib.suppress(ValueError):
                q = float(params.strip()[2:])
        code = tag.strip().lower()[:2]
        if code in TEXT and q > best_q:
            best, best_q = code, q
    return best


def _page(lang: str, body: str, status: int = 200) -> HTMLResponse:
    template = Template((PHONE / "page.html").read_text(encoding="utf-8"))
    text = template.substitute(lang=lang, title=html.escape(TEXT[lang]["title"]), body=body)
    return HTMLResponse(text, status_code=status, headers=HEADERS)


def _notice(request: Request, title: str, hint: str, mark: str, status: int) -> HTMLResponse:
    """A page with no ticket on it: the link is wrong, or its time is over."""
    hall = hall_of(request)
    lang = language(request)
    hall_name = hall.config.name_zh if lang == "zh" else hall.config.name_en
    other = TEXT["en" if lang == "zh" else "zh"]
    body = (
        f'<main class="missing {title}"><header class="bar"><span class="hall">'
        f"{html.escape(hall_name)}</span></header>"
        f'<section class="card"><div class="big-mark">{mark}</div>'
        f"<h1>{html.escape(TEXT[lang][title])}</h1>"
        f"<p>{html.escape(TEXT[lang][hint])}</p>"
        f'<p class="small">{html.escape(other[title])} · {html.escape(other[hint])}</p>'
        "</section></main>"
    )
    return _page(lang, body, status)


@router.get("/t/{token}", response_class=HTMLResponse)
def phone_page(token: str, request: Request) -> HTMLResponse:
    hall = hall_of(request)
    lang = language(request)
    link = link_of_token(hall, token)
    if link is None:
        return _notice(request, "missing", "hint", "?", 404)
    if link.expired:  # nothing of the ticket any more, not even its number
        return _notice(request, "expired", "expired_hint", "!", 410)
    ticket_id = link.ticket_id
    ticket = phone_view(hall, ticket_id)
    state = {
        "token": token,
        "ticket": ticket,
        "case": ticket_case(hall, ticket_id),
        "hall": {
            "zh": hall.config.name_zh,
            "en": hall.config.name_en,
            "timezone": hall.config.timezone,
        },
    }
    # JSON inside <script type="application/json"> is data, not code: CSP allows it, and
    # escaping "<" keeps a stray "</script>" in a name from ending the block.
    data = json.dumps(state, ensure_ascii=False).replace("<", "\\u003c")
    number = html.escape(str(ticket["number"]))
    body = (
        f'<script id="state" type="application/json">{data}</script>'
        f'<main id="app"><section class="card ticket"><div class="number">{number}</div>'
        "</section></main>"
        '<script src="/static/phone/phone.js" defer></script>'
    )
    return _page(lang, body)


@router.get("/static/phone/{name}")
def phone_static(name: str) -> Response:
    if name not in STATIC:
        raise NotFound("未找到", f"no file {name}")
    headers = {"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"}
    return FileResponse(PHONE / name, media_type=STATIC[name], headers=headers)


@router.get("/api/v1/tickets/{ticket_id}/case")
def phone_case(ticket_id: str, request: Request) -> Response:
    """The follow-up of this ticket's bad rating, or {"case": null} (the guard admits only
    this ticket's own status link)."""
    return reply({"case": ticket_case(hall_of(request), ticket_id)})


def notice(text: str, ticket_id: str) -> str | None:
    """What one event tells a phone: its type, sequence, whether it is about this ticket and
    the queue it touches; None for events that cannot change the page."""
    ev: dict[str, Any] = json.loads(text)
    kind = str(ev.get("type", ""))
    if kind not in WATCHED:
        return None
    payload = ev.get("payload") or {}
    category = payload.get("category") or payload.get("to_category")
    out = {"seq": ev.get("seq"), "type": kind, "mine": payload.get("ticket_id") == ticket_id}
    if category and kind in TICKET_MOVES:
        out["category"] = category
    return json.dumps(out)


@router.websocket("/api/v1/tickets/{ticket_id}/live")
async def phone_live(ws: WebSocket, ticket_id: str, token: str | None = None) -> None:
    """Push for one phone. No resume: on every (re)connect the page reads its ticket afresh."""
    if await admit_socket(ws, token) is None:
        return
    await ws.accept()
    async with subscription(ws) as (_, events):
        await ws.send_text(json.dumps({"type": "hello", "seq": hall_of(ws).last_seq}))
        async for _seq, text in events:
            message = notice(text, ticket_id) if text is not None else None
            if message is not None:
                await ws.send_text(message)
