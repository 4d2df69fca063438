"""The front ends spell the hall server's API paths in one place (ui/common/paths.py): a route
written as a literal anywhere else fails here, and the helpers escape what comes from data."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ui.common import paths

ROOT = Path(__file__).resolve().parents[3]
PATHS_MODULE = ROOT / "ui" / "common" / "paths.py"


def api_literals(source: Path) -> list[str]:
    """Strings holding "/api/" in code (docstrings and other bare string statements aside)."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    prose = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        f"{source.name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in prose
        and "/api/" in node.value
    ]


def test_no_api_path_is_spelled_outside_the_paths_module() -> None:
    sources = [p for p in sorted((ROOT / "ui").rglob("*.py")) if p != PATHS_MODULE]
    assert len(sources) > 50
    found = [hit for p in sources for hit in api_literals(p)]
    assert found == []


def test_the_finder_sees_plain_and_formatted_literals(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        '"""GET /api/v1/queue in prose."""\nA = "/api/v1/queue"\nB = f"/api/v1/x/{A}"\n'
    )
    assert api_literals(probe) == ["probe.py:2: '/api/v1/queue'", "probe.py:3: '/api/v1/x/'"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (paths.ticket("A012"), "/api/v1/tickets/A012"),
        (paths.ticket("../windows/1/call-next"), "/api/v1/tickets/..%2Fwindows%2F1%2Fcall-next"),
        (paths.ticket_requeue("A 1"), "/api/v1/tickets/A%201/requeue"),
        (paths.window(3, "call-next"), "/api/v1/windows/3/call-next"),
        (paths.consultation("01J", "claim"), "/api/v1/consultations/01J/claim"),
        (paths.knowledge("faq"), "/api/v1/faqs"),
        (paths.knowledge("notice", "n1", "retire"), "/api/v1/notices/n1/retire"),
    ],
)
def test_paths_escape_what_comes_from_data(path: str, expected: str) -> None:
    assert path == expected
