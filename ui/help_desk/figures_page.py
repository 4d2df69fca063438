"""Today's figures for the desk: how many questions and on what, how long until claimed and
until resolved, and how many became queue numbers or FAQs (GET /helpdesk/figures)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.help_topics import topic_name
from ui.common import paths
from ui.common.i18n import bracket, current_lang
from ui.help_desk.session import DeskSession
from ui.help_desk.texts import long_duration

TOP_TOPICS = 8
BAR_PX = 480


class FiguresPage(QWidget):
    def __init__(self, session: DeskSession) -> None:
        super().__init__()
        self.setObjectName("figuresPage")
        self.session = session
        self.loaded = False
        self.day = QLabel()
        self.day.setProperty("role", "subtitle")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setProperty("role", "small")
        self.refresh_button.clicked.connect(self.refresh)
        self.cards: dict[str, QLabel] = {}
        grid = QGridLayout()
        cards = (
            ("total", self.tr("Questions")),
            ("claim", self.tr("Time to claim (avg)")),
            ("resolve", self.tr("Time to resolve (avg)")),
            ("converted", self.tr("Became queue numbers")),
            ("faq", self.tr("Became FAQs")),
            ("alerts", self.tr("Unclaimed alerts")),
        )
        for i, (key, label) in enumerate(cards):
            card = QFrame()
            card.setObjectName("figureCard")
            inner = QVBoxLayout(card)
            value = QLabel("—")
            value.setProperty("role", "figure")
            caption = QLabel(label)
            caption.setProperty("role", "hint")
            inner.addWidget(value)
            inner.addWidget(caption)
            self.cards[key] = value
            grid.addWidget(card, i // 3, i % 3)
        self.topics = QWidget()
        self.topic_rows = QGridLayout(self.topics)
        self.topic_rows.setColumnStretch(2, 1)
        top = QHBoxLayout()
        top.addWidget(self.day, 1)
        top.addWidget(self.refresh_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addLayout(grid)
        heading = QLabel(self.tr("By topic"))
        heading.setProperty("role", "subtitle")
        box.addWidget(heading)
        box.addWidget(self.topics)
        box.addStretch(1)

    def refresh(self) -> None:
        call = self.session.api.get(paths.HELPDESK_FIGURES)
        call.succeeded.connect(self.show_figures)

    def show_figures(self, f: dict[str, Any]) -> None:
        self.loaded = True
        self.day.setText(self.tr("Figures for {day}").format(day=f["day"]))
        total = int(f["total"])

        def share(n: int, s: float) -> str:
            return bracket(str(n), f"{s:.0%}") if total else "0"

        self.cards["total"].setText(str(total))
        self.cards["claim"].setText(long_duration(f["time_to_claim"]["avg_s"]))
        self.cards["resolve"].setText(long_duration(f["time_to_resolve"]["avg_s"]))
        self.cards["converted"].setText(share(f["converted"], f["converted_share"]))
        self.cards["faq"].setText(share(f["faq"], f["faq_share"]))
        self.cards["alerts"].setText(str(f["unclaimed_alerts"]))
        self._show_topics(f["by_topic"][:TOP_TOPICS])

    def _show_topics(self, topics: list[dict[str, Any]]) -> None:
        """One bar per topic, longest first: where the hall's questions come from."""
        while self.topic_rows.count():
            item = self.topic_rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not topics:
            self.topic_rows.addWidget(QLabel(self.tr("No questions yet today.")), 0, 0)
            return
        most = max(t["count"] for t in topics)
        for i, t in enumerate(topics):
            name = QLabel(topic_name(t["topic"], current_lang()))
            count = QLabel(str(t["count"]))
            name.setProperty("role", "topic")
            count.setProperty("role", "topic")
            bar = QFrame()
            bar.setObjectName("topicBar")
            bar.setFixedSize(max(8, round(BAR_PX * t["count"] / most)), 22)
            self.topic_rows.addWidget(name, i, 0)
            self.topic_rows.addWidget(count, i, 1, Qt.AlignmentFlag.AlignRight)
            self.topic_rows.addWidget(bar, i, 2, Qt.AlignmentFlag.AlignLeft)
