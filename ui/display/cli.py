"""`kiosk display --server URL [--window N]`: the hall board, or the strip above window N.

Kept free of Qt imports so `kiosk --help` stays fast; Qt loads only when the board starts.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ui.common.runner import add_common_args


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "display",
        help="the hall's display board, or the strip above one window",
        description=(
            "Shows calls as they happen (pushed over the live WebSocket) and announces them. "
            "Needs a display device token: kiosk device add --role display --name display-hall"
        ),
    )
    add_common_args(parser)
    parser.add_argument(
        "--window", type=int, metavar="N", help="the small strip above window N, not the board"
    )
    parser.add_argument("--no-voice", action="store_true", help="show calls without announcing")
    parser.add_argument(
        "--voice", action="store_true", help="announce this window's calls on a strip as well"
    )
    parser.add_argument(
        "--voice-lang", choices=("zh", "en"), default="zh", help="announcement language"
    )
    parser.set_defaults(func=handle)
    return parser


def handle(args: argparse.Namespace) -> int:
    if not args.token:
        print(
            "kiosk display: a display token is needed (--token or KIOSK_TOKEN); create one with "
            "`kiosk device add --role display --name display-hall`",
            file=sys.stderr,
        )
        return 2
    from ui.common.runner import run
    from ui.display.app import build

    return run(args, "display", build)
