"""`kiosk window --server URL --window N`: the clerk's screen at window N."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ui.common.runner import add_common_args, run

STEPS = ("", "finish", "correction", "pause", "transfer")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("window", help="the window client (clerk's screen)")
    add_common_args(p, token=False)
    p.add_argument("--window", type=int, required=True, help="window number")
    p.add_argument("--printer", default=None, help="printer URL for one-time notices")
    p.add_argument("--outbox", type=Path, default=None, help="outbox file (default: user data)")
    p.add_argument("--employee-no", default=None, help="sign in at start (demos, screenshots)")
    p.add_argument("--pin", default=None, help="PIN for --employee-no")
    p.add_argument("--call-next", action="store_true", help="after signing in, call the next")
    p.add_argument("--step", choices=STEPS, default="", help="then open a step (screenshots)")
    p.set_defaults(func=lambda args: run(args, "window_client", build))


def build(args: argparse.Namespace) -> object:
    from ui.common.outbox_qt import default_path
    from ui.window_client.commands import ClerkSession
    from ui.window_client.main_window import WindowClient

    outbox = args.outbox or default_path(f"outbox-window-{args.window}")
    printer = args.printer or "pdf://" + str(default_path("notices").with_suffix(""))
    session = ClerkSession(args.server, args.window, outbox, args.lang)
    window = WindowClient(session, printer)
    if args.employee_no and args.pin:
        window.auto_login(args.employee_no, args.pin, args.call_next, args.step)
    session.load()
    return window
