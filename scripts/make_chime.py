"""Generate assets/sounds/chime.wav: the short "ding-dong" played before every call.

Why a script and not a downloaded sound: the file must be free of licence questions and
reproducible byte for byte, so it is synthesized here from two bell-like tones (E5 then C5, a
falling major third, the usual hall chime) with only the standard library. The output format is
the one espeak-ng produces (22050 Hz, mono, 16-bit), so the announcer can join chime and speech
without resampling.

Run: `.venv/bin/python scripts/make_chime.py [OUTPUT]`.
"""

from __future__ import annotations

import math
import sys
import wave
from pathlib import Path

RATE = 22050
DURATION_S = 0.8
PEAK = 0.5  # of full scale: about as loud as espeak-ng speech, never clipping
# (start s, fundamental Hz): E5 then C5.
NOTES = ((0.0, 659.26), (0.3, 523.25))
# Harmonic partials (multiple, relative amplitude): a soft bell, no harsh overtones.
PARTIALS = ((1.0, 1.0), (2.0, 0.3), (3.0, 0.1))
ATTACK_S = 0.008  # a short ramp avoids a click at each note's start
DECAY_S = 0.22  # exponential decay time constant
FADE_OUT_S = 0.05  # the clip ends on exact silence

DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "assets" / "sounds" / "chime.wav"


def _note(t: float, freq: float) -> float:
    """One bell note at `t` seconds after its start."""
    if t < 0:
        return 0.0
    envelope = min(1.0, t / ATTACK_S) * math.exp(-t / DECAY_S)
    return envelope * sum(a * math.sin(2 * math.pi * freq * m * t) for m, a in PARTIALS)


def chime_samples() -> list[int]:
    """The chime as 16-bit sample values, normalized to PEAK."""
    n = round(RATE * DURATION_S)
    raw = [sum(_note(i / RATE - start, f) for start, f in NOTES) for i in range(n)]
    fade_n = round(RATE * FADE_OUT_S)
    for k in range(fade_n):
        raw[n - 1 - k] *= k / fade_n
    scale = PEAK * 32767 / max(abs(x) for x in raw)
    return [round(x * scale) for x in raw]


def write_chime(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = b"".join(s.to_bytes(2, "little", signed=True) for s in chime_samples())
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT_OUTPUT
    write_chime(out)
    print(f"wrote {out} ({DURATION_S:.2f} s, {RATE} Hz mono 16-bit)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
