"""The board's voice: each call and recall handed to the core's Announcer (kiosk.voice).

Why a thin layer: the Announcer already queues, never overlaps or cuts a clip off, and speaks on
its own thread, so the GUI thread only enqueues. What the board adds is judgement about stale
calls: after a reconnect the live feed replays what happened while the board was away, and a
call whose citizen has already been served must be shown in the list but not read out minutes
late. Calls are therefore collected and said on the next turn of the event loop, once the rest
of a replayed burst has arrived, and only if the ticket is still the one at its window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from kiosk.voice import Announcer
from kiosk.voice.text import Lang
from ui.display.model import BoardModel, Call


class BoardVoice(QObject):
    def __init__(
        self,
        model: BoardModel,
        announcer: Announcer | None,
        lang: Lang = "zh",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.announcer = announcer
        self.lang: Lang = lang
        self.said: list[Call] = []  # what was handed to the announcer, in order
        self._pending: list[Call] = []
        self._flusher = QTimer(self)
        self._flusher.setSingleShot(True)
        self._flusher.setInterval(0)
        self._flusher.timeout.connect(self._flush)

    @property
    def speech(self) -> bool | None:
        """Whether calls are spoken: None while the announcer is still probing its engine."""
        return None if self.announcer is None else self.announcer.has_speech

    def on_call(self, call: Call) -> None:
        if self.announcer is None:
            return
        self._pending.append(call)
        self._flusher.start()

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        if self.announcer is None:
            return
        for call in pending:
            window = self.model.windows.get(call.window_no)
            if window is None or window.ticket != call.number:
                continue  # finished, missed or moved on while the board was away
            self.announcer.call(call.number, call.window_no, lang=self.lang)
            self.said.append(call)

    def close(self) -> None:
        """Stops the announcer without waiting: the clip playing ends on its own thread."""
        if self.announcer is not None:
            self.announcer.close(drain=False, timeout=0)
            self.announcer = None
