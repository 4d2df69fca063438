"""The layout checker's tab rule (ui.common.layout_check.check_tabs): a tab title on two lines
is measured by its longer line, and a title its tab cannot hold is still found."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QTabWidget, QWidget

from ui.common.layout_check import check_tabs

pytestmark = pytest.mark.gui


def _bar(qtbot, titles: list[str], width: int):  # type: ignore[no-untyped-def]
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    for title in titles:
        tabs.addTab(QWidget(), title)
    tabs.tabBar().setUsesScrollButtons(False)
    tabs.resize(width, 200)
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs.tabBar(), tabs


def test_a_two_line_title_that_fits_is_not_a_finding(qtbot) -> None:
    bar, top = _bar(qtbot, ["Handling time\nper service item", "Summary"], 900)
    assert check_tabs(bar, top) == []


def test_a_title_its_tab_cannot_hold_is_found(qtbot) -> None:
    bar, top = _bar(qtbot, ["Handling time\nper service item", "Summary"], 900)
    bar.setStyleSheet("QTabBar::tab { width: 90px; }")  # narrower than "per service item"
    qtbot.waitUntil(lambda: bar.tabRect(0).width() < 120)
    found = check_tabs(bar, top)
    assert found and all(f.kind == "clipped" for f in found)
