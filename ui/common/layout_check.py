"""What a person would see wrong on a screen, found from the widgets rather than the pixels.

`findings(window, ...)` walks every visible widget of a shown window and reports:
- clipped: a label's or a button's text needs more room (width, or height once word-wrapped
  where the label wraps) than the widget gives it, measured with the widget's QFontMetrics;
- elided: text cut short with "…" by code, unless the widget says `elides=True` (its full text
  is a tap away); item views are checked the same way, row by row;
- overlap: two visible siblings drawn over each other (a widget that floats over others on
  purpose, a badge or a toast, says `overlay=True`);
- outside: a widget beyond the window, or beyond its parent (so cut off by it), unless it lies
  in a scroll area's content;
- scrollbar: a scroll bar showing where none is designed (a scroll area or item view that is
  meant to scroll says `scrolls=True`; item views scroll vertically by nature);
- small target: a button narrower or lower than a finger needs (`touch_px`);
- small text: text smaller than people can read where they stand (`min_text_px`).

Kept beside the layouts so `make screenshots` can print the same findings the test asserts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QFontInfo, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QStackedWidget,
    QStyle,
    QTabBar,
    QToolButton,
    QWidget,
)

SLACK = 2  # px: anti-aliasing and rounding, not a visible cut
ELLIPSIS = ("…", "...")
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Finding:
    kind: str
    widget: str  # objectName or class, from the window down
    text: str
    detail: str

    def line(self, where: str = "") -> str:
        prefix = f"{where} " if where else ""
        return f"{prefix}{self.kind}: {self.widget} {self.text!r} ({self.detail})"


def path(widget: QWidget, top: QWidget) -> str:
    parts = []
    w: QWidget | None = widget
    while w is not None and w is not top:
        parts.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return "/".join(reversed(parts))


def flag(widget: QWidget, name: str) -> bool:
    """A dynamic property set on the widget or on one of its ancestors."""
    w: QWidget | None = widget
    while w is not None:
        if bool(w.property(name)):
            return True
        w = w.parentWidget()
    return False


def in_scroll_content(widget: QWidget) -> bool:
    """Inside a scroll area's viewport: out of view by design, reached by scrolling."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def plain(text: str, fmt: Qt.TextFormat) -> str:
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and _TAGS.search(text) is not None
    )
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def visible_widgets(window: QWidget) -> Iterator[QWidget]:
    for w in window.findChildren(QWidget):
        if w.isWindow() or not w.isVisibleTo(window) or w.width() <= 0 or w.height() <= 0:
            continue
        yield w


def _label_room(label: QLabel) -> QRect:
    room = label.contentsRect()
    margin = label.margin()
    indent = max(label.indent(), 0)
    return room.adjusted(margin + indent, margin, -margin, -margin)


def _words_too_wide(fm: QFontMetrics, text: str, width: int) -> str | None:
    """A Latin word or a number wider than the line: it breaks mid-word or is cut."""
    for word in re.findall(r"[^\s\u3000-\u9fff\uff00-\uffef]+", text):
        if fm.horizontalAdvance(word) > width + SLACK:
            return word
    return None


def ink_slack(fm: QFontMetrics) -> int:
    """Line height the glyphs never use (CJK fonts reserve a lot above and below): a label
    that cuts only into it cuts nothing a person sees."""
    return max(0, fm.height() - fm.tightBoundingRect("国Hgjy").height())


def full_text(widget: QWidget) -> str:
    """The text a widget would show whole: what an eliding label keeps aside (`full`), its
    tooltip or its accessible name."""
    full = getattr(widget, "full", None)
    if isinstance(full, str) and full:
        return full
    return widget.toolTip() or widget.accessibleName()


def elided(widget: QWidget, text: str) -> bool:
    """Cut short with an ellipsis by code: the text without its "…" begins a longer text the
    widget holds. (A message that simply ends in "…", such as "reconnecting…", is whole.)"""
    for mark in ELLIPSIS:
        if text.endswith(mark):
            head, full = text[: -len(mark)].rstrip(), full_text(widget)
            return bool(full) and full != text and full.startswith(head)
    return False


def check_label(label: QLabel, top: QWidget) -> list[Finding]:
    text = plain(label.text(), label.textFormat()).strip()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    found = []
    name = path(label, top)
    fm = QFontMetrics(label.font())
    room = _label_room(label)
    slack = ink_slack(fm) + SLACK
    if elided(label, text) and not flag(label, "elides"):
        found.append(Finding("elided", name, full_text(label), f"shows {text!r}"))
    if label.wordWrap():
        word = _words_too_wide(fm, text, room.width())
        if word is not None:
            found.append(Finding("clipped", name, text, f"{word!r} wider than {room.width()}"))
        need = fm.boundingRect(
            QRect(0, 0, max(room.width(), 1), 100000),
            int(Qt.TextFlag.TextWordWrap) | int(label.alignment()),
            text,
        ).height()
        if need > room.height() + slack:
            found.append(
                Finding("clipped", name, text, f"needs {need} px high, has {room.height()}")
            )
        return found
    lines = text.split("\n")
    width = max(fm.horizontalAdvance(line) for line in lines)
    if width > room.width() + SLACK:
        found.append(Finding("clipped", name, text, f"needs {width} px wide, has {room.width()}"))
    height = fm.height() + fm.lineSpacing() * (len(lines) - 1)
    if height > room.height() + slack:
        found.append(Finding("clipped", name, text, f"needs {height} px high, has {room.height()}"))
    return found


def check_button(button: QAbstractButton, top: QWidget) -> list[Finding]:
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    if not text:
        return []
    name = path(button, top)
    found = []
    if elided(button, text) and not flag(button, "elides"):
        found.append(Finding("elided", name, full_text(button), f"shows {text!r}"))
    if isinstance(button, QPushButton | QToolButton | QCheckBox | QRadioButton):
        hint = button.sizeHint()
        if hint.width() > button.width() + SLACK:
            detail = f"needs {hint.width()} px wide, has {button.width()}"
            found.append(Finding("clipped", name, text, detail))
        if hint.height() > button.height() + SLACK:
            detail = f"needs {hint.height()} px high, has {button.height()}"
            found.append(Finding("clipped", name, text, detail))
    return found


def check_line_edit(edit: QLineEdit, top: QWidget) -> list[Finding]:
    """A read-only field shows a value a person must read whole."""
    text = edit.text()
    if not text or not edit.isReadOnly():
        return []
    fm = QFontMetrics(edit.font())
    room = edit.contentsRect().width() - 8  # the frame's and the style's text margins
    if fm.horizontalAdvance(text) > room + SLACK and not flag(edit, "elides"):
        detail = f"needs {fm.horizontalAdvance(text)} px wide, has {room}"
        return [Finding("clipped", path(edit, top), text, detail)]
    return []


def check_view(view: QAbstractItemView, top: QWidget) -> list[Finding]:
    """Rows of a list or table: the text of each visible cell against the cell's room."""
    if flag(view, "elides"):
        return []
    model = view.model()
    if model is None:
        return []
    found: list[Finding] = []
    fm = QFontMetrics(view.font())
    area = view.viewport().rect()
    wraps = bool(getattr(view, "wordWrap", lambda: False)())
    root = view.rootIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model keeps columnCount to itself: one column
        columns = 1
    for row in range(min(model.rowCount(root), 200)):
        for col in range(columns):
            index = model.index(row, col, root)
            rect = view.visualRect(index)
            if not rect.isValid() or not area.intersects(rect):
                continue
            if view.indexWidget(index) is not None:
                continue
            found += _check_cell(view, index, rect, fm, wraps, top)
    return found[:20]


def _check_cell(
    view: QAbstractItemView,
    index: QModelIndex,
    rect: QRect,
    fm: QFontMetrics,
    wraps: bool,
    top: QWidget,
) -> list[Finding]:
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if not isinstance(text, str) or not text.strip():
        return []
    font = index.data(Qt.ItemDataRole.FontRole)
    if font is not None:
        fm = QFontMetrics(font)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    room = rect.width() - 2 * margin  # the item delegate's text margins
    if index.data(Qt.ItemDataRole.DecorationRole) is not None:
        room -= view.iconSize().width() + 4
    lines = text.split("\n")
    name = f"{path(view, top)}[{index.row()},{index.column()}]"
    if wraps:
        word = _words_too_wide(fm, text, room)
        if word is not None:  # a wrapping cell breaks lines between words, and elides a word
            return [Finding("elided", name, text, f"{word!r} wider than {room}")]
        need = fm.boundingRect(
            QRect(0, 0, max(room, 1), 100000), int(Qt.TextFlag.TextWordWrap), text
        ).height()
        if need > rect.height() + SLACK:
            return [Finding("clipped", name, text, f"needs {need} px high, has {rect.height()}")]
        return []
    width = max(fm.horizontalAdvance(line) for line in lines)
    if width > room + SLACK:
        return [Finding("elided", name, text, f"needs {width} px wide, has {room}")]
    return []


def check_tabs(tabs: QTabBar, top: QWidget) -> list[Finding]:
    found = []
    for i in range(tabs.count()):
        text = tabs.tabText(i).replace("&", "")
        fm = QFontMetrics(tabs.font())
        need = max(fm.horizontalAdvance(line) for line in text.split("\n"))  # a title may wrap
        have = tabs.tabRect(i).width() - 8
        if need > have + SLACK:
            detail = f"needs {need} px wide, has {have}"
            found.append(Finding("clipped", f"{path(tabs, top)}[{i}]", text, detail))
    return found


def _text_of(w: QWidget) -> str:
    if isinstance(w, QLabel):
        return plain(w.text(), w.textFormat()).strip()
    if isinstance(w, QAbstractButton):
        return w.text().strip()
    if isinstance(w, QLineEdit):
        return w.text() or w.placeholderText()
    return ""


def check_geometry(w: QWidget, top: QWidget) -> list[Finding]:
    found = []
    scrolled = in_scroll_content(w)
    name = path(w, top)
    rect = QRect(w.mapTo(top, QPoint(0, 0)), w.size())
    if not scrolled and not QRect(QPoint(0, 0), top.size()).contains(rect):
        found.append(Finding("outside", name, _text_of(w), f"{_r(rect)} beyond the window"))
        return found
    parent = w.parentWidget()
    cut_by_parent = (
        parent is not None
        and parent is not top
        and not scrolled
        and not flag(w, "overlay")
        and not isinstance(parent, QStackedWidget)
        and not parent.rect().contains(w.geometry())
    )
    if cut_by_parent and parent is not None:
        detail = f"{_r(w.geometry())} beyond its parent {parent.width()}x{parent.height()}"
        found.append(Finding("outside", name, _text_of(w), detail))
    return found


def _r(rect: QRect) -> str:
    return f"{rect.width()}x{rect.height()}+{rect.x()}+{rect.y()}"


def check_overlaps(parent: QWidget, top: QWidget) -> list[Finding]:
    if isinstance(parent, QStackedWidget | QAbstractScrollArea):
        return []  # pages stacked by design; a scroll area's bars sit beside its viewport
    kids = [
        k
        for k in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if not k.isWindow()
        and k.isVisibleTo(top)
        and k.width() > 0
        and k.height() > 0
        and not flag(k, "overlay")
    ]
    found = []
    for i, a in enumerate(kids):
        for b in kids[i + 1 :]:
            both = a.geometry().intersected(b.geometry())
            if both.width() > SLACK and both.height() > SLACK:
                detail = f"{_r(a.geometry())} over {path(b, top)} {_r(b.geometry())}"
                found.append(Finding("overlap", path(a, top), _text_of(a) or _text_of(b), detail))
    return found


def check_scrollbar(bar: QScrollBar, top: QWidget) -> list[Finding]:
    area = bar.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None or flag(area, "scrolls"):
        return []
    vertical = bar.orientation() == Qt.Orientation.Vertical
    if vertical and isinstance(area, QAbstractItemView):
        return []  # lists grow; scrolling them is what they are for
    which = "vertical" if vertical else "horizontal"
    return [Finding("scrollbar", path(area, top), "", f"a {which} scroll bar shows")]


def findings(window: QWidget, *, touch_px: int = 0, min_text_px: int = 0) -> list[Finding]:
    """Everything wrong with `window` as shown now (it must be shown and laid out)."""
    found: list[Finding] = []
    for w in visible_widgets(window):
        found += check_geometry(w, window)
        found += check_overlaps(w, window)
        if isinstance(w, QLabel):
            found += check_label(w, window)
        elif isinstance(w, QAbstractButton):
            found += check_button(w, window)
            if touch_px and min(w.width(), w.height()) < touch_px:
                detail = f"{w.width()}x{w.height()} < {touch_px} px"
                found.append(Finding("small target", path(w, window), w.text(), detail))
        elif isinstance(w, QLineEdit):
            found += check_line_edit(w, window)
        elif isinstance(w, QAbstractItemView):
            found += check_view(w, window)
        elif isinstance(w, QTabBar):
            found += check_tabs(w, window)
        elif isinstance(w, QScrollBar):
            found += check_scrollbar(w, window)
        elif isinstance(w, QComboBox | QAbstractSpinBox) and touch_px and w.height() < touch_px:
            detail = f"{w.width()}x{w.height()} < {touch_px} px"
            found.append(Finding("small target", path(w, window), "", detail))
        if min_text_px and _text_of(w):
            px = QFontInfo(w.font()).pixelSize()
            if px < min_text_px:
                detail = f"{px} px < {min_text_px} px"
                found.append(Finding("small text", path(w, window), _text_of(w), detail))
    found += check_overlaps(window, window)
    return found
