"""The supervisor's sample morning (`make demo`, `make screenshots`) plays at any hour: at
night the hall's opening hours would refuse its tickets and the demo would not start."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.engine.hall import Hall
from kiosk.sample.supervision import seed_store
from kiosk.setup import init_hall
from kiosk.store.db import store_path


def test_the_supervisors_morning_seeds_at_three_in_the_night(tmp_path: Path) -> None:
    hall = init_hall(tmp_path, sample=True)
    zone = ZoneInfo(hall.config.timezone)
    hall.close()
    yesterday = datetime.now(zone).date() - timedelta(days=1)
    night = datetime.combine(yesterday, time(3, 0), zone)  # long before issuing starts
    seed_store(tmp_path, end=night)
    hall = Hall(store_path(tmp_path))
    try:
        cases = hall.cases(status="open")["cases"]
    finally:
        hall.close()
    assert len(cases) >= 2  # the ratings of the scene opened their cases
