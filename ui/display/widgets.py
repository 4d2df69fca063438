"""Building blocks of the board and the strip: text that scales with the screen and fits its
space, and a blinking highlight.

Why sizes in code and colours in the .qss: a hall board must stay readable from 5 m on whatever
TV the hall bought, so every text size is given in pixels at 1920x1080 and scaled with the
window; assets/themes/display.qss sets only colours, borders and spacing.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
BLINK_MS = 450
BLINK_FOR_MS = 6000


def lang() -> str:
    """The board's language, from the locale the front end was started in (--lang)."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def label(name: str, px: int, bold: bool = False, align: Qt.AlignmentFlag | None = None) -> QLabel:
    """A label whose text size is `px` at 1080p; its size policy never lets text grow the layout."""
    widget = QLabel()
    widget.setObjectName(name)
    widget.setProperty("basePx", px)
    widget.setProperty("bold", bold)
    widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    widget.setAlignment(align or Qt.AlignmentFlag.AlignCenter)
    return widget


def rescale(root: QWidget, scale: float) -> None:
    """Sets every labelled child's pixel size for this screen (1.0 = 1920x1080)."""
    for widget in [root, *root.findChildren(QWidget)]:
        px = widget.property("basePx")
        if px is None:
            continue
        font = QFont(widget.font())
        font.setPixelSize(max(8, round(int(px) * scale)))
        font.setBold(bool(widget.property("bold")))
        widget.setFont(font)


def restyle(widget: QWidget, name: str, value: object) -> None:
    """Sets a dynamic property the .qss selects on, keeping the widget's font: re-polishing
    under a style sheet drops a font given by setFont. A widget not shown yet is only marked
    (it is polished when shown; polishing it earlier loses the font the same way)."""
    widget.setProperty(name, value)
    if widget.isVisible():
        font = QFont(widget.font())
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
        widget.setFont(font)
        widget.update()


def fitting_px(widget: QWidget, texts: list[str], px: int, width: int, height: int = 0) -> int:
    """The largest pixel size up to `px` at which each of `texts` fits in `width` (and its line
    in `height`, when given)."""
    font = QFont(widget.font())
    font.setBold(bool(widget.property("bold")))
    size = max(8, px)
    font.setPixelSize(size)
    metrics = QFontMetrics(font)
    widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
    if width > 0 and widest > width:
        size = int(size * width / widest) - 1
    if height > 0 and metrics.height() * size / max(1, px) > height:
        size = int(px * height / metrics.height())
    return max(8, size)


def set_px(widget: QWidget, px: int) -> None:
    font = QFont(widget.font())
    font.setBold(bool(widget.property("bold")))
    font.setPixelSize(px)
    widget.setFont(font)


def fit_text(
    widget: QLabel,
    text: str,
    px: int,
    scale: float,
    width: int,
    shown: str | None = None,
    height: int = 0,
) -> None:
    """Shows `text` at `px` (scaled) or smaller, so a long number never runs off its panel;
    `shown` is rich text to display instead, measured as its plain `text`."""
    set_px(widget, fitting_px(widget, [text], round(px * scale), width, height))
    widget.setText(text if shown is None else shown)


class Blinker:
    """Toggles the dynamic property blink="on"/"off" on a panel and its children for a few
    seconds: the latest call catches the eye, then settles so the board stays calm."""

    def __init__(self, panel: QWidget) -> None:
        self.panel = panel
        self.ticks_left = 0
        self.timer = QTimer(panel)
        self.timer.setInterval(BLINK_MS)
        self.timer.timeout.connect(self._tick)
        self._set("off")

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        self.ticks_left = BLINK_FOR_MS // BLINK_MS
        self._set("on")
        self.timer.start()

    def _tick(self) -> None:
        self.ticks_left -= 1
        if self.ticks_left <= 0:
            self.timer.stop()
            self._set("off")
        else:
            self._set("on" if self.ticks_left % 2 == 0 else "off")

    def _set(self, value: str) -> None:
        for widget in [self.panel, *self.panel.findChildren(QWidget)]:
            restyle(widget, "blink", value)
