"""Search over items, FAQs and notices as the citizen types: Chinese substrings from one
character, full pinyin and initials, English; best first; FAQ answers open in place."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from ui.ticket_kiosk.widgets.search_model import (
    EXPANDED_ROLE,
    Result,
    SearchResultsModel,
)

pytestmark = pytest.mark.gui
WAIT_MS = 5000


def search(kiosk: Any, qtbot: Any, text: str) -> list[Any]:
    if kiosk.current[0] != "search":
        qtbot.mouseClick(kiosk.screens["home"].search, Qt.MouseButton.LeftButton)
    screen = kiosk.screens["search"]
    screen.field.clear()
    type_text(qtbot, screen.field, text)
    return screen.model.results


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Keys for Latin letters; Chinese arrives as the input method (the pinyin keyboard)
    delivers it: a committed string, which QTest key clicks cannot produce."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


CASES = [
    ("社保", "社"),  # two characters
    ("户口", "户口"),
    ("证", "证"),  # one character
    ("shenfenzheng", "身份证"),  # full pinyin
    ("sfz", "身份证"),  # initials
    ("passport", "护照"),  # English name, shown in Chinese
    ("gjj", "公积金"),
]


def test_search_cases(kiosk: Any, qtbot: Any) -> None:
    """One kiosk for all cases (each is a few keystrokes; a kiosk per case costs a second)."""
    for query, expected in CASES:
        results = search(kiosk, qtbot, query)
        assert results, query
        top = [f"{r.title} {r.subtitle}" for r in results[:3]]
        assert all(expected in t for t in top), (query, top)
        assert "条结果" in kiosk.screens["search"].count.text()


def test_best_match_first_and_marked(kiosk: Any, qtbot: Any) -> None:
    results = search(kiosk, qtbot, "身份证")
    first = results[0]
    assert first.title.startswith("身份证") or "身份证" in first.title
    start, end = first.highlights[0]
    assert first.title[start:end] == "身份证"
    kinds = {r.kind for r in results}
    assert {"item", "faq"} <= kinds  # one list for services and Q&A


def test_english_screen_searches_english_titles(kiosk: Any, qtbot: Any) -> None:
    qtbot.mouseClick(kiosk.header.lang, Qt.MouseButton.LeftButton)
    results = search(kiosk, qtbot, "housing fund")
    assert results and "housing" in results[0].title.lower()
    assert "result" in kiosk.screens["search"].count.text()


def test_nothing_found_points_to_the_help_desk(kiosk: Any, qtbot: Any) -> None:
    assert search(kiosk, qtbot, "xyzqwe") == []
    assert "咨询" in kiosk.screens["search"].count.text()


def test_faq_answer_opens_in_place_and_item_opens_notice(kiosk: Any, qtbot: Any) -> None:
    results = search(kiosk, qtbot, "身份证丢了")
    screen = kiosk.screens["search"]
    row = next(i for i, r in enumerate(results) if r.kind == "faq")
    index = screen.model.index(row, 0)
    closed = screen.list.visualRect(index).height()
    qtbot.mouseClick(
        screen.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=screen.list.visualRect(index).center(),
    )
    assert index.data(EXPANDED_ROLE) is True
    qtbot.waitUntil(lambda: screen.list.visualRect(index).height() > closed + 40, timeout=WAIT_MS)
    assert kiosk.current[0] == "search"  # in place: the list is still there
    assert "户口簿" in screen.model.results[row].body
    item_row = next(i for i, r in enumerate(screen.model.results) if r.kind == "item")
    item_index = screen.model.index(item_row, 0)
    screen.list.scrollTo(item_index)
    qtbot.mouseClick(
        screen.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=screen.list.visualRect(item_index).center(),
    )
    assert kiosk.current == ("item", screen.model.results[item_row].id)


def test_chip_fills_the_query(kiosk: Any, qtbot: Any) -> None:
    kiosk.go("search")
    screen = kiosk.screens["search"]
    chip = next(b for b in screen.findChildren(type(kiosk.header.back)) if b.text() == "护照")
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert screen.field.text() == "护照"
    assert any("护照" in r.title for r in screen.model.results)


def test_results_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = SearchResultsModel()
    model.set_results(
        [
            Result(
                "item",
                "HJ-004",
                "居民身份证首次申领",
                subtitle="户籍与身份证",
                highlights=((2, 5),),
            ),
            Result("faq", "FAQ-001", "身份证丢了怎么办？", body="持居民户口簿到户籍窗口申请补领。"),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.toggle(1) is True and model.toggle(0) is False
    qtmodeltester.check(model, force_py=True)
