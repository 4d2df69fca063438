"""The day's figures: by topic, time to claim, time to resolve, converted and FAQ shares."""

from __future__ import annotations

from datetime import date

from kiosk.engine.helpdesk.figures import helpdesk_figures
from tests.unit.helpdesk.helpdesk_setup import KIOSK, desk


def test_figures_of_a_small_day(hall, clock) -> None:
    a = desk(hall)
    ids = [hall.create_consultation(t, actor=KIOSK)["id"] for t in ("社保", "社保", "公积金")]
    clock.advance(60)
    hall.claim(ids[0], a)
    clock.advance(120)
    hall.resolve(ids[0], a, "答复")
    hall.make_faq(ids[0], a)
    hall.claim(ids[1], a)
    hall.convert(ids[1], a)
    f = helpdesk_figures(hall, date(2026, 11, 27))
    assert f["total"] == 3 and f["by_topic"][0] == {"topic": "社保", "count": 2}
    assert f["time_to_claim"] == {"count": 2, "avg_s": 120.0, "median_s": 120.0, "max_s": 180.0}
    assert f["time_to_resolve"]["count"] == 1 and f["time_to_resolve"]["avg_s"] == 180.0
    assert f["converted"] == 1 and f["converted_share"] == round(1 / 3, 4)
    assert f["faq"] == 1 and f["faq_share"] == round(1 / 3, 4)
    assert f["by_source"] == {"kiosk": 3} and f["by_status"]["open"] == 1
    assert helpdesk_figures(hall, date(2026, 11, 26))["total"] == 0
