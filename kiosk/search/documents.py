"""What the kiosk searches: service items, FAQs and notices as one flat kind of document.

Halls whose search covered service items only left citizens without the notice or the Q&A
that answered them. Turning all three into one ``SearchDoc`` shape lets a single index rank
them against each other.

``docs_from_catalog`` reads the raw catalog mapping (docs/catalog-format.md) rather than the
pydantic catalog models so that search does not depend on, or wait for, the catalog loader;
anything with ``model_dump()`` is accepted too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["KIND_ORDER", "DocKind", "SearchDoc", "docs_from_catalog"]

DocKind = Literal["item", "faq", "notice"]

#: At equal score items come before FAQs before notices: a citizen at the kiosk most often
#: wants to take a ticket for a service item.
KIND_ORDER: Mapping[str, int] = {"item": 0, "faq": 1, "notice": 2}

# Joins the parts of a body. A newline never survives query normalization, so a query can
# never match across two parts (e.g. the end of one material name and the start of the next).
_PART_SEP = "\n"


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One searchable thing.

    ``title_*`` is what the kiosk lists (item name, FAQ question, notice title); ``body_*`` is
    searched with low weight and, for a FAQ, is the answer the kiosk opens in place. For
    items the body is the department and the material names, one per line. ``keywords``
    holds the catalog keywords; for items the category names are appended after them so that
    "社保" finds every item of the 社保业务 category. ``category`` is the queue code (for a FAQ,
    the category of its first linked item), ``related`` the item codes a FAQ links to.
    """

    kind: DocKind
    id: str
    title_zh: str
    title_en: str = ""
    body_zh: str = ""
    body_en: str = ""
    keywords: tuple[str, ...] = ()
    category: str | None = None
    related: tuple[str, ...] = ()

    def title(self, lang: str = "zh") -> str:
        """The title in ``lang`` ("zh" or "en"), falling back to Chinese when not translated."""
        return self.title_en if lang == "en" and self.title_en else self.title_zh

    def body(self, lang: str = "zh") -> str:
        """The body in ``lang``, falling back to Chinese when not translated."""
        return self.body_en if lang == "en" and self.body_en else self.body_zh


def _as_mapping(catalog: Any) -> Mapping[str, Any]:
    if isinstance(catalog, Mapping):
        return catalog
    dump = getattr(catalog, "model_dump", None)
    if callable(dump):
        dumped = dump()
        if isinstance(dumped, Mapping):
            return dumped
    raise TypeError(f"expected a catalog mapping or a model with model_dump(), got {catalog!r}")


def _s(value: Any) -> str:
    """A catalog text field as a stripped string; missing or null is empty."""
    return "" if value is None else str(value).strip()


def _join(parts: Iterable[str]) -> str:
    return _PART_SEP.join(p for p in parts if p)


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for v in values:
        if v and v not in seen:
            seen[v] = None
    return tuple(seen)


def _item_doc(item: Mapping[str, Any], categories: Mapping[str, Mapping[str, Any]]) -> SearchDoc:
    materials = [m for m in item.get("materials") or () if isinstance(m, Mapping)]
    code = _s(item.get("category")) or None
    cat = categories.get(code or "", {})
    keywords = [_s(k) for k in item.get("keywords") or ()]
    keywords += [_s(cat.get("name_zh")), _s(cat.get("name_en"))]
    return SearchDoc(
        kind="item",
        id=_s(item.get("code")),
        title_zh=_s(item.get("name_zh")),
        title_en=_s(item.get("name_en")),
        body_zh=_join([_s(item.get("department_zh"))] + [_s(m.get("name_zh")) for m in materials]),
        body_en=_join([_s(item.get("department_en"))] + [_s(m.get("name_en")) for m in materials]),
        keywords=_unique(keywords),
        category=code,
    )


def _faq_doc(faq: Mapping[str, Any], item_category: Mapping[str, str | None]) -> SearchDoc:
    related = tuple(_s(code) for code in faq.get("items") or () if _s(code))
    category = next((item_category[c] for c in related if item_category.get(c)), None)
    return SearchDoc(
        kind="faq",
        id=_s(faq.get("id")),
        title_zh=_s(faq.get("question_zh")),
        title_en=_s(faq.get("question_en")),
        body_zh=_s(faq.get("answer_zh")),
        body_en=_s(faq.get("answer_en")),
        keywords=_unique(_s(k) for k in faq.get("keywords") or ()),
        category=category,
        related=related,
    )


def _notice_doc(notice: Mapping[str, Any]) -> SearchDoc:
    return SearchDoc(
        kind="notice",
        id=_s(notice.get("id")),
        title_zh=_s(notice.get("title_zh")),
        title_en=_s(notice.get("title_en")),
        body_zh=_s(notice.get("body_zh")),
        body_en=_s(notice.get("body_en")),
        keywords=_unique(_s(k) for k in notice.get("keywords") or ()),
    )


def docs_from_catalog(catalog: Mapping[str, Any] | Any) -> list[SearchDoc]:
    """All items, then all FAQs, then all notices of a catalog, in file order.

    Entries without an id/code or without a Chinese title are skipped: they cannot be shown
    or opened. The function never raises on missing optional fields.
    """
    data = _as_mapping(catalog)
    categories = {
        _s(c.get("code")): c for c in data.get("categories") or () if isinstance(c, Mapping)
    }
    items = [i for i in data.get("items") or () if isinstance(i, Mapping)]
    item_category = {_s(i.get("code")): (_s(i.get("category")) or None) for i in items}
    docs = [_item_doc(i, categories) for i in items]
    docs += [_faq_doc(f, item_category) for f in data.get("faqs") or () if isinstance(f, Mapping)]
    docs += [_notice_doc(n) for n in data.get("notices") or () if isinstance(n, Mapping)]
    return [d for d in docs if d.id and d.title_zh]
