"""`kiosk sync` and `kiosk item`: sync now, and the hall's item switches.

Both go through the running hall server when it owns the store (kiosk.admin), so they never
write beside it; with the server stopped they work on the store directly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.errors import one_line


def _bar(acked: int, last: int, width: int = 40) -> None:
    done = 1.0 if last == 0 else min(1.0, acked / last)
    filled = int(done * width)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {acked}/{last} events")
    sys.stderr.flush()


def _notice(zh: str, en: str) -> None:
    sys.stderr.write(f"\n注意：{zh}\nnote: {en}\n")


def cmd_sync(args: argparse.Namespace) -> int:
    from kiosk.admin.runner import run
    from kiosk.cli import default_data_dir

    data = Path(args.data) if args.data else default_data_dir()
    body = {"center": args.center, "center_token": args.center_token}
    summary = run(data, "sync", body, progress=None if args.quiet else _bar, notice=_notice)
    if not args.quiet:
        sys.stderr.write("\n")
    if summary["recovered"]:
        print(
            f"recovered {summary['recovered']} events from the center "
            f"(已从市中心取回 {summary['recovered']} 条缺失的事件)"
        )
    print(
        f"pushed {summary['pushed']} events in {summary['batches']} batches; center holds up to "
        f"{summary['acked_after']} of {summary['last_seq']} (lag {summary['lag']})"
        + (f"; catalog {summary['catalog_applied']} applied" if summary["catalog_applied"] else "")
    )
    if summary["lag"] != 0:
        why = "; ".join(summary["errors"]) or "the center did not acknowledge every event"
        print(one_line("市中心未确认全部事件", f"not in sync: {why}"), file=sys.stderr)
        return 1
    return 0


def cmd_switch(args: argparse.Namespace) -> int:
    from kiosk.admin.runner import run
    from kiosk.cli import default_data_dir

    data = Path(args.data) if args.data else default_data_dir()
    run(data, "item-switch", {"item": args.item, "enabled": args.enable})
    print(f"{args.item} {'enabled' if args.enable else 'switched off'} in this hall")
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
