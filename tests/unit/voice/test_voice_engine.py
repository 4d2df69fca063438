"""Real espeak-ng synthesis, voice choice, the pyttsx3 fallback and the players."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from kiosk.voice import engine as engine_mod
from kiosk.voice.announcer import say
from kiosk.voice.audio import Pcm, silence, wav_duration, write_wav
from kiosk.voice.engine import (
    CommandPlayer,
    EspeakEngine,
    NullPlayer,
    PlaybackError,
    SynthesisError,
    _match_voice,
    available_engine,
)
from kiosk.voice.text import call_text, spoken_call_text

ROOT = Path(__file__).resolve().parents[3]
ESPEAK = shutil.which("espeak-ng")
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng not installed (make sysdeps)")
CALL = call_text("A012", 3)


def _header(path: Path) -> tuple[bytes, bytes, int, int, int]:
    raw = path.read_bytes()[:12]
    with wave.open(str(path), "rb") as w:
        return raw[:4], raw[8:12], w.getnchannels(), w.getsampwidth(), w.getframerate()


@needs_espeak
def test_call_twice_with_chime_is_a_real_wav_of_plausible_length(tmp_path: Path) -> None:
    once = say(CALL, tmp_path / "once.wav", repeat=1)
    twice = say(CALL, tmp_path / "twice.wav", repeat=2)
    assert once is not None and twice is not None
    assert _header(twice) == (b"RIFF", b"WAVE", 1, 2, 22050)
    d1, d2 = wav_duration(once), wav_duration(twice)
    assert 3.0 < d2 < 15.0
    # Thirteen syllables at an announcer's pace: about 2.5 to 6 s of speech each time.
    speech = d2 - d1
    assert 2.5 < speech < 6.0, (d1, d2)


@needs_espeak
def test_english_call(tmp_path: Path) -> None:
    path = say(call_text("A012", 3, "en"), tmp_path / "en.wav", lang="en", repeat=1, chime=False)
    assert path is not None and 1.5 < wav_duration(path) < 8.0


@needs_espeak
def test_binary_engine_is_deterministic(tmp_path: Path) -> None:
    engine = EspeakEngine(backend="binary")
    text = spoken_call_text("A012", 3)
    d = engine.synthesize(text, "zh", tmp_path / "a.wav")
    engine.synthesize(text, "zh", tmp_path / "b.wav")
    assert d > 1.0 and engine.last_backend == "espeak-ng"
    assert (tmp_path / "a.wav").read_bytes() == (tmp_path / "b.wav").read_bytes()


@needs_espeak
def test_espeak_reads_the_spoken_form_digit_by_digit() -> None:
    """The phonemes espeak-ng makes of our TTS text: 零 一 二, never 十二."""
    voice = next(v for v in engine_mod.VOICE_PREFERENCES["zh"] if _espeak_has(v))

    def phonemes(text: str) -> str:
        cmd = [str(ESPEAK), "-q", "-x", "-v", voice, text]
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

    spoken = phonemes(spoken_call_text("A012", 3))
    assert "l'i35N" in spoken  # 零 (ling2)
    assert "s.i.35" not in spoken  # 十 (shi2)
    assert "s.i.35" in phonemes("A012")  # what the raw display text would have said


def _espeak_has(voice: str) -> bool:
    return (
        subprocess.run([str(ESPEAK), "-q", "-v", voice, "x"], capture_output=True).returncode == 0
    )


@needs_espeak
def test_available_engine_finds_mandarin() -> None:
    engine = available_engine()
    assert engine is not None


def test_no_engine_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_mod.shutil, "which", lambda _name: None)
    monkeypatch.setattr(engine_mod._Pyttsx3Backend, "get", classmethod(lambda cls: None))
    assert available_engine() is None
    with pytest.raises(SynthesisError):
        EspeakEngine().synthesize("你好", "zh", Path("/nonexistent/x.wav"))


def test_unknown_language_and_empty_text(tmp_path: Path) -> None:
    engine = EspeakEngine(backend="binary", executable="/bin/false")
    with pytest.raises(SynthesisError):
        engine.synthesize("hello", "fr", tmp_path / "x.wav")
    with pytest.raises(SynthesisError):
        engine.synthesize("  ", "zh", tmp_path / "x.wav")


@needs_espeak
def test_failing_pyttsx3_falls_back_to_the_binary(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    class Broken:
        def __init__(self) -> None:
            self.voices = [("sit/cmn-latn-pinyin", ["cmn-latn-pinyin"]), ("gmw/en-us", ["en-us"])]

        def synthesize(self, *_args: object) -> None:
            raise RuntimeError("driver exploded")

    failed: list[bool] = []
    monkeypatch.setattr(engine_mod._Pyttsx3Backend, "get", classmethod(lambda cls: Broken()))
    monkeypatch.setattr(
        engine_mod._Pyttsx3Backend, "mark_failed", classmethod(lambda cls: failed.append(True))
    )
    engine = EspeakEngine(backend="pyttsx3")
    with caplog.at_level(logging.WARNING, logger="kiosk.voice"):
        for name in ("a", "b"):
            assert engine.synthesize("请", "zh", tmp_path / f"{name}.wav") > 0
    assert engine.last_backend == "espeak-ng"
    assert failed == [True]  # tried once, then left alone
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1


@needs_espeak
def test_pyttsx3_backend_speaks_mandarin(tmp_path: Path) -> None:
    """pyttsx3 finds the Mandarin voice and yields a WAV (or falls back to the binary).

    In a subprocess: libespeak's callback thread must not outlive into the test process.
    """
    code = (
        "import sys; from pathlib import Path; from kiosk.voice.engine import EspeakEngine\n"
        "e = EspeakEngine(backend='pyttsx3')\n"
        f"d = e.synthesize('请 A 零 一 二 号', 'zh', Path({str(tmp_path / 'p.wav')!r}))\n"
        "print(e.last_backend, d)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    backend, duration = proc.stdout.split()
    assert backend in ("pyttsx3", "espeak-ng") and float(duration) > 0.5


def test_match_voice_prefers_the_configured_order() -> None:
    voices = [
        ("sit/cmn", ["cmn"]),
        ("sit/cmn-latn-pinyin", ["cmn-latn-pinyin"]),
        ("gmw/en-us", ["en-us"]),
    ]
    assert _match_voice(("cmn-latn-pinyin", "cmn"), voices) == "sit/cmn-latn-pinyin"
    assert _match_voice(("zh", "cmn"), voices) == "sit/cmn"
    assert _match_voice(("en-us",), voices) == "gmw/en-us"
    assert _match_voice(("yue",), voices) == ""


def _clip(tmp_path: Path, seconds: float = 0.05) -> Path:
    return write_wav(tmp_path / "clip.wav", silence(seconds))


def test_command_player_blocks_and_reports_failures(tmp_path: Path) -> None:
    clip = _clip(tmp_path)
    CommandPlayer(["true"]).play(clip)
    with pytest.raises(PlaybackError):
        CommandPlayer(["false"]).play(clip)
    with pytest.raises(PlaybackError):
        CommandPlayer(["/nonexistent/player"]).play(clip)


def test_command_player_kills_a_hung_player(tmp_path: Path) -> None:
    hung = CommandPlayer(["sh", "-c", "sleep 30", "player"], margin_s=0.3)
    with pytest.raises(PlaybackError):
        hung.play(_clip(tmp_path))  # gives up after the clip's length + 0.3 s


def test_null_player_records(tmp_path: Path) -> None:
    player = NullPlayer()
    clip = write_wav(tmp_path / "c.wav", Pcm(22050, silence(0.5).samples))
    player.play(clip)
    assert player.played == [clip] and player.durations == [0.5]
