"""`kiosk say`: the subcommand parses, writes a real WAV, and fails clearly without an engine."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from kiosk.cli import main as kiosk_main
from kiosk.voice import cli
from kiosk.voice.audio import wav_duration

ROOT = Path(__file__).resolve().parents[3]
needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng not installed (make sysdeps)"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk")
    cli.register(parser.add_subparsers(dest="command", required=True))
    return parser


def test_register_adds_say_with_its_options() -> None:
    args = _parser().parse_args(["say", "请A012号到3号窗口办理"])
    assert args.func is cli.handle_say
    assert (args.text, args.wav, args.lang, args.repeat, args.no_chime) == (
        "请A012号到3号窗口办理",
        None,
        "zh",
        1,
        False,
    )
    args = _parser().parse_args(
        ["say", "Number A012", "--wav", "x.wav", "--lang", "en", "--repeat", "2", "--no-chime"]
    )
    assert (args.wav, args.lang, args.repeat, args.no_chime) == (Path("x.wav"), "en", 2, True)
    for bad in (["--repeat", "0"], ["--lang", "fr"]):
        with pytest.raises(SystemExit):
            _parser().parse_args(["say", "x", *bad])


@needs_espeak
def test_handler_writes_the_call_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "call.wav"
    args = _parser().parse_args(
        ["say", "请A012号到3号窗口办理", "--wav", str(out), "--repeat", "2"]
    )
    assert args.func(args) == 0
    with wave.open(str(out), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
    assert 3.0 < wav_duration(out) < 15.0
    assert capsys.readouterr().out.strip() == f"{out} {wav_duration(out):.2f} s"


@needs_espeak
def test_say_in_a_fresh_interpreter_prints_only_its_result(tmp_path: Path) -> None:
    out = tmp_path / "en.wav"
    code = (
        "import sys; from kiosk.cli import main; "
        "sys.exit(main(['say', 'Number A012, please go to window 3', '--lang', 'en', "
        f"'--wav', {str(out)!r}]))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [f"{out} {wav_duration(out):.2f} s"]
    assert out.read_bytes()[:4] == b"RIFF"


def test_without_an_engine_it_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "available_engine", lambda: None)
    out = tmp_path / "x.wav"
    assert kiosk_main(["say", "请A012号到3号窗口办理", "--wav", str(out)]) == 1
    assert "espeak-ng" in capsys.readouterr().err
    assert not out.exists()


@needs_espeak
def test_without_audio_output_it_asks_for_wav(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli.CommandPlayer, "detect", classmethod(lambda cls: None))
    assert kiosk_main(["say", "请A012号到3号窗口办理"]) == 2
    assert "--wav" in capsys.readouterr().err
