"""Layouts that adapt to the panel instead of scaling: a window's size class as properties.

A front end's top-level window gets two dynamic properties from its size, `panel` ("compact",
"regular" or "large") and `shape` ("portrait" or "landscape"), and its style sheet picks type
sizes and spacing with selectors such as `#ratingPad[panel="compact"] QLabel[role="pad-title"]`.
So the type scale lives in the .qss beside the rest of the look: small panels step the
secondary text down and keep the biggest things (the number, the faces) big, rather than
shrinking everything by one factor. Code that needs more than type (grid columns, which
layout) asks `size_class(widget)` or listens to `SizeClass.changed`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget


def classify(width: int, height: int, compact: tuple[int, int], large: tuple[int, int]) -> str:
    """`compact` below either bound of `compact`, `large` at or above both bounds of `large`."""
    if width < compact[0] or height < compact[1]:
        return "compact"
    if width >= large[0] and height >= large[1]:
        return "large"
    return "regular"


def repolish(root: QWidget) -> None:
    """Re-applies the style sheet to `root` and everything in it: a selector on an ancestor's
    property is only looked at when a widget is polished."""
    style = root.style()
    for w in [root, *root.findChildren(QWidget)]:
        style.unpolish(w)
        style.polish(w)
    root.updateGeometry()
    root.update()


class SizeClass(QObject):
    """Watches `window`'s size and keeps its `panel` and `shape` properties current."""

    changed = Signal(str, str)  # panel, shape

    def __init__(
        self,
        window: QWidget,
        compact: tuple[int, int],
        large: tuple[int, int] = (3000, 1800),
        on_change: Callable[[str, str], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.compact, self.large = window, compact, large
        self.panel, self.shape = "", ""
        if on_change is not None:
            self.changed.connect(on_change)
        window.installEventFilter(self)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.update()
        return False

    def update(self) -> None:
        size = self.window.size()
        panel = classify(size.width(), size.height(), self.compact, self.large)
        shape = "portrait" if size.height() > size.width() else "landscape"
        if (panel, shape) == (self.panel, self.shape):
            return
        self.panel, self.shape = panel, shape
        self.window.setProperty("panel", panel)
        self.window.setProperty("shape", shape)
        repolish(self.window)
        self.changed.emit(panel, shape)


def size_class(widget: QWidget) -> str:
    window = widget.window()
    return str(window.property("panel") or "regular")
