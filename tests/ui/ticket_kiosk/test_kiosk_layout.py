"""Every screen in 1920x1080 landscape and 1080x1920 portrait, standard and elder mode: touch
targets of at least 64 px, nothing squeezed below its size (clipped), nothing off screen."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QWidget,
)

from kiosk.engine.base import Actor

pytestmark = pytest.mark.gui

SCREENS = [
    ("home", None),
    ("category", "HUJI"),
    ("item", "GJJ-006"),  # seven materials, online
    ("search", "sfz"),
    ("help", None),
    ("checkin", None),
    ("rejoin", None),
    ("ticket", None),
    ("offline", None),
]


def scrolled(w: QWidget) -> bool:
    """Inside a scroll area's content: out of view by design, reached by dragging."""
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def problems(window: Any, screen: QWidget) -> list[str]:
    found = []
    area = QRect(QPoint(0, 0), window.size())
    for w in [*screen.findChildren(QWidget), *window.header.findChildren(QAbstractButton)]:
        if not w.isVisibleTo(window):
            continue
        text = w.text() if isinstance(w, QLabel | QAbstractButton) else ""
        name = f"{type(w).__name__}[{w.property('role')}] {text!r}"
        if isinstance(w, QAbstractButton) and (w.height() < 64 or w.width() < 64):
            found.append(f"small target {name}: {w.width()}x{w.height()}")
        if isinstance(w, QLabel | QAbstractButton):
            need = w.minimumSizeHint().height()
            if w.hasHeightForWidth():
                need = w.heightForWidth(w.width())
            if w.height() + 1 < need:
                found.append(f"clipped {name}: {w.height()} < {need}")
        rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        if not area.contains(rect) and not scrolled(w):
            found.append(f"off screen {name}: {rect}")
    return found


@pytest.mark.parametrize(
    ("width", "height"), [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"]
)
@pytest.mark.parametrize("elder", [False, True], ids=["standard", "elder"])
def test_screens_fit_with_big_targets(
    kiosk: Any, sample_live: Any, qtbot: Any, width: int, height: int, elder: bool
) -> None:
    ticket, _ = sample_live.hall.issue_ticket("GONGJIJIN", "GJJ-001", actor=Actor(device="k"))
    kiosk.resize(width, height)
    kiosk.ctx.set_elder(elder)
    report = []
    for name, arg in SCREENS:
        if name == "ticket":
            kiosk.flow.show(ticket, "已为您重新排队")
        elif name == "offline":
            kiosk.go("offline", remember=False)
        else:
            kiosk.go(name, arg)
        kiosk.current_screen.rebuild()
        QApplication.processEvents()
        assert kiosk.size().width() == width and kiosk.size().height() == height
        report += [f"{name}: {p}" for p in problems(kiosk, kiosk.current_screen)]
    assert not report, "\n".join(report)
