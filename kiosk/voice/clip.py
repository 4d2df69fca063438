"""One announcement -> one clip: chime, short gap, speech, pause, speech ... as a single WAV.

Why one clip: playing chime and each repetition as separate files leaves gaps a player may fill
with another sound, and gives a shutdown or a queue bug places to cut the call in half. One file
per announcement makes "never cut off" a property of the data, not of timing.

Degrades instead of failing: without an engine (or when synthesis fails) the clip is the chime
alone and one warning is logged; without the chime file the clip is the speech alone.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

from kiosk.paths import ASSETS
from kiosk.voice.audio import DEFAULT_RATE, Pcm, concat, read_wav, silence, trim_silence
from kiosk.voice.engine import SpeechEngine, SynthesisError
from kiosk.voice.text import Announcement

logger = logging.getLogger(__name__)

DEFAULT_CHIME = ASSETS / "sounds" / "chime.wav"  # made by scripts/make_chime.py
LEAD_S = 0.3  # chime to first word: lets the chime ring out
PAUSE_S = 1.0  # between repetitions: long enough to hear them as two sentences
TAIL_S = 0.15  # some players drop the last few milliseconds of a buffer


class ClipBuilder:
    """Builds announcement clips, caching synthesized speech by (spoken text, language).

    A recall says exactly what the call said, so it costs no new synthesis.
    """

    def __init__(
        self,
        engine: SpeechEngine | None,
        chime_path: Path | None = DEFAULT_CHIME,
        *,
        rate: int = DEFAULT_RATE,
        lead_s: float = LEAD_S,
        pause_s: float = PAUSE_S,
        tail_s: float = TAIL_S,
        cache_size: int = 64,
    ) -> None:
        self.engine = engine
        self.chime_path = chime_path
        self.rate = rate
        self.lead_s, self.pause_s, self.tail_s = lead_s, pause_s, tail_s
        self.cache_size = cache_size
        self.synth_count = 0  # how many times the engine was asked (the cache's effect)
        self._cache: OrderedDict[tuple[str, str], Pcm] = OrderedDict()
        self._chime: Pcm | None = None
        self._chime_loaded = False
        self._warned: set[str] = set()
        self._lock = threading.Lock()

    def _warn_once(self, key: str, msg: str, *args: object) -> None:
        if key not in self._warned:
            self._warned.add(key)
            logger.warning(msg, *args)

    def chime(self) -> Pcm | None:
        if not self._chime_loaded:
            self._chime_loaded = True
            if self.chime_path is not None:
                try:
                    self._chime = read_wav(self.chime_path)
                except Exception as exc:
                    msg = "chime %s unusable (%r); calls play without it"
                    self._warn_once("chime", msg, self.chime_path, exc)
        return self._chime

    def speech(self, spoken: str, lang: str) -> Pcm | None:
        """The speech for `spoken`, synthesized once; None (warned once) if there is none."""
        if self.engine is None:
            self._warn_once(
                "engine",
                "no text-to-speech engine (install espeak-ng): calls are shown and chimed "
                "but not spoken",
            )
            return None
        key = (spoken, lang)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        self.synth_count += 1
        try:
            with tempfile.TemporaryDirectory(prefix="kiosk-voice-") as tmp:
                path = Path(tmp) / "speech.wav"
                self.engine.synthesize(spoken, lang, path)
                pcm = trim_silence(read_wav(path))
        except (SynthesisError, OSError, EOFError, ValueError) as exc:
            self._warn_once("synth", "speech synthesis failed (%s); playing the chime only", exc)
            return None
        if not pcm.samples:
            self._warn_once("synth", "speech synthesis produced silence; playing the chime only")
            return None
        self._cache[key] = pcm
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return pcm

    def build(self, announcement: Announcement) -> tuple[Pcm, bool]:
        """The clip for `announcement`, and whether it contains speech."""
        with self._lock:
            parts: list[Pcm] = []
            chime = self.chime() if announcement.chime else None
            if chime is not None:
                parts.append(chime)
            speech = None
            if announcement.repeat > 0 and announcement.spoken.strip():
                speech = self.speech(announcement.spoken, announcement.lang)
            if speech is not None:
                if parts:
                    parts.append(silence(self.lead_s, self.rate))
                for i in range(announcement.repeat):
                    if i:
                        parts.append(silence(self.pause_s, self.rate))
                    parts.append(speech)
            if parts:
                parts.append(silence(self.tail_s, self.rate))
            return concat(parts, self.rate), speech is not None
