"""Fakes for the voice tests: a clock that only moves when told, a player that "plays" by moving
it, and an engine that writes a tone whose length depends on the text. With them the announcer's
order and spacing are exact numbers, not timings.

A uniquely named module rather than conftest.py, so the import cannot resolve to another
directory's conftest.
"""

from __future__ import annotations

import threading
from array import array
from pathlib import Path

from kiosk.voice.audio import DEFAULT_RATE, Pcm, read_wav, wav_duration, write_wav

WAIT_S = 10.0  # upper bound for waiting on the worker thread; never reached when things work


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self._t = start
        self._lock = threading.Lock()
        self.sleeps: list[float] = []

    def now(self) -> float:
        with self._lock:
            return self._t

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self._t += seconds

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._t += seconds


class FakePlayer:
    """Advances the fake clock by the clip's length; can be held inside play() by a gate."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.plays: list[tuple[float, float]] = []  # (clock at start, clip duration)
        self.samples: list[array] = []
        self.threads: list[threading.Thread] = []
        self.started = threading.Event()  # set when a play() begins
        self.gate: threading.Event | None = None  # when set by a test, play() waits for it

    def play(self, path: Path) -> None:
        duration = wav_duration(path)
        self.samples.append(read_wav(path).samples)
        self.threads.append(threading.current_thread())
        self.plays.append((self.clock.now(), duration))
        self.started.set()
        if self.gate is not None:
            assert self.gate.wait(WAIT_S), "test never opened the gate"
        self.clock.advance(duration)


class FakeEngine:
    """Writes a 441 Hz square tone (never silent, so trimming keeps all of it), 0.1 s per
    character, and counts calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def synthesize(self, text: str, lang: str, path: Path) -> float:
        self.calls.append((text, lang))
        n = round(0.1 * len(text) * DEFAULT_RATE)
        tone = array("h", (8000 if (i // 25) % 2 == 0 else -8000 for i in range(n)))
        write_wav(path, Pcm(DEFAULT_RATE, tone))
        return n / DEFAULT_RATE
