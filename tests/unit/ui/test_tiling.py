"""The demo's windows are tiled over the screens: none overlaps another, each lies on a screen,
and a second screen takes its share instead of everything piling up on the first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from ui.common.tiling import parse_tile, tile_rect

ONE = [QRect(0, 0, 1920, 1040)]
TWO = [QRect(0, 0, 1920, 1040), QRect(1920, 0, 1280, 984)]


@pytest.mark.parametrize("screens", [ONE, TWO, [QRect(0, 0, 1366, 728)]])
@pytest.mark.parametrize("count", [1, 2, 5, 6])
def test_tiles_do_not_overlap_and_stay_on_screen(screens: list[QRect], count: int) -> None:
    rects = [tile_rect(i, count, screens) for i in range(count)]
    for i, r in enumerate(rects):
        assert any(s.contains(r) for s in screens), (i, r)
        assert r.width() >= 300 and r.height() >= 200
        for other in rects[i + 1 :]:
            assert not r.intersects(other), (r, other)
    if len(screens) > 1 and count > 1:
        assert {next(s for s in screens if s.contains(r)).x() for r in rects} == {0, 1920}


def test_tile_argument() -> None:
    assert parse_tile("2/6") == (2, 6)
    for bad in ("6/6", "-1/3", "x", "1"):
        with pytest.raises(ValueError):
            parse_tile(bad)
