"""`kiosk display` from the command line: its options, a refusal without a token, and a real
screenshot of the board rendered by the installed entry point against a live server."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from kiosk.cli import build_parser
from ui.display.app import wants_voice
from ui.display.cli import handle


def parse(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(["display", *argv])


def test_options_and_voice_choice() -> None:
    board = parse("--server", "http://hall:8765", "--token", "t")
    assert (board.window, board.lang, board.voice_lang) == (None, "zh", "zh")
    assert wants_voice(board)
    assert not wants_voice(parse("--token", "t", "--no-voice"))
    assert not wants_voice(parse("--token", "t", "--window", "3"))  # strips are quiet
    assert wants_voice(parse("--token", "t", "--window", "3", "--voice"))
    assert not wants_voice(parse("--token", "t", "--screenshot", "x.png"))


def test_no_token_is_refused_with_a_hint(capsys: Any, monkeypatch: Any) -> None:
    monkeypatch.delenv("KIOSK_TOKEN", raising=False)
    assert handle(parse()) == 2
    assert "kiosk device add --role display" in capsys.readouterr().err


@pytest.mark.gui
@pytest.mark.parametrize("extra", [(), ("--window", "1", "--lang", "en")], ids=["board", "strip"])
def test_a_screenshot_through_the_entry_point(live: Any, tmp_path: Path, extra: tuple) -> None:
    shot = tmp_path / "display.png"
    size = "1280x360" if extra else "1920x1080"
    argv = ["--server", live.url, "--token", live.tokens["display"], "--size", size, *extra]
    proc = subprocess.run(
        [sys.executable, "-m", "kiosk", "display", *argv, "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # not one Qt warning on the way
    image = QImage(str(shot))
    assert (image.width(), image.height()) == tuple(int(x) for x in size.split("x"))
