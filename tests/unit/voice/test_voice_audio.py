"""The stdlib WAV plumbing and the committed chime."""

from __future__ import annotations

import subprocess
import sys
import wave
from array import array
from pathlib import Path

import pytest

from kiosk.voice.audio import (
    Pcm,
    concat,
    read_wav,
    resample,
    silence,
    trim_silence,
    wav_duration,
    write_wav,
)
from kiosk.voice.clip import DEFAULT_CHIME

ROOT = Path(__file__).resolve().parents[3]


def test_write_read_round_trip(tmp_path: Path) -> None:
    pcm = Pcm(22050, array("h", [0, 1000, -1000, 32767, -32768]))
    path = write_wav(tmp_path / "x.wav", pcm)
    assert read_wav(path) == pcm
    assert not list(tmp_path.glob(".*part"))  # written via a temporary file, then renamed


def test_read_wav_converts_stereo_8bit_to_mono_16bit(tmp_path: Path) -> None:
    path = tmp_path / "s8.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(bytes([128, 128, 255, 1, 192, 192]))  # silence, L/R opposite, +half
    pcm = read_wav(path)
    assert pcm.rate == 8000
    assert list(pcm.samples) == [0, 0, 64 << 8]


def test_read_wav_24bit(tmp_path: Path) -> None:
    path = tmp_path / "s24.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(3)
        w.setframerate(16000)
        w.writeframes(
            (0x123456).to_bytes(3, "little") + (-0x100000).to_bytes(3, "little", signed=True)
        )
    assert list(read_wav(path).samples) == [0x1234, -0x1000]


def test_resample_keeps_duration_and_concat_sums() -> None:
    tone = Pcm(44100, array("h", (1000 if (i // 50) % 2 else -1000 for i in range(44100))))
    down = resample(tone, 22050)
    assert down.rate == 22050 and abs(down.duration - 1.0) < 1e-3
    joined = concat([tone, silence(0.5), Pcm(22050, array("h", [5] * 2205))])
    assert joined.rate == 22050
    assert abs(joined.duration - 1.6) < 1e-3


def test_trim_silence() -> None:
    pcm = Pcm(100, array("h", [0, 3, 500, 0, -700, 10, 0]))
    assert list(trim_silence(pcm).samples) == [500, 0, -700]
    assert list(trim_silence(silence(1, 100)).samples) == []


def test_chime_asset_is_short_clean_and_in_espeak_format() -> None:
    with wave.open(str(DEFAULT_CHIME), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
    assert 0.6 <= wav_duration(DEFAULT_CHIME) <= 1.0
    samples = read_wav(DEFAULT_CHIME).samples
    peak = max(abs(s) for s in samples)
    assert 0.3 * 32767 < peak < 0.9 * 32767  # audible, never clipping
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200  # no click at either end


def test_make_chime_is_deterministic_and_matches_the_asset(tmp_path: Path) -> None:
    out = tmp_path / "chime.wav"
    script = ROOT / "scripts" / "make_chime.py"
    subprocess.run([sys.executable, str(script), str(out)], check=True, capture_output=True)
    assert out.read_bytes() == DEFAULT_CHIME.read_bytes()


def test_unsupported_sample_width_is_an_error() -> None:
    from kiosk.voice.audio import _to_int16

    with pytest.raises(ValueError):
        _to_int16(b"\0" * 10, 5)
