"""`kiosk sync` and `kiosk catalog enable/disable`: sync now, and the hall's item switches."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.center.client import CenterClient


def _bar(acked: int, last: int, width: int = 40) -> None:
    done = 1.0 if last == 0 else min(1.0, acked / last)
    filled = int(done * width)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {acked}/{last} events")
    sys.stderr.flush()


def cmd_sync(args: argparse.Namespace) -> int:
    from kiosk.cli import open_hall
    from kiosk.sync import settings
    from kiosk.sync.pusher import sync_once

    hall = open_hall(args.data)
    if args.center and args.center_token:
        settings.save(hall, settings.CenterLink(args.center, args.center_token))
    link = settings.load(hall)
    if link is None:
        print("no center configured: pass --center URL --center-token T once", file=sys.stderr)
        return 2
    with CenterClient(link.url, hall.code, link.token) as client:
        summary = sync_once(hall, client, progress=None if args.quiet else _bar)
    if not args.quiet:
        sys.stderr.write("\n")
    print(
        f"pushed {summary.pushed} events in {summary.batches} batches; center holds up to "
        f"{summary.acked_after} of {summary.last_seq} (lag {summary.lag})"
        + (f"; catalog {summary.catalog_applied} applied" if summary.catalog_applied else "")
    )
    hall.close()
    return 0 if summary.lag == 0 else 1


def cmd_switch(args: argparse.Namespace) -> int:
    from kiosk.cli import open_hall
    from kiosk.sync.catalog_apply import set_item_enabled

    hall = open_hall(args.data)
    set_item_enabled(hall, args.item, args.enable)
    print(f"{args.item} {'enabled' if args.enable else 'switched off'} in this hall")
    hall.close()
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("sync", help="push events to the city center and pull its catalog now")
    p.add_argument("--data", type=Path, default=None, help="hall data directory")
    p.add_argument("--once", action="store_true", help="one round (the default)")
    p.add_argument("--center", help="center URL (saved for next time)")
    p.add_argument("--center-token", help="this hall's center token (saved for next time)")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("item", help="switch a catalog item on or off in this hall")
    p.add_argument("--data", type=Path, default=None, help="hall data directory")
    p.add_argument("item", help="service item code")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--on", dest="enable", action="store_true")
    group.add_argument("--off", dest="enable", action="store_false")
    p.set_defaults(func=cmd_switch)
