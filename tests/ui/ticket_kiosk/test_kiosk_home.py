"""Home: a tile per queue with live counts (pushed, not polled), footer, language and elder mode."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

pytestmark = pytest.mark.gui
WAIT_MS = 5000


def tile_text(window: Any, code: str) -> str:
    tile = window.screens["home"].tiles[code]
    return f"{tile.title.text()} {tile.detail.text()} {tile.extra.text()}"


def test_home_has_a_tile_per_ticket_queue_with_counts(kiosk: Any) -> None:
    catalog = kiosk.ctx.hall.catalog
    codes = [c["code"] for c in catalog.ticket_categories]
    assert list(kiosk.screens["home"].tiles) == codes
    assert "ZIXUN" not in codes  # the help desk's queue is reached through 我要咨询
    assert "社保业务" in tile_text(kiosk, "SHEBAO")
    assert "等候 0 人" in tile_text(kiosk, "SHEBAO")
    assert kiosk.header.title.full == "请选择您要办理的业务"
    assert kiosk.footer.hall.text() == "S市政务服务中心"
    assert catalog.version in kiosk.footer.version.text()
    assert "星期" in kiosk.footer.clock.text()


def test_counts_follow_live_events_without_polling(
    kiosk: Any, sample_live: Any, qtbot: Any
) -> None:
    sample_live.login("1002", "1234", 2)  # a window serves YIBAO: its tile has a figure
    qtbot.wait(1500)  # the refresh the window's opening brings
    gets: list[str] = []
    original = kiosk.ctx.api.get
    kiosk.ctx.api.get = lambda path, params=None: (gets.append(path), original(path, params))[1]
    qtbot.wait(1200)
    assert "/api/v1/queue" not in gets  # idle: nothing is polled
    token = sample_live.tokens["kiosk"]
    for _ in range(3):  # three issues close together: one coalesced refresh
        r = httpx.post(
            f"{sample_live.url}/api/v1/tickets",
            json={"category": "YIBAO"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert r.status_code == 201
    qtbot.waitUntil(lambda: "等候 3 人" in tile_text(kiosk, "YIBAO"), timeout=WAIT_MS)
    assert "约" in kiosk.screens["home"].tiles["YIBAO"].extra.text()
    assert 1 <= gets.count("/api/v1/queue") <= 2


def test_language_switch_and_back(kiosk: Any, qtbot: Any) -> None:
    qtbot.mouseClick(kiosk.header.lang, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Social insurance" in tile_text(kiosk, "SHEBAO"), timeout=WAIT_MS)
    assert kiosk.header.title.full == "Please choose a service"
    assert kiosk.header.lang.text() == "中文"
    assert kiosk.footer.hall.text() == "S City Government Service Center"
    qtbot.mouseClick(kiosk.header.lang, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "社保业务" in tile_text(kiosk, "SHEBAO"), timeout=WAIT_MS)
    assert kiosk.header.title.full == "请选择您要办理的业务"


def test_elder_mode_is_larger_with_fewer_choices_and_speaks(
    kiosk: Any, qtbot: Any, speaker: Any
) -> None:
    home = kiosk.screens["home"]
    title = home.tiles["SHEBAO"].title
    lead = kiosk.screens["category"].status
    before = (title.font().pointSizeF(), lead.font().pointSizeF())
    assert home.grid.per_page >= 13
    assert speaker.said == []  # no voice outside elder mode
    qtbot.mouseClick(kiosk.header.elder, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: home.grid.per_page == 6, timeout=WAIT_MS)
    after = (title.font().pointSizeF(), lead.font().pointSizeF())
    assert after[0] >= 1.5 * before[0] and after[1] >= 1.5 * before[1]
    assert home.grid.pages == 3 and home.grid.next.isVisible()
    qtbot.waitUntil(lambda: bool(speaker.said), timeout=WAIT_MS)
    assert "请点击您要办理的业务" in speaker.said[-1].text
    assert speaker.said[-1].lang == "zh" and speaker.said[-1].chime is False
    qtbot.mouseClick(home.grid.next, Qt.MouseButton.LeftButton)
    assert home.grid.page == 1 and home.grid.prev.isEnabled()
    kiosk.go("category", "HUJI")
    qtbot.waitUntil(lambda: "事项" in speaker.said[-1].text, timeout=WAIT_MS)
    assert kiosk.screens["category"].green.isVisible()


def test_every_label_font_is_chinese_capable(kiosk: Any) -> None:
    """Boxes instead of characters is the classic kiosk failure: the app font has CJK glyphs."""
    from PySide6.QtGui import QFontDatabase

    family = kiosk.findChildren(QLabel)[0].font().family()
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def test_a_kiosk_started_in_portrait_shows_a_whole_page_of_tiles(
    sample_live: Any, kiosk_qt: None, qtbot: Any, speaker: Any
) -> None:
    """Sized for a portrait panel before its data came (`--size 1080x1920`): showing the first
    tile reshaped the grid midway through placing them, and the page kept one tile."""
    from ui.ticket_kiosk.app import create_kiosk

    window = create_kiosk(sample_live.url, sample_live.tokens["kiosk"], speaker=lambda: speaker)
    qtbot.addWidget(window)
    window.resize(1080, 1920)
    window.show()
    home = window.screens["home"]
    qtbot.waitUntil(lambda: bool(home.tiles), timeout=WAIT_MS)
    qtbot.wait(300)  # the reshapes the first data brings
    grid = home.grid
    on_page = grid.cells[grid.page * grid.per_page : (grid.page + 1) * grid.per_page]
    assert len(on_page) > 1
    assert [c for c in grid.cells if c.isVisible()] == on_page
    window.close()
