"""`kiosk say TEXT [--wav FILE]`: hear (or save) exactly what the hall would announce.

Useful to check a PC's voice set-up before opening, and to hand a recording to someone who asks
what the announcement sounds like. The top-level CLI calls `register(subparsers)`; this module
also runs alone: `python -m kiosk.voice.cli say "请A012号到3号窗口办理" --wav call.wav`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.voice.announcer import say
from kiosk.voice.audio import wav_duration
from kiosk.voice.engine import CommandPlayer, available_engine
from kiosk.voice.text import LANGS


def _repeat(value: str) -> int:
    n = int(value)
    if not 1 <= n <= 10:
        raise argparse.ArgumentTypeError("must be between 1 and 10")
    return n


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `say` subcommand to an argparse subparsers object; return its parser."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "say",
        help="speak TEXT as the hall announces it (or write it to a WAV file)",
        description=(
            "Speak TEXT offline with espeak-ng, chime first, as the display board announces "
            "calls. Ticket numbers such as A012 are read letter by letter, digit by digit."
        ),
    )
    parser.add_argument("text", metavar="TEXT", help='e.g. "请A012号到3号窗口办理"')
    parser.add_argument("--wav", type=Path, metavar="FILE", help="write the clip here, not play it")
    parser.add_argument("--lang", choices=LANGS, default="zh", help="voice language (default zh)")
    parser.add_argument(
        "--repeat", type=_repeat, default=1, metavar="N", help="say it N times (default 1)"
    )
    parser.add_argument("--no-chime", action="store_true", help="leave out the chime")
    parser.set_defaults(func=handle_say)
    return parser


def handle_say(args: argparse.Namespace) -> int:
    """Run `say`; 0 on success, 1 without a speech engine, 2 if the clip cannot be output."""
    engine = available_engine()
    if engine is None:
        print(
            "kiosk say: no text-to-speech engine found; install espeak-ng "
            "(Debian/Ubuntu: apt install espeak-ng)",
            file=sys.stderr,
        )
        return 1
    player = None
    if args.wav is None:
        player = CommandPlayer.detect()
        if player is None:
            print(
                "kiosk say: no audio output found; use --wav FILE to save the clip", file=sys.stderr
            )
            return 2
    try:
        path = say(
            args.text,
            wav_path=args.wav,
            lang=args.lang,
            repeat=args.repeat,
            chime=not args.no_chime,
            engine=engine,
            player=player,
        )
    except Exception as exc:  # a user-facing command: one line, not a traceback
        print(f"kiosk say: {exc}", file=sys.stderr)
        return 2
    if path is not None:
        print(f"{path} {wav_duration(path):.2f} s")
    return 0
