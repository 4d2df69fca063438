"""The form of one FAQ or notice: Chinese and English title and text, keywords, linked items
(FAQs), who created, changed, published or retired it and when, and the three buttons."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.help_desk.texts import STANDARD, local_stamp

FIELDS = {"faq": ("question", "answer"), "notice": ("title", "body")}


def words(text: str) -> list[str]:
    return [w for w in re.split(r"[,，、;；\s]+", text) if w]


class KnowledgeEditor(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorPanel")
        self.kind = "faq"
        self.title_zh, self.title_en = QLineEdit(), QLineEdit()
        self.body_zh, self.body_en = QPlainTextEdit(), QPlainTextEdit()
        self.keywords, self.items = QLineEdit(), QLineEdit()
        self.items.setPlaceholderText(self.tr("Item codes, e.g. HJ-002"))
        self.keywords.setPlaceholderText(self.tr("Words a citizen might type"))
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(4)]
        for label, w in zip(
            self.labels, (self.title_zh, self.title_en, self.body_zh, self.body_en), strict=True
        ):
            self.form.addRow(label, w)
        self.form.addRow(self.tr("Keywords"), self.keywords)
        self.form.addRow(self.tr("Linked items"), self.items)
        self.audit = QLabel()
        self.audit.setProperty("role", "hint")
        self.audit.setWordWrap(True)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.publish_button = QPushButton(self.tr("Publish"))
        self.publish_button.setProperty("role", "green")
        self.retire_button = QPushButton(self.tr("Retire"))
        self.retire_button.setProperty("role", "danger")
        buttons = QHBoxLayout()
        for b in (self.save_button, self.publish_button, self.retire_button):
            buttons.addWidget(b)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.audit)
        box.addLayout(buttons)
        box.addWidget(self.feedback)
        box.addStretch(1)
        self.set_kind("faq")

    def set_kind(self, kind: str) -> None:
        """Labels follow the kind (question/answer or title/text); items are FAQ-only."""
        self.kind = kind
        labels: tuple[str, ...]
        if kind == "faq":
            labels = (self.tr("Question"), self.tr("Question (English)"), self.tr("Answer"))
            labels += (self.tr("Answer (English)"),)
        else:
            labels = (self.tr("Title"), self.tr("Title (English)"), self.tr("Text"))
            labels += (self.tr("Text (English)"),)
        for widget, text in zip(self.labels, labels, strict=True):
            widget.setText(text)
        self.form.setRowVisible(self.items, kind == "faq")

    def show_entry(self, entry: dict[str, Any] | None, names: dict[str, str]) -> None:
        title, body = FIELDS[self.kind]
        e = entry or {}
        self.title_zh.setText(e.get(f"{title}_zh", ""))
        self.title_en.setText(e.get(f"{title}_en", ""))
        self.body_zh.setPlainText(e.get(f"{body}_zh", ""))
        self.body_en.setPlainText(e.get(f"{body}_en", ""))
        self.keywords.setText("、".join(e.get("keywords", [])))
        self.items.setText(", ".join(e.get("items", [])))
        self.show_meta(entry, names)
        self.feedback.clear()

    def show_meta(self, entry: dict[str, Any] | None, names: dict[str, str]) -> None:
        status = (entry or {}).get("status")
        standard = status == STANDARD  # the center's: the hall reads it, never edits it
        for w in (self.title_zh, self.title_en, self.keywords, self.items):
            w.setReadOnly(standard)
        for text in (self.body_zh, self.body_en):
            text.setReadOnly(standard)
        self.save_button.setEnabled(not standard)
        self.publish_button.setEnabled(not standard)
        self.retire_button.setEnabled(status in ("draft", "published"))
        if standard:
            self.audit.setText(
                self.tr("From the center's standard catalog, as the kiosk shows it: read-only.")
            )
            return
        self.publish_button.setText(
            self.tr("Publish changes") if status == "published" else self.tr("Publish")
        )
        self.audit.setText(self._audit(entry, names) if entry else self.tr("New entry (draft)"))

    def _audit(self, e: dict[str, Any], names: dict[str, str]) -> str:
        lines = []
        for key, text in (
            ("created", self.tr("Created {when} by {who}")),
            ("updated", self.tr("Changed {when} by {who}")),
            ("published", self.tr("Published {when} by {who}")),
            ("retired", self.tr("Retired {when} by {who}")),
        ):
            if e.get(f"{key}_at"):
                who = e.get(f"{key}_by") or ""
                when = local_stamp(e[f"{key}_at"])
                lines.append(text.format(when=when, who=names.get(who, who)))
        return "；".join(lines)

    def values(self) -> dict[str, Any]:
        title, body = FIELDS[self.kind]
        out: dict[str, Any] = {
            f"{title}_zh": self.title_zh.text().strip(),
            f"{title}_en": self.title_en.text().strip(),
            f"{body}_zh": self.body_zh.toPlainText().strip(),
            f"{body}_en": self.body_en.toPlainText().strip(),
            "keywords": words(self.keywords.text()),
        }
        if self.kind == "faq":
            out["items"] = [w.upper() for w in words(self.items.text())]
        return out

    def dirty(self) -> bool:
        """Something typed into an empty form (a new entry in progress)."""
        return any(v for k, v in self.values().items() if k != "items")

    def say(self, text: str, level: str) -> None:
        self.feedback.setText(text)
        self.feedback.setProperty("level", level)
        self.feedback.style().polish(self.feedback)
