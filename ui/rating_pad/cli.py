"""`kiosk rating-pad --server URL --window N --token T`: the citizen-facing rating pad."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ui.common.runner import add_common_args, run

PREVIEWS = ("idle", "rate", "reasons", "thanks")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("rating-pad", help="the rating pad facing the citizen")
    add_common_args(p)
    p.add_argument("--window", type=int, required=True, help="window number")
    p.add_argument("--outbox", type=Path, default=None, help="outbox file (default: user data)")
    p.add_argument("--walk-away", type=float, default=30.0, help="seconds before idle again")
    p.add_argument("--preview", choices=PREVIEWS, default="idle", help="open on a screen")
    p.set_defaults(func=lambda args: run(args, "rating_pad", build, point_size=18))


def build(args: argparse.Namespace) -> object:
    from ui.common.outbox_qt import default_path
    from ui.rating_pad.pad import RatingPad

    if not args.token:
        raise SystemExit("the rating pad needs a rating_pad device token (--token or KIOSK_TOKEN)")
    outbox = args.outbox or default_path(f"outbox-pad-{args.window}")
    pad = RatingPad(args.server, args.token, args.window, outbox, args.lang, args.walk_away)
    if args.preview != "idle":
        pad.ready.connect(lambda: preview(pad, args.preview))
    pad.load()
    return pad


def preview(pad: Any, page: str) -> None:
    """Opens a screen without a finished service (screenshots, demos): nothing is recorded."""
    pad.walk_away.setInterval(10 * 60 * 1000)
    pad.offer(None, str(pad.window_info.get("ticket") or "A001"))
    if page == "reasons":
        pad.level = 2
        pad._show(pad.reasons)
    elif page == "thanks":
        pad.level = 5
        pad._submit([], "")
        pad.thanks_timer.stop()
