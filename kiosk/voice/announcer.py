"""The hall's announcer: a FIFO of announcements spoken one at a time by one worker thread.

Why one worker and a queue: peers' voices cut each other off when two windows call at once, or
freeze the display while speaking. Here `announce` only enqueues and returns, so the GUI thread
never waits; the single worker plays each clip to its end before taking the next, so clips can
neither overlap nor interrupt each other, and a recall made while a call is playing waits its
turn. Time comes from an injected `Clock` so tests prove order and spacing with a fake clock.

Never raises to the caller: without a speech engine it warns once and plays the chime; a failing
player is warned about once and the queue carries on.
"""

from __future__ import annotations

import logging
import queue
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from kiosk.voice.audio import write_wav
from kiosk.voice.clip import DEFAULT_CHIME, LEAD_S, PAUSE_S, ClipBuilder
from kiosk.voice.engine import Player, SpeechEngine, available_engine, available_player
from kiosk.voice.text import Announcement, Lang

logger = logging.getLogger(__name__)

GAP_S = 0.6  # quiet time between two clips, so two calls do not run into each other


class Clock(Protocol):
    """Time as the announcer sees it: monotonic seconds, and a way to wait."""

    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock: `time.monotonic` and `time.sleep`."""

    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass(frozen=True)
class PlayRecord:
    """One clip the worker handled: when it started and ended and what it said.

    Times are the announcer's clock (time.monotonic() with SystemClock), not wall-clock time.
    """

    start: float
    end: float
    text: str
    announcement: Announcement
    spoken: bool  # False: the clip was the chime alone (no engine, or synthesis failed)
    error: str = ""  # the player's error, if it failed


_STOP = object()


class Announcer:
    """Queue announcements from any thread; one worker thread speaks them in order.

    engine: a SpeechEngine, None for "no speech" (chime only), or "auto" to probe espeak-ng on
        the worker thread (so even the probe stays off the GUI thread).
    player: where clips go; default the first command-line player found, else a NullPlayer.
    clock: default SystemClock; tests pass a fake one.
    """

    def __init__(
        self,
        engine: SpeechEngine | Literal["auto"] | None = "auto",
        player: Player | None = None,
        clock: Clock | None = None,
        *,
        chime_path: Path | None = DEFAULT_CHIME,
        gap_s: float = GAP_S,
        lead_s: float = LEAD_S,
        pause_s: float = PAUSE_S,
    ) -> None:
        self.player: Player = player if player is not None else available_player()
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.gap_s = gap_s
        self._engine_spec = engine
        self._chime_path, self._lead_s, self._pause_s = chime_path, lead_s, pause_s
        self._builder: ClipBuilder | None = None
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._cond = threading.Condition()
        self._pending = 0
        self._closed = False
        self._log: list[PlayRecord] = []
        self._warned_player = False
        self._workdir = Path(tempfile.mkdtemp(prefix="kiosk-announcer-"))
        self._thread = threading.Thread(target=self._run, name="announcer", daemon=True)
        self._thread.start()

    # --- caller side (any thread) -------------------------------------------------------------

    def announce(self, announcement: Announcement) -> bool:
        """Queue `announcement` and return at once; False (and nothing queued) after close()."""
        with self._cond:
            if self._closed:
                logger.debug("announcer closed; dropped %r", announcement.text)
                return False
            self._pending += 1
            self._queue.put(announcement)
        return True

    def call(
        self, number: str, window_no: int | str, lang: Lang = "zh", repeat: int = 2
    ) -> Announcement:
        """Announce a call (or a recall: the same words again) and return what was queued."""
        announcement = Announcement.call(number, window_no, lang=lang, repeat=repeat)
        self.announce(announcement)
        return announcement

    @property
    def log(self) -> list[PlayRecord]:
        """Every clip handled so far, in play order (a copy)."""
        with self._cond:
            return list(self._log)

    @property
    def pending(self) -> int:
        """Announcements queued or playing."""
        with self._cond:
            return self._pending

    @property
    def has_speech(self) -> bool | None:
        """Whether an engine is in use; None until the worker has resolved "auto"."""
        builder = self._builder
        return None if builder is None else builder.engine is not None

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until everything queued has been played; False if `timeout` ran out first."""
        with self._cond:
            return self._cond.wait_for(lambda: self._pending == 0, timeout)

    def close(self, drain: bool = True, timeout: float | None = None) -> bool:
        """Stop taking announcements and stop the worker once the queue is done.

        drain=False drops what has not started yet; the clip playing is still finished, never
        cut off. Returns True when the worker has stopped within `timeout`.
        """
        with self._cond:
            if not self._closed:
                self._closed = True
                if not drain:
                    self._drop_pending()
                self._queue.put(_STOP)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def __enter__(self) -> Announcer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _drop_pending(self) -> None:
        kept = []
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, Announcement):
                self._pending -= 1
            else:
                kept.append(item)
        for item in kept:
            self._queue.put(item)
        self._cond.notify_all()

    # --- worker side --------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._builder = self._make_builder()
            last_end: float | None = None
            seq = 0
            while True:
                item = self._queue.get()
                if item is _STOP:
                    return
                assert isinstance(item, Announcement)
                try:
                    seq += 1
                    last_end = self._play(item, seq, last_end)
                except Exception:  # a bug must not silence the hall for the rest of the day
                    logger.exception("announcement %r failed", item.text)
                finally:
                    with self._cond:
                        self._pending -= 1
                        self._cond.notify_all()
        finally:
            shutil.rmtree(self._workdir, ignore_errors=True)

    def _make_builder(self) -> ClipBuilder:
        spec = self._engine_spec
        engine: SpeechEngine | None = None
        if spec != "auto":
            engine = spec
        else:
            try:
                engine = available_engine()
            except Exception:  # the probe must not kill the worker; the builder warns later
                logger.exception("probing the speech engine failed")
        return ClipBuilder(engine, self._chime_path, lead_s=self._lead_s, pause_s=self._pause_s)

    def _play(self, item: Announcement, seq: int, last_end: float | None) -> float:
        assert self._builder is not None
        pcm, spoken = self._builder.build(item)
        if last_end is not None:
            wait = last_end + self.gap_s - self.clock.now()
            if wait > 0:
                self.clock.sleep(wait)
        error = ""
        start = self.clock.now()
        if pcm.samples:
            path = write_wav(self._workdir / f"clip-{seq:06d}.wav", pcm)
            try:
                self.player.play(path)
            except Exception as exc:
                error = repr(exc)
                if not self._warned_player:
                    self._warned_player = True
                    logger.warning("audio playback failed (%s); calls stay on screen", error)
            finally:
                path.unlink(missing_ok=True)
        end = self.clock.now()
        with self._cond:
            self._log.append(PlayRecord(start, end, item.text, item, spoken, error))
        return end


def say(
    text: str,
    wav_path: Path | str | None = None,
    lang: Lang = "zh",
    repeat: int = 1,
    chime: bool = True,
    *,
    engine: SpeechEngine | Literal["auto"] | None = "auto",
    player: Player | None = None,
    chime_path: Path | None = DEFAULT_CHIME,
) -> Path | None:
    """Speak `text` once on the calling thread (the CLI's `kiosk say`).

    With `wav_path` the whole clip (chime + speech x repeat) is written there and its path
    returned; without, it is played to the end and None returned. Ticket numbers in `text` are
    read digit by digit (see `spoken_form`). Without an engine the clip is the chime alone.
    """
    resolved = available_engine() if engine == "auto" else engine
    builder = ClipBuilder(resolved, chime_path)
    pcm, _ = builder.build(Announcement(text=text, lang=lang, repeat=repeat, chime=chime))
    if wav_path is not None:
        return write_wav(Path(wav_path), pcm)
    with tempfile.TemporaryDirectory(prefix="kiosk-say-") as tmp:
        path = write_wav(Path(tmp) / "say.wav", pcm)
        (player if player is not None else available_player()).play(path)
    return None
