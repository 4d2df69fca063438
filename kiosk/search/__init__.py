"""Kiosk search over service items, FAQs and notices together: one search, not three.

Usage::

    index = SearchIndex.build(docs_from_catalog(catalog_dict))
    hits = index.search("sfz", limit=20, lang="zh")
    index.add(SearchDoc(kind="faq", id="FAQ-031", title_zh="...", body_zh="..."))  # published

Matches Chinese substrings (one character upwards), full pinyin and initials (with the other
readings of polyphonic characters), English words and prefixes, keywords and, with low
weight, bodies (item departments and materials, FAQ answers, notice texts). All document-side
work happens when indexing; see ``kiosk.search.index`` for the ranking.
"""

from kiosk.search.documents import KIND_ORDER, DocKind, SearchDoc, docs_from_catalog
from kiosk.search.index import MatchKind, SearchHit, SearchIndex, Tier
from kiosk.search.text import normalize_query

__all__ = [
    "KIND_ORDER",
    "DocKind",
    "MatchKind",
    "SearchDoc",
    "SearchHit",
    "SearchIndex",
    "Tier",
    "docs_from_catalog",
    "normalize_query",
]
