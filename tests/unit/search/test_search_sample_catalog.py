"""The search against the real sample catalog (assets/catalog/catalog.json).

Skipped, with the reason shown, while the sample catalog has not been written.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.search import SearchDoc, SearchIndex, docs_from_catalog
from kiosk.search.text import is_cjk

# What makes a hit relevant to each query: one of these in its title or keywords (Chinese or
# English, case-insensitive), or in its category's name.
RELEVANT: dict[str, tuple[str, ...]] = {
    "社保": ("社保", "社会保险", "社会保障"),
    "户口": ("户口", "户籍", "落户", "迁户"),
    "shenfenzheng": ("身份证",),
    "sfz": ("身份证",),
    "gjj": ("公积金",),
    "passport": ("护照", "passport"),
    "结婚": ("结婚", "婚姻"),
    "hk": ("户口", "户籍", "落户"),
    "yb": ("医保", "医疗保险"),
    "ID card": ("身份证",),
}


def _relevant(doc: SearchDoc, words: tuple[str, ...], category_names: dict[str, str]) -> bool:
    fields = [doc.title_zh, doc.title_en, *doc.keywords, category_names.get(doc.category or "", "")]
    text = " ".join(fields).casefold()
    return any(w.casefold() in text for w in words)


def test_sample_catalog_has_the_documented_size(sample_catalog: dict[str, Any]) -> None:
    docs = docs_from_catalog(sample_catalog)
    kinds = {k: sum(d.kind == k for d in docs) for k in ("item", "faq", "notice")}
    assert kinds["item"] >= 50 and kinds["faq"] >= 20 and kinds["notice"] >= 5, kinds


@pytest.mark.parametrize("query", list(RELEVANT))
def test_relevant_hits_first(
    sample_index: SearchIndex, sample_catalog: dict[str, Any], query: str
) -> None:
    category_names = {c["code"]: c.get("name_zh", "") for c in sample_catalog["categories"]}
    hits = sample_index.search(query)
    assert hits, f"nothing found for {query!r}"
    top = hits[:3]
    assert all(_relevant(h.doc, RELEVANT[query], category_names) for h in top), [
        (h.doc.id, h.doc.title_zh, h.field, h.match.value) for h in top
    ]


def test_one_search_returns_items_and_faqs_together(sample_index: SearchIndex) -> None:
    kinds = {h.doc.kind for h in sample_index.search("公积金")}
    assert {"item", "faq"} <= kinds


def test_faqs_and_notices_are_searchable(sample_index: SearchIndex) -> None:
    for doc in sample_index.docs:
        if doc.kind != "item":
            hits = sample_index.search(doc.title_zh, limit=len(sample_index))
            assert hits[0].doc.title_zh == doc.title_zh, doc.id


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_cjk_substring_of_a_sample_title_finds_its_document(
    sample_index: SearchIndex, data: st.DataObject
) -> None:
    docs = [d for d in sample_index.docs if any(is_cjk(c) for c in d.title_zh)]
    doc = data.draw(st.sampled_from(docs))
    cjk_positions = [i for i, c in enumerate(doc.title_zh) if is_cjk(c)]
    start = data.draw(st.sampled_from(cjk_positions))
    end = start
    while end < len(doc.title_zh) and end - start < 4 and is_cjk(doc.title_zh[end]):
        end += 1
    query = doc.title_zh[start : data.draw(st.integers(min_value=start + 1, max_value=end))]
    assert any(h.doc == doc for h in sample_index.search(query, limit=len(sample_index))), query
