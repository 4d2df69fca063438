"""Word-wrapped text whose last line is never one lone Chinese character.

Chinese wraps anywhere, so a sentence one character too long for its line leaves that character
alone below it ("...排队进" / "度"), which reads as a mistake, most of all in elder mode where the
type is biggest. The label moves the break back, after the last punctuation mark of the line
before when there is one, so the last line holds at least two characters.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QWidget

BREAK_AFTER = "，、；：。！？）》」"


def line_spans(text: str, font: QFont, width: int) -> list[tuple[int, int]]:
    """(start, length) of each line `text` wraps into at `width` pixels, as a QLabel wraps it
    (a newline starts a new line)."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    spans = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1, width))
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    return spans


def without_orphan(text: str, font: QFont, width: int) -> str:
    """`text` with a line break moved back if its last line would be one lone character."""
    if width <= 0:
        return text
    spans = line_spans(text, font, width)
    if len(spans) < 2:
        return text
    last = text[spans[-1][0] :].strip()
    if len(last) != 1 or last.isascii():
        return text
    start = spans[-2][0]
    before = text[start : spans[-1][0]].rstrip()
    marks = [i for i, c in enumerate(before[:-1]) if c in BREAK_AFTER]
    cut = start + (marks[-1] + 1 if marks else len(before) - 1)
    return text[:cut].rstrip() + "\n" + text[cut:].lstrip()


class BalancedLabel(QLabel):
    """A word-wrapped plain-text label that keeps its full text and re-breaks it on resize."""

    def __init__(self, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        if role:
            self.setProperty("role", role)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:
        self.full_text = text
        self._rebreak()

    def _rebreak(self) -> None:
        shown = without_orphan(self.full_text, self.font(), self.contentsRect().width())
        if shown != self.text():
            super().setText(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rebreak()
