"""Kiosk search latency over the sample catalog (aim: p95 far below 30 ms).

A plain script: ``python benchmarks/bench_search.py [catalog.json] [--scale N]``. ``run()``
returns the numbers as a dict for a benchmark runner; nothing here asserts on time, because
timings depend on the machine.

Each of ~40 realistic kiosk queries (Chinese one to four characters, full pinyin, initials,
English, mixed, misses) is run ``repetitions`` times; p50/p95 are over all runs. ``scale``
copies the catalog's documents N times (fresh ids) to show how a much larger catalog behaves.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from kiosk.search import SearchIndex, docs_from_catalog  # noqa: E402

DEFAULT_CATALOG = ROOT / "assets" / "catalog" / "catalog.json"

QUERIES: tuple[str, ...] = (
    # Chinese, one to four characters and longer
    "社保", "户口", "证", "户", "身份证", "公积金", "结婚", "护照", "驾驶证", "营业执照",
    "医保", "退休", "出生", "不动产", "居住证", "养老保险", "身份证丢了", "身份证补办",
    # full pinyin, with and without spaces, mixed case
    "shenfenzheng", "shen fen zheng", "shebao", "hukou", "gongjijin", "jiehun", "Huzhao",
    "yibao", "tuixiu",
    # initials and mixed abbreviations
    "sfz", "gjj", "hk", "sb", "yb", "jhdj", "shenfz",
    # English
    "passport", "ID card", "housing fund", "marriage", "Pension", "business licence",
    # full-width and nothing found
    "ＳＦＺ", "xyzqwe",
)  # fmt: skip


def _percentile(sorted_values: list[float], pct: float) -> float:
    if not sorted_values:
        return 0.0
    k = max(0, min(len(sorted_values) - 1, round(pct / 100 * len(sorted_values)) - 1))
    return sorted_values[k]


def run(
    catalog_path: Path | str = DEFAULT_CATALOG,
    repetitions: int = 50,
    scale: int = 1,
    queries: tuple[str, ...] = QUERIES,
) -> dict[str, Any]:
    """Build the index from the catalog, then time every query ``repetitions`` times."""
    path = Path(catalog_path)
    catalog = json.loads(path.read_text(encoding="utf-8"))
    base = docs_from_catalog(catalog)
    docs = [replace(d, id=f"{d.id}#{n}" if n else d.id) for n in range(scale) for d in base]

    t0 = time.perf_counter()
    index = SearchIndex.build(docs)
    build_ms = (time.perf_counter() - t0) * 1000

    index.search("warm-up")
    runs: list[float] = []
    per_query: dict[str, dict[str, Any]] = {}
    for q in queries:
        times: list[float] = []
        hits = 0
        for _ in range(repetitions):
            t = time.perf_counter()
            result = index.search(q)
            times.append((time.perf_counter() - t) * 1000)
            hits = len(result)
        times.sort()
        runs.extend(times)
        top = result[0].doc.title_zh if result else ""
        per_query[q] = {"p50_ms": statistics.median(times), "p95_ms": _percentile(times, 95),
                        "hits": hits, "top": top}  # fmt: skip
    runs.sort()
    kinds = {k: sum(1 for d in docs if d.kind == k) for k in ("item", "faq", "notice")}
    return {
        "name": "search",
        "catalog": str(path),
        "docs": len(docs),
        "kinds": kinds,
        "queries": len(queries),
        "repetitions": repetitions,
        "build_ms": build_ms,
        "p50_ms": statistics.median(runs),
        "p95_ms": _percentile(runs, 95),
        "max_ms": runs[-1],
        "per_query": per_query,
    }


def _print(result: dict[str, Any]) -> None:
    print(f"search over {result['docs']} docs {result['kinds']} from {result['catalog']}")
    print(f"index build {result['build_ms']:.1f} ms; "
          f"{result['queries']} queries x {result['repetitions']} runs")  # fmt: skip
    print(f"{'query':<18} {'p50 ms':>8} {'p95 ms':>8} {'hits':>5}  top hit")
    for q, r in result["per_query"].items():
        print(f"{q:<18} {r['p50_ms']:>8.3f} {r['p95_ms']:>8.3f} {r['hits']:>5}  {r['top']}")
    print(f"{'ALL':<18} {result['p50_ms']:>8.3f} {result['p95_ms']:>8.3f}  "
          f"(max {result['max_ms']:.3f} ms; aim p95 < 30 ms)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    scale = 1
    if "--scale" in args:
        i = args.index("--scale")
        scale = int(args[i + 1])
        del args[i : i + 2]
    path = Path(args[0]) if args else DEFAULT_CATALOG
    if not path.exists():
        print(f"no catalog at {path}", file=sys.stderr)
        return 2
    _print(run(path, scale=scale))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
