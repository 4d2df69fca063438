"""The catalog and queue as the kiosk reads them: lookups over the server's JSON.

Why plain dicts and not the core's pydantic models: the kiosk is a client of the hall server
and must show whatever catalog version the server applied (the center may publish fields this
kiosk's code does not know yet), so it reads the JSON tolerantly and never validates it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ui.common.wording import loc

Json = dict[str, Any]


@dataclass(frozen=True)
class CatalogView:
    """One applied catalog: categories, items, FAQs, notices and the hall's switched-off items."""

    data: Json
    categories: tuple[Json, ...] = ()
    items: dict[str, Json] = field(default_factory=dict)
    faqs: dict[str, Json] = field(default_factory=dict)
    notices: dict[str, Json] = field(default_factory=dict)
    disabled: frozenset[str] = frozenset()

    @classmethod
    def from_json(cls, body: Json) -> CatalogView:
        items = [i for i in body.get("items") or () if isinstance(i, dict) and i.get("code")]
        return cls(
            data=body,
            categories=tuple(c for c in body.get("categories") or () if isinstance(c, dict)),
            items={str(i["code"]): i for i in items},
            faqs={str(f["id"]): f for f in body.get("faqs") or () if f.get("id")},
            notices={str(n["id"]): n for n in body.get("notices") or () if n.get("id")},
            disabled=frozenset(str(c) for c in body.get("disabled_items") or ()),
        )

    @property
    def version(self) -> str:
        return str(self.data.get("version") or "")

    @property
    def hall(self) -> Json:
        hall = self.data.get("hall")
        return hall if isinstance(hall, dict) else {}

    def hall_name(self, lang: str) -> str:
        return loc(self.hall, "name", lang)

    @property
    def timezone(self) -> str | None:
        return str(self.hall.get("timezone") or "") or None

    def category(self, code: str) -> Json | None:
        return next((c for c in self.categories if c.get("code") == code), None)

    @property
    def helpdesk_code(self) -> str | None:
        """The category consultations turn into (综合咨询); reached through 我要咨询."""
        return next((str(c["code"]) for c in self.categories if c.get("helpdesk")), None)

    @property
    def ticket_categories(self) -> list[Json]:
        """The categories on the home screen: every queue but the help desk's."""
        return [c for c in self.categories if not c.get("helpdesk")]

    def items_of(self, category: str) -> list[Json]:
        return [i for i in self.items.values() if i.get("category") == category]

    def is_disabled(self, item_code: str) -> bool:
        return item_code in self.disabled

    def prefixes(self) -> list[str]:
        return sorted({str(c.get("prefix")) for c in self.categories if c.get("prefix")})

    def search_source(self) -> Json:
        """The catalog without this hall's switched-off items: search must not offer them."""
        kept = [i for i in self.items.values() if i["code"] not in self.disabled]
        return {**self.data, "items": kept}


@dataclass(frozen=True)
class Waiting:
    waiting: int = 0
    estimated_wait_s: int | None = 0  # None: no open window serves the category now


def queue_counts(body: Json) -> dict[str, Waiting]:
    """GET /queue's categories as {code: Waiting}; unknown or missing fields count as 0."""
    out: dict[str, Waiting] = {}
    for c in body.get("categories") or ():
        if isinstance(c, dict) and c.get("code"):
            est = c.get("estimated_wait_s", 0)
            out[str(c["code"])] = Waiting(
                int(c.get("waiting") or 0), None if est is None else int(est or 0)
            )
    return out
