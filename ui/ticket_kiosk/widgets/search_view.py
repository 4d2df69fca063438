"""The search result list: cards with a kind badge, the title with the matched part marked,
and, for an opened FAQ or notice, its full text in place.

Painted by a delegate (no widget per row, see search_model). The matched characters are red
and bold, as Chinese search pages mark them, so "sfz" visibly found 身份证.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.ticket_kiosk.widgets.search_model import (
    BODY_ROLE,
    EXPANDED_ROLE,
    HIGHLIGHTS_ROLE,
    KIND_ROLE,
    SUBTITLE_ROLE,
)

Index = QModelIndex | QPersistentModelIndex
PAD, GAP, BADGE_W = 22, 8, 110
BADGE = {"item": "#0b3d91", "faq": "#1b7f3b", "notice": "#9a5b00"}


def kind_text(kind: str) -> str:
    return {
        "item": QCoreApplication.translate("SearchResults", "Service"),
        "faq": QCoreApplication.translate("SearchResults", "Q&A"),
        "notice": QCoreApplication.translate("SearchResults", "Notice"),
    }.get(kind, kind)


def marked(title: str, spans: list[tuple[int, int]]) -> str:
    out, at = [], 0
    for start, end in sorted(spans):
        out.append(html.escape(title[at:start]))
        out.append(f'<span style="color:#c8102e">{html.escape(title[start:end])}</span>')
        at = max(at, end)
    out.append(html.escape(title[at:]))
    return "".join(out)


class ResultDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def _docs(self, index: Index, font: QFont, width: float) -> list[QTextDocument]:
        title_font = QFont(font)
        title_font.setBold(True)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.72)
        body_font = QFont(font)
        body_font.setPointSizeF(font.pointSizeF() * 0.82)
        docs = []
        spans = [tuple(s) for s in index.data(HIGHLIGHTS_ROLE) or ()]
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        for text, f, rich in (
            (marked(title, spans), title_font, True),
            (str(index.data(SUBTITLE_ROLE) or ""), small, False),
            (
                str(index.data(BODY_ROLE) or "") if index.data(EXPANDED_ROLE) else "",
                body_font,
                False,
            ),
        ):
            doc = QTextDocument()
            doc.setDocumentMargin(0)
            doc.setDefaultFont(f)
            doc.setHtml(text) if rich else doc.setPlainText(text)
            doc.setTextWidth(width)
            docs.append(doc)
        return docs

    def _text_width(self) -> float:
        return max(200.0, self.view.viewport().width() - 2 * PAD - BADGE_W - 60)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        docs = self._docs(index, option.font, self._text_width())
        height = sum(d.size().height() for d in docs if not d.isEmpty())
        height += GAP * (sum(1 for d in docs if not d.isEmpty()) - 1) + 2 * PAD + 12
        return QSize(self.view.viewport().width(), max(96, int(height)))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect).adjusted(2, 6, -2, -6)
        expanded = bool(index.data(EXPANDED_ROLE))
        painter.setPen(QPen(QColor("#0b3d91" if expanded else "#cfd8e3"), 2))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(card, 12, 12)
        kind = str(index.data(KIND_ROLE) or "")
        badge = QRectF(card.left() + PAD, card.top() + PAD, BADGE_W - 20, 40)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(BADGE.get(kind, "#5a6b7d")))
        painter.drawRoundedRect(badge, 8, 8)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.7)
        small.setBold(True)
        painter.setFont(small)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, kind_text(kind))
        x, y = card.left() + PAD + BADGE_W, card.top() + PAD
        colors = ("#1d2733", "#5a6b7d", "#1d2733")
        for doc, color in zip(
            self._docs(index, option.font, self._text_width()), colors, strict=True
        ):
            if doc.isEmpty():
                continue
            painter.save()
            painter.translate(x, y)
            painter.setPen(QColor(color))
            ctx = doc.documentLayout().PaintContext()
            ctx.palette.setColor(ctx.palette.ColorRole.Text, QColor(color))
            doc.documentLayout().draw(painter, ctx)
            painter.restore()
            y += doc.size().height() + GAP
        if kind == "item" or not expanded:
            painter.setPen(QColor("#0b3d91"))
            arrow = QFont(option.font)
            arrow.setBold(True)
            painter.setFont(arrow)
            right = QRectF(card.right() - 60, card.top(), 44, card.height())
            painter.drawText(right, Qt.AlignmentFlag.AlignCenter, "›" if kind == "item" else "▾")
        painter.restore()


class ResultList(QListView):
    """No selection highlight or scroll-per-item jumps: a touch list of cards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SearchResults")
        # a long title ends in "…" here and shows whole when tapped (the answer opens in place)
        self.setProperty("elides", True)
        self.setItemDelegate(ResultDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(0)

    def refresh_row(self, row: int) -> None:
        """After a FAQ opens or closes its height changes: lay the list out again."""
        delegate = self.itemDelegate()
        if isinstance(delegate, ResultDelegate):
            delegate.sizeHintChanged.emit(self.model().index(row, 0))
