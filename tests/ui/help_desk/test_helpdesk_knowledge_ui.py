"""Publishing an FAQ at the console puts it in the kiosk search at once: the kiosk's live feed
receives `faq.published`, and the SearchDoc built from that event alone is found by the
kiosk's SearchIndex; retiring it takes it out again. GET /catalog carries it for kiosks that
start later."""

from __future__ import annotations

import httpx
import pytest

from kiosk.engine.helpdesk.knowledge_docs import doc_from_event, retired_id
from kiosk.search import SearchIndex, docs_from_catalog
from tests.ui.help_desk.conftest import WAIT
from ui.common.live import LiveFeed


@pytest.mark.gui
def test_publish_reaches_the_kiosk_search(qtbot, live, console) -> None:
    catalog = httpx.get(f"{live.url}/api/v1/catalog").json()
    index = SearchIndex.build(docs_from_catalog(catalog))
    item_category = {i["code"]: i["category"] for i in catalog["items"]}
    kiosk = LiveFeed(live.url, live.tokens["kiosk"], after_seq=live.hall.last_seq)
    seen: list[dict] = []
    kiosk.received.connect(seen.append)
    kiosk.start()
    qtbot.waitUntil(lambda: kiosk.is_connected, timeout=WAIT)
    assert not index.search("医保卡丢失")

    w = console()
    w.tabs.setCurrentIndex(1)
    page = w.knowledge
    page.new_button.click()
    page.editor.title_zh.setText("医保卡丢失怎么办？")
    page.editor.body_zh.setPlainText("先电话挂失，再带身份证到社保窗口补办。")
    page.editor.keywords.setText("医保卡、补卡")
    page.editor.items.setText("sb-1")
    page.editor.publish_button.click()  # saves the draft, then publishes it
    qtbot.waitUntil(lambda: any(e["type"] == "faq.published" for e in seen), timeout=WAIT)
    qtbot.waitUntil(lambda: "已发布" in page.editor.feedback.text(), timeout=WAIT)
    assert page.model.rowCount() == 1 and page.model.entries[0]["status"] == "published"
    assert "8001" in page.model.entries[0]["published_by"]

    for ev in seen:
        doc = doc_from_event(ev, item_category)
        if doc is not None:
            index.add(doc)
    hit = index.search("医保卡丢失")[0]
    assert hit.doc.kind == "faq" and hit.doc.category == "SB" and hit.doc.related == ("SB-1",)
    assert index.search("yibaoka")[0].doc.id == hit.doc.id  # pinyin, as at the kiosk
    merged = httpx.get(f"{live.url}/api/v1/catalog").json()["faqs"]
    assert [f["id"] for f in merged if f.get("source") == "hall"] == [hit.doc.id]

    page.editor.retire_button.click()
    qtbot.waitUntil(lambda: any(e["type"] == "faq.retired" for e in seen), timeout=WAIT)
    retired = next(retired_id(e) for e in seen if e["type"] == "faq.retired")
    index.remove(retired[1], retired[0])
    assert not [h for h in index.search("医保卡丢失") if h.doc.id == hit.doc.id]
    kiosk.stop()


@pytest.mark.gui
def test_notices_and_refusals_show_in_the_editor(qtbot, live, console) -> None:
    w = console()
    w.tabs.setCurrentIndex(1)
    page = w.knowledge
    page.kinds.button(1).click()  # notices
    assert not page.editor.form.isRowVisible(page.editor.items)
    page.new_button.click()
    page.editor.title_zh.setText("周六延时服务")
    page.editor.publish_button.click()  # no text: the server refuses in Chinese
    qtbot.waitUntil(lambda: "内容不能为空" in page.editor.feedback.text(), timeout=WAIT)
    page.editor.body_zh.setPlainText("本周六上午开放。")
    page.editor.publish_button.click()
    qtbot.waitUntil(lambda: "已发布" in page.editor.feedback.text(), timeout=WAIT)
    assert live.hall.entries("notice")[0]["status"] == "published"
