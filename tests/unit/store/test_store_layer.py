"""The store is the bottom layer: nothing in kiosk/store imports the engine or anything above
it, so a migration cannot come to depend on how today's engine happens to work."""

from __future__ import annotations

import ast
from pathlib import Path

import kiosk.store

ABOVE = ("kiosk.engine", "kiosk.server", "kiosk.sync", "kiosk.center", "kiosk.admin", "kiosk.cli")


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_store_imports_nothing_above_it() -> None:
    store = Path(kiosk.store.__file__).parent
    reaching = {
        f"{path.name}: {name}"
        for path in store.glob("*.py")
        for name in imports(path)
        if name.startswith(ABOVE)
    }
    assert not reaching
