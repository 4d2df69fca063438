"""benchmarks/bench_search.py still runs (timings are not checked: they depend on the machine)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_search", ROOT / "benchmarks" / "bench_search.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_run_returns_percentiles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], catalog: dict[str, Any]
) -> None:
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    bench = _bench()
    result = bench.run(path, repetitions=2, scale=2)
    assert result["docs"] == 22 and result["queries"] == len(bench.QUERIES)
    assert 0 <= result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
    assert result["per_query"]["sfz"]["hits"] >= 2
    assert bench.main([str(path)]) == 0
    assert "p95" in capsys.readouterr().out
