"""Properties: whatever part of a title a citizen types, the document is found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.search import SearchDoc, SearchIndex, Tier
from kiosk.search.pinyin import pinyin_form
from kiosk.search.text import is_cjk

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


def _cjk_substring(data: st.DataObject, docs: list[SearchDoc]) -> tuple[SearchDoc, str]:
    doc = data.draw(st.sampled_from([d for d in docs if any(is_cjk(c) for c in d.title_zh)]))
    title = doc.title_zh
    starts = [i for i, c in enumerate(title) if is_cjk(c)]
    start = data.draw(st.sampled_from(starts))
    run = len(title) - start
    for offset, c in enumerate(title[start:]):
        if not is_cjk(c):
            run = offset
            break
    length = data.draw(st.integers(min_value=1, max_value=min(4, run)))
    return doc, title[start : start + length]


def _found(index: SearchIndex, query: str, doc: SearchDoc) -> bool:
    return any(h.doc == doc for h in index.search(query, limit=len(index)))


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_cjk_substring_of_a_title_finds_its_document(
    shared_index: SearchIndex, shared_docs: list[SearchDoc], data: st.DataObject
) -> None:
    doc, query = _cjk_substring(data, shared_docs)
    assert _found(shared_index, query, doc), query


@settings(max_examples=200, deadline=None)
@given(data=st.data(), initials=st.booleans(), spaced=st.booleans())
def test_pinyin_of_any_part_of_a_title_finds_its_document(
    shared_index: SearchIndex,
    shared_docs: list[SearchDoc],
    data: st.DataObject,
    initials: bool,
    spaced: bool,
) -> None:
    doc = data.draw(st.sampled_from(shared_docs))
    form = pinyin_form(doc.title_zh)
    start = data.draw(st.integers(min_value=0, max_value=form.size - 1))
    end = data.draw(st.integers(min_value=start + 1, max_value=min(form.size, start + 6)))
    syllables = [r[0][0] if initials else r[0] for r in form.readings[start:end]]
    query = (" " if spaced else "").join(syllables)
    assert _found(shared_index, query, doc), query


@settings(max_examples=200, deadline=None)
@given(query=st.text(max_size=30), limit=st.integers(min_value=0, max_value=30))
def test_any_text_is_a_valid_query(shared_index: SearchIndex, query: str, limit: int) -> None:
    hits = shared_index.search(query, limit=limit)
    assert len(hits) <= limit
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    if not query.strip():
        assert hits == []


@settings(max_examples=100, deadline=None)
@given(title=st.text(CJK, min_size=1, max_size=12))
def test_an_added_document_is_found_by_its_title_at_once(
    shared_docs: list[SearchDoc], title: str
) -> None:
    index = SearchIndex.build(shared_docs)
    doc = SearchDoc("faq", "NEW", title, body_zh="答案")
    index.add(doc)
    hits = index.search(title, limit=len(index))
    assert any(h.doc == doc and h.score >= Tier.TITLE_EXACT for h in hits)
    assert hits[0].score >= Tier.TITLE_EXACT
