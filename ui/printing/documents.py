"""What a printed ticket or one-time notice says, filled in from the server's JSON: one way for
every front end that prints.

Why one: the kiosk, the help desk and the window client each print for citizens, and a citizen
must read the same thing whichever desk printed it: a ticket names the item and the required
materials to bring and the wait rounded up as the kiosk's screen shows it; a notice lists the
item's standard materials, dated in the hall's time zone. The layout itself is Qt-free and lives
in ``kiosk.printing.layout``; this module only reads the catalog and the ticket as the server
sends them (plain dicts, read tolerantly, like every client of the hall server).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from kiosk.help_topics import topic_name
from kiosk.printing.layout import ConsultationData, Lang, NoticeData, NoticeMaterial, TicketData
from ui.common.halltime import to_hall_time
from ui.common.wording import loc, wait_minutes

Json = dict[str, Any]


def _lang(lang: str) -> Lang:
    return "en" if lang == "en" else "zh"


def _hall(catalog: Json) -> Json:
    hall = catalog.get("hall")
    return hall if isinstance(hall, dict) else {}


def hall_timezone(catalog: Json) -> str | None:
    """The hall's IANA zone as the server publishes it with the catalog."""
    return str(_hall(catalog).get("timezone") or "") or None


def find_item(catalog: Json, code: str | None) -> Json | None:
    if not code:
        return None
    return next((i for i in catalog.get("items") or () if i.get("code") == code), None)


def required_material_names(item: Json | None, lang: str) -> list[str]:
    """The reminder printed on a ticket: the required materials' names."""
    if not item:
        return []
    return [loc(m, "name", lang) for m in item.get("materials") or () if m.get("required", True)]


def ticket_data(catalog: Json, ticket: Json, server_url: str, lang: str) -> TicketData:
    """A queue ticket as the server answered it (POST /tickets, a conversion, GET /tickets/x)."""
    item = find_item(catalog, ticket.get("item"))
    tz = hall_timezone(catalog)
    status = str(ticket.get("status_url") or "")
    return TicketData(
        hall_name=loc(_hall(catalog), "name", lang),
        number=str(ticket["number"]),
        category_name=loc(ticket, "category_name", lang),
        item_name=loc(item, "name", lang),
        issued_at=to_hall_time(str(ticket.get("issued_at") or ""), tz),
        timezone=tz,
        people_ahead=int(ticket.get("ahead") or 0),
        estimated_wait_min=(
            None  # no window serves it now: no figure on the slip
            if ticket.get("estimated_wait_s", 0) is None
            else wait_minutes(float(ticket.get("estimated_wait_s") or 0))
        ),
        status_url=server_url.rstrip("/") + status if status.startswith("/") else status,
        materials=required_material_names(item, lang),
        green_channel=ticket.get("priority") == "green",
        lang=_lang(lang),
        no_window=ticket.get("estimate_reason") == "no_window",
    )


def consultation_data(catalog: Json, answer: Json, lang: str) -> ConsultationData:
    """A consultation slip from the server's answer to POST /consultations."""
    tz = hall_timezone(catalog)
    return ConsultationData(
        hall_name=loc(_hall(catalog), "name", lang),
        number=str(answer["number"]),
        topic=topic_name(str(answer.get("topic") or ""), lang),
        issued_at=to_hall_time(str(answer.get("created_at") or ""), tz),
        phone_masked=str(answer.get("phone_masked") or ""),
        timezone=tz,
        lang=_lang(lang),
    )


def notice_material(material: Json, lang: str) -> NoticeMaterial:
    return NoticeMaterial(
        name=loc(material, "name", lang),
        form=str(material.get("form") or "original"),
        count=int(material.get("count") or 1),
        required=bool(material.get("required", True)),
        note=loc(material, "note", lang),
    )


def notice_data(
    catalog: Json,
    item: Json,
    lang: str,
    *,
    missing: Sequence[int] = (),
    note: str = "",
    ticket: Json | None = None,
    clerk: tuple[str, str] = ("", ""),
    window_no: int | None = None,
    consultation: str = "",
    answer: str = "",
    owner_name: str = "",
) -> NoticeData:
    """The one-time notice (一次性告知单) of ``item``: its standard list, and for a correction
    at a window the materials marked missing (by their index in that list), the clerk's note,
    the ticket, the clerk (employee number, name) and the window; at the help desk, the answer
    given, the name of the staff member who owns the question (首问责任人) and the
    consultation number (ZX...) the notice answers."""
    materials = [notice_material(m, lang) for m in item.get("materials") or ()]
    return NoticeData(
        hall_name=loc(_hall(catalog), "name", lang),
        item_name=loc(item, "name", lang),
        department=loc(item, "department", lang),
        issued_at=datetime.now().astimezone(),
        timezone=hall_timezone(catalog),
        materials=materials,
        missing=[materials[i] for i in missing if 0 <= i < len(materials)],
        correction_note=note,
        item_code=str(item.get("code") or ""),
        time_limit_days=int(item.get("time_limit_days") or 0),
        fee_cny=item.get("fee_cny") or 0,
        window_no=window_no,
        clerk_no=clerk[0],
        clerk_name=clerk[1],
        ticket_number=str((ticket or {}).get("number") or ""),
        consultation_number=consultation,
        online_url=str(item.get("online_url") or "") if item.get("online") else "",
        lang=_lang(lang),
        answer=answer,
        owner_name=owner_name,
    )
