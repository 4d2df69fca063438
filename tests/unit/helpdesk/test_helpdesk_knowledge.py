"""The knowledge base: FAQs and notices drafted, edited, published and retired, with who and
when; published entries reach the kiosk search from their live event alone."""

from __future__ import annotations

import pytest

from kiosk.engine.helpdesk.knowledge_docs import doc_from_event, retired_id
from kiosk.errors import Conflict, Invalid, NotFound
from kiosk.search import SearchIndex, docs_from_catalog
from tests.helpers.hallfactory import catalog_dict
from tests.unit.helpdesk.helpdesk_setup import KIOSK, desk

FAQ = {
    "question_zh": "社保卡丢了怎么办？",
    "answer_zh": "带身份证到社保窗口补办。",
    "items": ["SB-1"],
}


def test_faq_lifecycle_with_who_and_when(hall, clock) -> None:
    a = desk(hall)
    draft = hall.create_entry("faq", FAQ, a)
    assert draft["status"] == "draft" and draft["id"].startswith("HF-")
    assert draft["created_by"] == "8001" and draft["revision"] == 1
    clock.advance(60)
    edited = hall.update_entry("faq", draft["id"], {"keywords": ["补卡"]}, a)
    assert edited["keywords"] == ["补卡"] and edited["question_zh"] == FAQ["question_zh"]
    assert edited["revision"] == 2 and edited["updated_at"] > draft["updated_at"]
    published = hall.publish_entry("faq", draft["id"], a)
    assert published["status"] == "published" and published["published_by"] == "8001"
    with pytest.raises(Conflict):
        hall.publish_entry("faq", draft["id"], a)
    republished = hall.update_entry("faq", draft["id"], {"answer_zh": "可在自助机补办。"}, a)
    assert republished["status"] == "published"
    types = [e.type for e in hall.events_after(0) if e.type.startswith("faq.")]
    assert types == ["faq.drafted", "faq.edited", "faq.published", "faq.edited", "faq.published"]
    retired = hall.retire_entry("faq", draft["id"], a)
    assert retired["status"] == "retired" and retired["retired_by"] == "8001"
    assert [f["id"] for f in hall.entries("faq", "retired")] == [draft["id"]]


def test_validation(hall) -> None:
    a = desk(hall)
    with pytest.raises(Invalid):
        hall.create_entry("faq", {"question_zh": " "}, a)
    with pytest.raises(Invalid):
        hall.create_entry("faq", {**FAQ, "items": ["NOPE"]}, a)
    empty = hall.create_entry("notice", {"title_zh": "停电通知"}, a)
    with pytest.raises(Invalid):
        hall.publish_entry("notice", empty["id"], a)  # no body yet
    with pytest.raises(NotFound):
        hall.publish_entry("faq", empty["id"], a)  # a notice is not a FAQ
    with pytest.raises(NotFound):
        hall.entries("memo")


def test_published_entries_join_the_catalog_and_the_tag_moves(hall) -> None:
    a = desk(hall)
    tag = hall.knowledge_tag()
    faq = hall.create_entry("faq", FAQ, a)
    notice = hall.create_entry(
        "notice", {"title_zh": "周六延时服务", "body_zh": "本周六9:00-12:00开放。"}, a
    )
    assert hall.published_for_catalog() == ([], [])
    hall.publish_entry("faq", faq["id"], a)
    hall.publish_entry("notice", notice["id"], a)
    assert hall.knowledge_tag() != tag
    faqs, notices = hall.published_for_catalog()
    assert faqs[0]["source"] == "hall" and faqs[0]["question_en"] == FAQ["question_zh"]
    assert notices[0]["published_at"] == "2026-11-27" and notices[0]["source"] == "hall"
    merged = catalog_dict()
    merged["faqs"], merged["notices"] = faqs, notices
    found = SearchIndex.build(docs_from_catalog(merged)).search("社保卡丢了")
    assert found[0].doc.id == faq["id"]


def test_the_live_event_alone_makes_the_search_doc(hall) -> None:
    a = desk(hall)
    index = SearchIndex.build(docs_from_catalog(catalog_dict()))
    assert not [h for h in index.search("延时服务") if h.doc.kind == "notice"]
    faq = hall.create_entry("faq", FAQ, a)
    notice = hall.create_entry("notice", {"title_zh": "周六延时服务", "body_zh": "上午开放"}, a)
    for ref in ((faq, "faq"), (notice, "notice")):
        hall.publish_entry(ref[1], ref[0]["id"], a)
    item_category = {i["code"]: i["category"] for i in catalog_dict()["items"]}
    for ev in hall.events_after(0):
        doc = doc_from_event(ev.to_dict(), item_category)
        if doc is not None:
            index.add(doc)
    hits = index.search("sbk")  # pinyin initials of 社保卡
    assert faq["id"] in [h.doc.id for h in hits]
    faq_hit = next(h for h in hits if h.doc.id == faq["id"])
    assert faq_hit.doc.category == "SB" and faq_hit.doc.related == ("SB-1",)
    assert index.search("延时服务")[0].doc.id == notice["id"]
    hall.retire_entry("notice", notice["id"], a)
    last = hall.events_after(hall.last_seq - 1)[0].to_dict()
    assert retired_id(last) == ("notice", notice["id"])
    index.remove(notice["id"], "notice")
    assert not index.search("延时服务")


def test_make_this_an_faq(hall) -> None:
    a = desk(hall)
    c = hall.create_consultation("医保", "异地就医怎么备案？", actor=KIOSK)
    hall.claim(c["id"], a)
    with pytest.raises(Conflict):
        hall.make_faq(c["id"], a)  # no answer yet
    hall.resolve(c["id"], a, "在国家医保服务平台APP备案。", ["SB-2"])
    draft = hall.make_faq(c["id"], a)
    assert draft["status"] == "draft" and draft["consultation_id"] == c["id"]
    assert draft["question_zh"] == "异地就医怎么备案？" and draft["items"] == ["SB-2"]
    assert hall.consultation(c["id"])["faq_id"] == draft["id"]
    with pytest.raises(Conflict):
        hall.make_faq(c["id"], a)
