"""Every front end's window title is translated: the kiosk's follows its language switch (a
Chinese kiosk titled "Ticket kiosk" shows in the task bar and in screen readers)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

UI = Path(__file__).resolve().parents[3] / "ui"


@pytest.mark.gui
def test_the_kiosk_title_follows_its_language(kiosk: Any, qtbot: Any) -> None:
    assert kiosk.windowTitle() == "自助取号机"
    kiosk.header.lang.click()
    qtbot.waitUntil(lambda: kiosk.windowTitle() == "Ticket kiosk", timeout=5000)


def test_every_window_title_goes_through_tr() -> None:
    untranslated = []
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "setWindowTitle"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                untranslated.append(f"{path.relative_to(UI.parent)}:{node.lineno}")
    assert not untranslated, f"window titles not through tr(): {untranslated}"
