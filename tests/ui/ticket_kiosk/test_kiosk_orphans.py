"""No line of Chinese on the ticket screen ends in one lone character (a "度" on a line of its
own reads as a mistake), in elder mode, where the type is biggest, and in the normal mode."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel

from tests.ui.ticket_kiosk.test_kiosk_ticket import take_via_item

pytestmark = pytest.mark.gui


def lines_of(label: QLabel) -> list[str]:
    """The lines a word-wrapped label draws its text in, at its present width."""
    text, width = label.text(), label.contentsRect().width()
    layout = QTextLayout(text.replace("\n", "\u2028"), label.font())  # a newline breaks, as in Qt
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def orphans(root: Any) -> list[tuple[str, list[str]]]:
    found = []
    for label in root.findChildren(QLabel):
        if not (label.isVisibleTo(root) and label.wordWrap() and label.text()):
            continue
        if label.textFormat() != label.textFormat().PlainText and "<" in label.text():
            continue
        lines = [ln.strip() for ln in lines_of(label)]
        if len(lines) > 1 and len(lines[-1]) == 1 and not lines[-1].isascii():
            found.append((label.text(), lines))
    return found


@pytest.mark.parametrize("elder", [True, False])
def test_no_lone_character_on_the_ticket(
    elder: bool, sample_live: Any, make_kiosk: Any, qtbot: Any
) -> None:
    kiosk = make_kiosk(sample_live.url, sample_live.tokens["kiosk"], elder=elder)
    take_via_item(kiosk, qtbot, "GONGJIJIN", "GJJ-001")
    screen = kiosk.screens["ticket"]
    qtbot.wait(50)  # the layout settles after the ticket is shown
    assert not orphans(screen), orphans(screen)
