"""The help desk answers from what the citizen saw at the kiosk, in the desk's language: the
catalog's FAQs and notices, the kiosk's item search, the kiosk's topics in English at an
English desk, and the consultation number on the notice handed over."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kiosk.paths import default_catalog_path
from tests.ui.help_desk.conftest import WAIT, ask
from tests.ui.help_desk.test_helpdesk_console import select
from ui.help_desk.items import ItemLinks

pytestmark = pytest.mark.gui


def open_desk(qtbot: Any, url: str, employee_no: str, pin: str, lang: str, tmp_path: Path) -> Any:
    from ui.help_desk.session import DeskSession
    from ui.help_desk.window import HelpDeskWindow

    window = HelpDeskWindow(DeskSession(url, lang), f"pdf://{tmp_path / 'prints'}")
    qtbot.addWidget(window)
    window.auto_login(employee_no, pin)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=WAIT):
        window.session.load_catalog()
    qtbot.waitUntil(lambda: window.session.on_duty, timeout=WAIT)
    return window


def test_item_lookup_finds_items_by_keyword(qtbot) -> None:
    catalog = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    links = ItemLinks()
    qtbot.addWidget(links)
    links.set_catalog(catalog, "zh")
    qtbot.waitUntil(lambda: links.index is not None, timeout=WAIT)
    assert "QY-001" in links.matches("营业执照")  # what the kiosk search finds for it
    links.search.setText("营业执照")
    links.search.returnPressed.emit()
    assert links.codes() and links.codes()[0] in links.matches("营业执照")
    links.set_codes([])
    links.search.setText("qiye")  # pinyin, as at the kiosk
    links.search.returnPressed.emit()
    assert links.codes(), "pinyin found nothing"


def test_faq_tab_lists_the_catalogs_faqs_and_notices(qtbot, sample_live, tmp_path) -> None:
    catalog = sample_live.client().get("/api/v1/catalog").json()
    w = open_desk(qtbot, sample_live.url, "2001", "1234", "zh", tmp_path)
    w.tabs.setCurrentIndex(1)
    page = w.knowledge
    faqs = {f["question_zh"] for f in catalog["faqs"]}
    qtbot.waitUntil(lambda: page.model.rowCount() >= len(faqs), timeout=WAIT)
    assert faqs <= {e["question_zh"] for e in page.model.entries}
    page.table.selectRow(0)
    assert page.editor.title_zh.isReadOnly() and not page.editor.save_button.isEnabled()
    page.kinds.button(1).click()
    notices = {n["title_zh"] for n in catalog["notices"]}
    qtbot.waitUntil(
        lambda: notices <= {e.get("title_zh") for e in page.model.entries}, timeout=WAIT
    )


def test_english_desk_reads_kiosk_topics_and_shares_in_english(qtbot, live, tmp_path) -> None:
    ask(live, "需要带什么材料", "换身份证要带什么？")  # as the kiosk sends it, in any language
    w = open_desk(qtbot, live.url, "8001", "8888", "en", tmp_path)
    qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=WAIT)
    topic = w.model.text(w.model.rows[0], "topic")
    assert topic == "Materials to bring"
    w.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: w.figures.loaded, timeout=WAIT)
    shown = w.figures.cards["faq"].text()
    assert shown == "0 (0%)", shown
    rows = [w.figures.topic_rows.itemAt(i).widget() for i in range(w.figures.topic_rows.count())]
    assert "Materials to bring" in [getattr(r, "text", lambda: "")() for r in rows]


def test_the_notice_printed_at_the_desk_names_the_consultation(
    qtbot, live, console, tmp_path: Path
) -> None:
    paper = tmp_path / "desk-printer"
    w = console(printer=f"escpos+file://{paper}")
    asked = ask(live, "社保", "养老保险要带什么？")
    select(qtbot, w, asked["id"])
    w.panel.claim_button.click()
    qtbot.waitUntil(lambda: w.panel.items.search.isVisible(), timeout=WAIT)
    w.panel.items.set_codes(["SB-1"])
    w.panel.items.print_button.click()
    qtbot.waitUntil(lambda: "已打印" in w.panel.feedback.text(), timeout=WAIT)
    assert asked["number"].startswith("ZX")
    assert asked["number"].encode("gb18030") in paper.read_bytes()
