"""How the front ends word what the server sends: a name in the reader's language, a wait in
whole minutes. Screens and printed tickets use the same two rules, so a citizen never reads one
wait on the kiosk's screen and another on the paper, or at the help desk."""

from __future__ import annotations

import math
from typing import Any


def loc(obj: dict[str, Any] | None, name: str, lang: str) -> str:
    """``obj[name_en]`` in English when present, else ``obj[name_zh]`` (Chinese is complete)."""
    if not obj:
        return ""
    if lang == "en" and obj.get(f"{name}_en"):
        return str(obj[f"{name}_en"])
    return str(obj.get(f"{name}_zh") or "")


def wait_minutes(seconds: float) -> int:
    """Whole minutes, rounded up: "about 1 min" is kinder than "about 0 min" for 20 s."""
    return max(0, math.ceil(seconds / 60))
