"""Rank order is how a window chooses its next ticket, so the nested-list form must be exact."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from kiosk.catalog.hall_config import WindowConfig


def _window(categories: list[str | list[str]]) -> WindowConfig:
    return WindowConfig.model_validate(
        {
            "no": 1,
            "name_zh": "1号窗",
            "name_en": "Window 1",
            "kind": "comprehensive",
            "categories": categories,
        }
    )


def test_plain_list_ranks_in_order() -> None:
    assert _window(["A", "B", "C"]).ranks() == {"A": 0, "B": 1, "C": 2}


def test_nested_list_shares_a_rank() -> None:
    w = _window([["A", "B"], "C"])
    assert w.ranks() == {"A": 0, "B": 0, "C": 1}
    assert w.category_codes() == ["A", "B", "C"]
    assert w.serves("B") and not w.serves("D")


@pytest.mark.parametrize(
    ("categories", "message"),
    [
        ([], "at least 1"),
        ([[]], "at least one category"),
        (["A", ["B", "A"]], "listed twice: A"),
    ],
)
def test_bad_rank_lists_are_refused(categories: list[str | list[str]], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _window(categories)
