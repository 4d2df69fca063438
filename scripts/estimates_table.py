"""Measures the wait estimators on the three shipped scenarios in one run and prints the
tables of docs/estimates.md (Markdown) to stdout, the raw JSON of each run to DIR if given.

    .venv/bin/python scripts/estimates_table.py [--seed 1] [--json-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from kiosk.sim.drivers import ESTIMATORS
from kiosk.sim.run import simulate
from kiosk.sim.scenario import load_scenario

RUNS = (("township", 5), ("district", 3), ("city", 3))


def minutes(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds / 60:.1f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json-dir", type=Path)
    args = ap.parse_args()
    waits = [
        "| scenario | days | tickets | mean wait | p50 | p90 | over 15 min | no figure |",
        "|---|---|---|---|---|---|---|---|",
    ]
    table = [
        "| scenario | estimator | n | MAE (min) | within 5 min | bias (min) "
        "| MAE with phone updates (min) |",
        "|---|---|---|---|---|---|---|",
    ]
    loads = [
        "| scenario | load at issue | " + " | ".join(ESTIMATORS) + " |",
        "|---|---|" + "---|" * len(ESTIMATORS),
    ]
    for name, days in RUNS:
        began = time.monotonic()
        out, _ = simulate(load_scenario(name), days=days, seed=args.seed)
        wall = time.monotonic() - began
        if args.json_dir:
            args.json_dir.mkdir(parents=True, exist_ok=True)
            (args.json_dir / f"{name}.json").write_text(json.dumps(out, indent=1))
        w = out["waits"]
        waits.append(
            f"| {name} | {days} | {out['tickets']} | {minutes(w['mean_s'])} | "
            f"{minutes(w['p50_s'])} | {minutes(w['p90_s'])} | {w['over_15min'] * 100:.1f}% | "
            f"{out['unestimated']} |"
        )
        for est in ESTIMATORS:
            e, u = out["estimates"][est], out["estimates_with_updates"][est]
            table.append(
                f"| {name} | {est} | {e['n']} | {minutes(e['mae_s'])} | "
                f"{e['within_5min'] * 100:.1f}% | {minutes(e['bias_s'])} | {minutes(u['mae_s'])} |"
            )
        for load, t in out["estimates_by_load"].items():
            loads.append(
                f"| {name} | {load} (n={t['new']['n']}) | "
                + " | ".join(minutes(t[e]["mae_s"]) for e in ESTIMATORS)
                + " |"
            )
        print(f"<!-- {name}: {days} days in {wall:.0f} s wall -->")
    print(f"<!-- seed {args.seed}, {platform.python_version()} -->\n")
    print("\n".join(waits) + "\n\n" + "\n".join(table) + "\n\n" + "\n".join(loads))


if __name__ == "__main__":
    main()
