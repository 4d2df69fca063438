"""`make bench`: run every benchmark module and print its results; `--only NAME` picks some.

Each benchmark is a module `benchmarks/bench_<name>.py` with `run() -> dict` (and optionally
`table(results) -> str`). Results are saved as JSON in benchmarks/results/ for docs/benchmarks.md.
Benchmarks report numbers and ratios; none of them asserts a time.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import platform
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def discover() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("bench_"))


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--only", nargs="*", help="benchmark names, e.g. api search")
    args = parser.parse_args()
    chosen = [n for n in discover() if not args.only or n.removeprefix("bench_") in args.only]
    target = HERE / "results" / "latest.json"
    # `--only` runs update their benchmarks' entries and keep the others' last results
    out: dict[str, object] = (
        json.loads(target.read_text(encoding="utf-8")) if args.only and target.exists() else {}
    )
    out.update(
        machine={"python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        when=time.strftime("%Y-%m-%dT%H:%M:%S"),
    )
    target.parent.mkdir(exist_ok=True)
    for name in chosen:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"== {name}", flush=True)
        results = module.run()
        out[name] = results
        printer = getattr(module, "table", None)
        print(printer(results) if printer else json.dumps(results, indent=1, ensure_ascii=False))
        # saved after each benchmark: a long run that fails late keeps what it measured
        target.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"saved {target.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
