"""`kiosk ticket-kiosk`: the citizens' touch screen at the hall entrance.

Kept free of Qt imports at module level: `kiosk --help` loads every front end's `register`,
and must stay fast on machines without a display.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

SCREENS = ("home", "category", "item", "search", "ticket", "help", "checkin", "rejoin")


def register(subparsers: Any) -> argparse.ArgumentParser:
    from ui.common.runner import add_common_args

    p: argparse.ArgumentParser = subparsers.add_parser(
        "ticket-kiosk", help="the citizens' ticket kiosk (touch screen)"
    )
    add_common_args(p)
    p.add_argument(
        "--printer",
        default=None,
        help="ticket printer URL: escpos+usb://VID:PID, escpos+tcp://HOST[:PORT], "
        "escpos+file:///dev/usb/lp0, pdf:///DIR, system://NAME (default: no printer)",
    )
    p.add_argument("--elder", action="store_true", help="start (and reset to) elder mode")
    p.add_argument("--outbox", type=Path, default=None, help="outbox file (default: user data)")
    p.add_argument("--idle-seconds", type=int, default=60, help=argparse.SUPPRESS)
    # for `make screenshots`: open a screen with sample input before the screenshot
    p.add_argument("--screen", choices=SCREENS, default="home", help=argparse.SUPPRESS)
    p.add_argument("--item", default=None, help=argparse.SUPPRESS)  # the item --screen shows
    p.set_defaults(func=handle)
    return p


def handle(args: argparse.Namespace) -> int:
    from ui.common.runner import run

    if not args.token:
        print("ticket-kiosk needs a device token: --token or $KIOSK_TOKEN", file=sys.stderr)
        return 2
    if args.printer:
        from kiosk.printing.urls import PrinterUrlError, parse_printer_url

        try:
            parse_printer_url(args.printer)
        except PrinterUrlError as exc:
            print(str(exc), file=sys.stderr)
            return 2
    if args.fullscreen and not args.screenshot:
        from ui.ticket_kiosk import keyboard

        keyboard.enable()  # must happen before QApplication exists
    return run(args, "ticket_kiosk", build)


def build(args: argparse.Namespace) -> object:
    from ui.common.outbox_qt import default_path
    from ui.ticket_kiosk.app import create_kiosk

    window = create_kiosk(
        args.server,
        args.token,
        printer=args.printer,
        lang=args.lang,
        elder=args.elder,
        idle_ms=max(5, args.idle_seconds) * 1000,
        hold_ready=args.screen != "home",
        outbox=args.outbox or default_path("outbox-ticket-kiosk"),
    )
    if args.screen != "home":
        from ui.ticket_kiosk.demo import drive

        drive(window, args.screen, args.item)
    return window
