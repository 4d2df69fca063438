"""Voice guidance in elder mode, through the hall's own offline announcer (espeak-ng).

The announcer is started on a worker thread (it probes for speech and audio output) and speaks
on its own thread, so the GUI thread only ever queues text. Guidance is advice, not a call: at
most one clip waits behind the one playing, and newer guidance replaces older guidance not yet
handed over, so the voice never lags several screens behind a quick finger.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject

from ui.ticket_kiosk.workers import Workers

log = logging.getLogger(__name__)


class Speaker(Protocol):
    def announce(self, announcement: Any) -> bool: ...

    @property
    def pending(self) -> int: ...

    def close(self, drain: bool = True, timeout: float | None = None) -> bool: ...


def default_speaker() -> Speaker:
    from kiosk.voice import Announcer

    return Announcer()


class VoiceGuide(QObject):
    def __init__(
        self,
        workers: Workers,
        factory: Callable[[], Speaker] = default_speaker,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workers = workers
        self.factory = factory
        self.speaker: Speaker | None = None
        self._starting = False
        self._waiting: tuple[str, str] | None = None
        self.spoken: list[str] = []  # what was handed to the announcer, for tests and logs

    def say(self, text: str, lang: str) -> None:
        """Speak ``text`` once, after what is playing now."""
        if not text:
            return
        self._waiting = (text, lang)
        if self.speaker is None:
            if not self._starting:
                self._starting = True
                self.workers.submit(self.factory, self._started, self._failed)
            return
        self._flush()

    def _started(self, speaker: Speaker) -> None:
        self.speaker = speaker
        self._flush()

    def _failed(self, error: BaseException) -> None:
        self._starting = False
        log.warning("voice guidance unavailable: %s", error)

    def _flush(self) -> None:
        if self.speaker is None or self._waiting is None:
            return
        if self.speaker.pending > 1:
            return  # one playing, one queued: the newest text waits for the next say()
        from kiosk.voice import Announcement

        text, lang = self._waiting
        self._waiting = None
        self.speaker.announce(
            Announcement(text=text, lang="en" if lang == "en" else "zh", repeat=1, chime=False)
        )
        self.spoken.append(text)

    def close(self) -> None:
        if self.speaker is not None:
            self.speaker.close(drain=False, timeout=2.0)
