"""The `kiosk ticket-kiosk` command: options, refusals, the on-screen keyboard only in
full-screen mode with pinyin first, and --screenshot against a running hall."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ui.ticket_kiosk import cli, keyboard

pytestmark = pytest.mark.gui


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers())
    return parser.parse_args(["ticket-kiosk", *argv])


def test_options() -> None:
    args = parse("--server", "http://h:1", "--token", "t", "--printer", "escpos+dummy://")
    assert args.printer == "escpos+dummy://" and args.func is cli.handle
    assert args.lang == "zh" and not args.elder and args.idle_seconds == 60
    assert args.screen == "home"


def test_refusals(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.handle(parse("--token", "t", "--printer", "lpt1")) == 2
    assert "bad printer URL" in capsys.readouterr().err
    args = parse()
    args.token = None
    assert cli.handle(args) == 2


def test_virtual_keyboard_only_in_fullscreen(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str | None] = []
    monkeypatch.setattr(
        "ui.common.runner.run", lambda *a: seen.append(os.environ.get("QT_IM_MODULE")) or 0
    )
    monkeypatch.delenv("QT_IM_MODULE", raising=False)
    assert cli.handle(parse("--token", "t")) == 0
    assert seen == [None]
    assert cli.handle(parse("--token", "t", "--fullscreen")) == 0
    assert seen[-1] == "qtvirtualkeyboard"
    assert keyboard.pinyin_available()  # the Chinese layout ships with PySide6


def test_keyboard_language_follows_the_kiosk(qapp: Any) -> None:
    board = keyboard.KeyboardLocale("zh")
    assert board._settings is not None
    assert board._settings.property("wanted") == "zh_CN"
    board.set_lang("en")
    assert board._settings.property("wanted") == "en_US"


def test_screenshot_of_the_home_screen(sample_live: Any, tmp_path: Path) -> None:
    out = tmp_path / "home.png"
    done = subprocess.run(
        [
            sys.executable, "-m", "kiosk", "ticket-kiosk",
            # --token=...: a token may start with "-", which argparse would take for an option
            "--server", sample_live.url, f"--token={sample_live.tokens['kiosk']}",
            "--screenshot", str(out),
        ],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1920, 1080)
