"""The hall's FAQs and notices in their three outward shapes: the API view, the catalog entry
(GET /catalog merges published ones with the center's, marked source "hall") and the kiosk's
SearchDoc built from a live `faq.published`/`notice.published` event.

Storage is one generic table (title/body); a FAQ calls them question/answer. The mapping lives
here once so that the API, the catalog and the kiosk search can never disagree about it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import astuple, dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from kiosk.clock import parse_iso
from kiosk.events import EventType

if TYPE_CHECKING:  # the search (and its pinyin tables) loads in the kiosk, not in the server
    from kiosk.search.documents import SearchDoc


@dataclass(frozen=True)
class KindEvents:
    """The four events of one kind of entry."""

    drafted: EventType
    edited: EventType
    published: EventType
    retired: EventType


EVENTS = {
    "faq": KindEvents(
        EventType.FAQ_DRAFTED, EventType.FAQ_EDITED, EventType.FAQ_PUBLISHED, EventType.FAQ_RETIRED
    ),
    "notice": KindEvents(
        EventType.NOTICE_DRAFTED,
        EventType.NOTICE_EDITED,
        EventType.NOTICE_PUBLISHED,
        EventType.NOTICE_RETIRED,
    ),
}
KINDS = tuple(EVENTS)
KIND_OF: dict[str, str] = {t: kind for kind, events in EVENTS.items() for t in astuple(events)}
# kind -> (title field, body field) in the API and in event payloads
NAMES = {"faq": ("question", "answer"), "notice": ("title", "body")}
AUDIT = (
    "created_by",
    "created_at",
    "updated_by",
    "updated_at",
    "published_by",
    "published_at",
    "retired_by",
    "retired_at",
)


def content_keys(kind: str) -> tuple[str, ...]:
    title, body = NAMES[kind]
    keys = (f"{title}_zh", f"{title}_en", f"{body}_zh", f"{body}_en", "keywords")
    return (*keys, "items") if kind == "faq" else keys


def to_columns(kind: str, content: Mapping[str, Any]) -> dict[str, Any]:
    """API/event field names -> the table's generic columns."""
    title, body = NAMES[kind]
    return {
        "title_zh": content.get(f"{title}_zh") or "",
        "title_en": content.get(f"{title}_en") or "",
        "body_zh": content.get(f"{body}_zh") or "",
        "body_en": content.get(f"{body}_en") or "",
        "keywords": list(content.get("keywords") or []),
        "items": list(content.get("items") or []) if kind == "faq" else [],
    }


def content_of(row: sqlite3.Row) -> dict[str, Any]:
    """A row's content under the kind's own field names (what events carry)."""
    kind = row["kind"]
    title, body = NAMES[kind]
    out: dict[str, Any] = {
        f"{title}_zh": row["title_zh"],
        f"{title}_en": row["title_en"],
        f"{body}_zh": row["body_zh"],
        f"{body}_en": row["body_en"],
        "keywords": json.loads(row["keywords"]),
    }
    if kind == "faq":
        out["items"] = json.loads(row["items"])
    return out


def entry_view(row: sqlite3.Row) -> dict[str, Any]:
    view = {"id": row["id"], "kind": row["kind"], "status": row["status"], **content_of(row)}
    view["consultation_id"] = row["consultation_id"]
    view["revision"] = row["revision"]
    view.update({k: row[k] for k in AUDIT})
    return view


def catalog_entry(row: sqlite3.Row, tz: ZoneInfo) -> dict[str, Any]:
    """A published entry as docs/catalog-format.md shapes FAQs and notices; English falls back
    to Chinese, because the format requires both."""
    c = content_of(row)
    title, body = NAMES[row["kind"]]
    for part in (title, body):
        c[f"{part}_en"] = c[f"{part}_en"] or c[f"{part}_zh"]
    out: dict[str, Any] = {"id": row["id"], **c, "source": "hall"}
    if row["kind"] == "notice":
        out["published_at"] = parse_iso(row["published_at"]).astimezone(tz).date().isoformat()
    return out


def doc_from_event(
    event: Mapping[str, Any], item_category: Mapping[str, str] | None = None
) -> SearchDoc | None:
    """The SearchDoc a kiosk adds to its index for a live `faq.published`/`notice.published`
    event (None for any other event). `item_category` maps item codes to categories so a FAQ
    gets its first linked item's category, as catalog FAQs do."""
    from kiosk.search.documents import SearchDoc

    type_ = str(event.get("type", ""))
    kind = KIND_OF.get(type_)
    if kind is None or type_ != EVENTS[kind].published:
        return None
    p = event.get("payload") or {}
    title, body = NAMES[kind]
    related = tuple(p.get("items") or ())
    cats = item_category or {}
    return SearchDoc(
        kind="faq" if kind == "faq" else "notice",
        id=str(p[f"{kind}_id"]),
        title_zh=str(p.get(f"{title}_zh") or ""),
        title_en=str(p.get(f"{title}_en") or ""),
        body_zh=str(p.get(f"{body}_zh") or ""),
        body_en=str(p.get(f"{body}_en") or ""),
        keywords=tuple(str(k) for k in p.get("keywords") or ()),
        category=next((cats[c] for c in related if c in cats), None),
        related=related,
    )


def retired_id(event: Mapping[str, Any]) -> tuple[str, str] | None:
    """(kind, id) for a `faq.retired`/`notice.retired` event: what a kiosk removes."""
    type_ = str(event.get("type", ""))
    kind = KIND_OF.get(type_)
    if kind is None or type_ != EVENTS[kind].retired:
        return None
    return kind, str((event.get("payload") or {})[f"{kind}_id"])
