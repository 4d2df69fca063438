"""Just enough PCM handling to join a chime and speech into one WAV, with the standard library.

Why not `audioop` or sox: `audioop` is deprecated (gone in Python 3.13) and sox is an optional
system package; a call clip is a few seconds of mono audio, which plain Python handles in
milliseconds. Everything is normalised to mono 16-bit at one sample rate (espeak-ng's 22050 Hz
by default), so the player gets one uninterrupted clip per announcement.
"""

from __future__ import annotations

import sys
import wave
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_RATE = 22050  # what espeak-ng writes, and what assets/sounds/chime.wav is made at


@dataclass(frozen=True)
class Pcm:
    """Mono 16-bit audio: `samples` at `rate` frames per second."""

    rate: int
    samples: array  # array("h")

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate


def _le16(data: bytes) -> array:
    """16-bit little-endian bytes (the WAV byte order) as a native array("h")."""
    out = array("h")
    out.frombytes(data[: len(data) // 2 * 2])
    if sys.byteorder == "big":
        out.byteswap()
    return out


def _to_int16(data: bytes, width: int) -> array:
    if width == 2:
        return _le16(data)
    if width == 1:  # unsigned 8-bit
        return array("h", ((b - 128) << 8 for b in data))
    if width == 3:  # keep the top two bytes of each little-endian 24-bit sample
        top = bytearray(len(data) // 3 * 2)
        top[0::2] = data[1::3]
        top[1::2] = data[2::3]
        return _le16(bytes(top))
    if width == 4:
        wide = array("i")
        wide.frombytes(data[: len(data) // 4 * 4])
        if sys.byteorder == "big":
            wide.byteswap()
        return array("h", (s >> 16 for s in wide))
    raise ValueError(f"unsupported sample width: {width} bytes")


def _mix_to_mono(samples: array, channels: int) -> array:
    if channels == 1:
        return samples
    return array(
        "h",
        (
            sum(samples[i : i + channels]) // channels
            for i in range(0, len(samples) - channels + 1, channels)
        ),
    )


def read_wav(path: Path | str) -> Pcm:
    """Read any PCM WAV (8/16/24/32-bit, any channel count) as mono 16-bit at its own rate."""
    with wave.open(str(path), "rb") as w:
        width, channels, rate = w.getsampwidth(), w.getnchannels(), w.getframerate()
        data = w.readframes(w.getnframes())
    return Pcm(rate, _mix_to_mono(_to_int16(data, width), channels))


def resample(pcm: Pcm, rate: int) -> Pcm:
    """Linear-interpolation resampling: fine for speech and a chime, not for music mastering."""
    if pcm.rate == rate:
        return pcm
    if not pcm.samples:
        return Pcm(rate, array("h"))
    src = pcm.samples
    last = len(src) - 1
    step = pcm.rate / rate
    n_out = int(len(src) * rate / pcm.rate)

    def at(i: int) -> int:
        pos = i * step
        j = int(pos)
        if j >= last:
            return src[last]
        frac = pos - j
        return round(src[j] + (src[j + 1] - src[j]) * frac)

    return Pcm(rate, array("h", (at(i) for i in range(n_out))))


def silence(seconds: float, rate: int = DEFAULT_RATE) -> Pcm:
    return Pcm(rate, array("h", bytes(2 * max(0, round(seconds * rate)))))


def concat(parts: Iterable[Pcm], rate: int = DEFAULT_RATE) -> Pcm:
    """Join clips end to end at `rate`, resampling any part recorded at another rate."""
    out = array("h")
    for part in parts:
        out.extend(resample(part, rate).samples)
    return Pcm(rate, out)


def trim_silence(pcm: Pcm, threshold: int = 64) -> Pcm:
    """Drop leading and trailing samples quieter than `threshold` (of 32767).

    Engines pad speech with silence of their own choosing; trimmed speech lets the clip's
    gaps be exactly what the clip builder says.
    """
    s = pcm.samples
    first = next((i for i, x in enumerate(s) if abs(x) > threshold), len(s))
    last = next((i for i in range(len(s) - 1, first - 1, -1) if abs(s[i]) > threshold), first - 1)
    return Pcm(pcm.rate, s[first : last + 1])


def write_wav(path: Path | str, pcm: Pcm) -> Path:
    """Write `pcm` as a mono 16-bit WAV; the file appears complete or not at all."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    data = array("h", pcm.samples)
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(str(tmp), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(pcm.rate)
        w.writeframes(data.tobytes())
    tmp.replace(path)
    return path


def wav_duration(path: Path | str) -> float:
    """Length of a WAV file in seconds, from its header."""
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()
