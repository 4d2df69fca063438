"""`kiosk simulate`: a scenario played through the real engine (or a real server), as a table
or JSON, with the staffing advice on request."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kiosk.errors import Invalid


def register(sub: Any) -> None:
    p = sub.add_parser("simulate", help="simulate hall days from a scenario; estimates, advice")
    p.add_argument("--scenario", required=True, help="city, district, township or a TOML file")
    p.add_argument("--days", type=int, default=1, help="simulated working days (1)")
    p.add_argument("--seed", type=int, default=1, help="random seed: same seed, same run (1)")
    p.add_argument("--json", action="store_true", help="the full result as JSON")
    p.add_argument(
        "--over-http",
        action="store_true",
        help="drive a real `kiosk serve` on loopback instead, as load",
    )
    p.add_argument(
        "--advise",
        action="store_true",
        help="propose windows per hour and category, and simulate the proposal",
    )
    p.add_argument(
        "--target-min", type=float, default=15, help="the wait 90%% must stay under (15)"
    )
    p.set_defaults(func=cmd_simulate)


def cmd_simulate(args: argparse.Namespace) -> int:
    from kiosk.sim.report import text_report
    from kiosk.sim.scenario import load_scenario

    if not 1 <= args.days <= 60:
        raise Invalid("--days 应在 1 到 60 之间", "--days must lie between 1 and 60")
    if not 1 <= args.target_min <= 240:
        raise Invalid("--target-min 应在 1 到 240 之间", "--target-min must lie between 1 and 240")
    scenario = load_scenario(args.scenario)
    out: dict[str, Any]
    if args.over_http:
        from kiosk.sim.http import simulate_over_http

        out = simulate_over_http(scenario, days=args.days, seed=args.seed)
    else:
        from kiosk.sim.run import simulate

        out, _ = simulate(scenario, days=args.days, seed=args.seed)
    if args.advise:
        from kiosk.sim.planning import advise_and_compare

        own = None if args.over_http else out
        out["advice"] = advise_and_compare(
            scenario, days=args.days, seed=args.seed, target_s=args.target_min * 60, own=own
        )
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text_report(out))
    return 0
