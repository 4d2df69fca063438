"""Real-name tickets, tickets left and the closed hall at the kiosk, with pytest-qt against a
real server: a keyboard-wedge reader's key events, the on-screen entry, the green channel offer,
the same card again; and pictures of each state (saved beside the test's files: look at them,
`make screenshots` runs this file to keep the shipped ones)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kiosk.clock import FakeClock
from kiosk.idcard import make_id_number
from kiosk.privacy import mask_id
from tests.helpers.hallfactory import make_sample_hall
from tests.helpers.server import running
from tests.unit.issuing.conftest import local

pytestmark = pytest.mark.gui
WAIT_MS = 8000
YOUNG = make_id_number("370202", date(1990, 5, 20), 41)
ELDER = make_id_number("370203", date(1940, 2, 2), 42)


def shot(widget: Any, tmp_path: Path, name: str) -> Path:
    """The picture in $KIOSK_SCREENSHOTS (`make screenshots` sets it), else beside the test's
    files."""
    path = Path(os.environ.get("KIOSK_SCREENSHOTS") or tmp_path) / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def to_card_screen(kiosk: Any, qtbot: Any, category: str) -> Any:
    kiosk.go("category", category)
    screen = kiosk.screens["category"]
    qtbot.waitUntil(lambda: screen.card.isVisible(), timeout=WAIT_MS)
    qtbot.mouseClick(screen.card, Qt.MouseButton.LeftButton)
    assert kiosk.current[0] == "realname"
    return kiosk.screens["realname"]


def wedge_types(qtbot: Any, target: Any, line: str) -> None:
    """What a keyboard-wedge reader does: one key event per character, then Enter."""
    qtbot.keyClicks(target, line)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def test_a_required_category_takes_the_card_from_a_wedge_reader(
    kiosk: Any, sample_live: Any, qtbot: Any, tmp_path: Path
) -> None:
    kiosk.go("category", "CHURUJING")
    category = kiosk.screens["category"]
    qtbot.waitUntil(lambda: category.card.isVisible(), timeout=WAIT_MS)
    assert not category.take.isVisible()  # 出入境: real-name tickets only
    assert "本业务须实名取号" in category.notice.text() and "今日剩余" in category.notice.text()
    screen = to_card_screen(kiosk, qtbot, "CHURUJING")
    shot(kiosk, tmp_path, "kiosk-realname")
    wedge_types(qtbot, screen.field, YOUNG)
    qtbot.waitUntil(lambda: kiosk.current[0] == "ticket", timeout=WAIT_MS)
    ticket = kiosk.screens["ticket"].issued.ticket
    assert ticket["realname"] is True and ticket["category"] == "CHURUJING"
    assert ticket["realname_masked"] == mask_id(YOUNG)
    # the same card again, typed on the screen: the ticket already held, shown again
    screen = to_card_screen(kiosk, qtbot, "CHURUJING")
    qtbot.keyClicks(screen.field, YOUNG)
    qtbot.mouseClick(screen.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.current[0] == "ticket", timeout=WAIT_MS)
    again = kiosk.screens["ticket"]
    assert again.issued.ticket["id"] == ticket["id"]
    assert "您今天已取过该业务的号" in again.note.text()
    issued = [e for e in sample_live.hall.events_after(0) if e.type == "ticket.issued"]
    assert len(issued) == 1


def test_a_wrong_number_is_said_at_once(kiosk: Any, qtbot: Any, tmp_path: Path) -> None:
    screen = to_card_screen(kiosk, qtbot, "CHURUJING")
    wrong = YOUNG[:-1] + ("1" if YOUNG[-1] != "1" else "2")
    qtbot.keyClicks(screen.field, wrong)
    qtbot.mouseClick(screen.go, Qt.MouseButton.LeftButton)
    assert screen.error.isVisible() and "校验位不正确" in screen.error.text()
    assert kiosk.current[0] == "realname"
    shot(kiosk, tmp_path, "kiosk-realname-wrong")
    wedge_types(qtbot, screen.field, "hello")
    assert "未能读取" in screen.error.text()


def test_the_green_channel_is_offered_never_forced(kiosk: Any, qtbot: Any, tmp_path: Path) -> None:
    screen = to_card_screen(kiosk, qtbot, "SHEBAO")
    wedge_types(qtbot, screen.field, ELDER)
    qtbot.waitUntil(lambda: screen.green.isVisible(), timeout=WAIT_MS)
    assert screen.normal.isVisible() and "年满70周岁" in screen.offer.text()
    assert mask_id(ELDER) in screen.masked.text() and ELDER not in screen.masked.text()
    shot(kiosk, tmp_path, "kiosk-realname-green-offer")
    assert kiosk.current[0] == "realname"  # nothing issued until the citizen chooses
    qtbot.mouseClick(screen.green, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.current[0] == "ticket", timeout=WAIT_MS)
    assert kiosk.screens["ticket"].issued.ticket["priority"] == "green"


def test_home_shows_tickets_left_and_the_trial_footer(
    kiosk: Any, qtbot: Any, tmp_path: Path
) -> None:
    tile = kiosk.screens["home"].tiles["CHURUJING"]
    qtbot.waitUntil(lambda: "今日剩余" in tile.note.text(), timeout=WAIT_MS)
    assert "试运行模式" in kiosk.footer.trial.text()
    assert "今日剩余" not in kiosk.screens["home"].tiles["SHEBAO"].note.text()  # no quota
    shot(kiosk, tmp_path, "kiosk-quota-left")


@pytest.fixture
def closed_hall(tmp_path: Path) -> Any:
    """The sample hall on a Saturday afternoon, keeping its hours (not trial mode)."""
    hall = make_sample_hall(tmp_path / "closed.db", FakeClock(local(2026, 11, 28, 16, 45)))
    hall.always_open = False
    with running(hall) as live:
        yield live
    hall.close()


def test_a_closed_hall_says_why_and_when(
    closed_hall: Any, make_kiosk: Any, qtbot: Any, tmp_path: Path
) -> None:
    kiosk = make_kiosk(closed_hall.url, closed_hall.tokens["kiosk"])
    tile = kiosk.screens["home"].tiles["SHEBAO"]
    qtbot.waitUntil(lambda: "今天大厅不办公" in tile.note.text(), timeout=WAIT_MS)
    assert "11月30日（周一）09:00起取号" in tile.note.text()
    assert "试运行模式" not in kiosk.footer.trial.text()
    shot(kiosk, tmp_path, "kiosk-closed")
    kiosk.go("category", "SHEBAO")
    category = kiosk.screens["category"]
    assert not category.take.isEnabled() and not category.card.isEnabled()
    assert "今天大厅不办公" in category.notice.text()
