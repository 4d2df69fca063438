"""Style sheets: assets/themes/common.qss plus one .qss per front end, with dynamic-property
selectors (e.g. QPushButton[role="primary"]) so widgets change look by property, not code."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.paths import ASSETS

THEMES = ASSETS / "themes"
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei")


def cjk_family() -> str:
    """The first installed family that has Chinese glyphs: without it every label is boxes."""
    families = set(QFontDatabase.families())
    for name in CJK_FAMILIES:
        if name in families:
            return name
    for name in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return str(name)
    return QApplication.font().family()


def apply(app: QApplication, front_end: str, point_size: int = 14) -> None:
    font = QFont(cjk_family(), point_size)
    app.setFont(font)
    sheets = []
    for name in ("common", front_end):
        path = THEMES / f"{name}.qss"
        if path.exists():
            sheets.append(path.read_text(encoding="utf-8"))
    app.setStyleSheet("\n".join(sheets))


def set_prop(widget: QWidget, name: str, value: object) -> None:
    """Sets a dynamic property and re-polishes so the style sheet's selector applies now."""
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
