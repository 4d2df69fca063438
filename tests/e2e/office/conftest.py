"""Headless Chromium at a desk's size against a live center loaded with a small city.

The same browser as the phone page's tests (Debian's chromium and chromedriver via Selenium); a
missing browser fails the tests instead of skipping them. Screenshots go to $KIOSK_SCREENSHOTS
when it is set (docs/screenshots), else to a temporary directory.
"""

from __future__ import annotations

import base64
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kiosk.center.app import create_center_app  # noqa: E402
from kiosk.center.office_users import create_office_user  # noqa: E402
from tests.e2e.phone.conftest import CHROMEDRIVER, CHROMIUM, SCREENSHOTS_ENV, _options  # noqa: E402
from tests.helpers.live_server import serve_in_thread  # noqa: E402
from tests.helpers.office_fixture import NORTH, SOUTH, load_city, register_city  # noqa: E402

DESK = {"width": 1440, "height": 1000, "deviceScaleFactor": 1, "mobile": False}


@dataclass
class OfficeCenter:
    url: str
    engine: Any
    city: str
    south: str
    north: str


@pytest.fixture(scope="module")
def center(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OfficeCenter]:
    app = create_center_app(f"sqlite:///{tmp_path_factory.mktemp('center') / 'center.db'}")
    engine = app.state.engine
    register_city(engine)
    load_city(engine)
    city = create_office_user(engine, "市政务服务管理办公室")
    south = create_office_user(engine, "市南区政务服务管理办公室", SOUTH)
    north = create_office_user(engine, "市北区政务服务管理办公室", NORTH)
    with serve_in_thread(app) as url:
        yield OfficeCenter(url, engine, city, south, north)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = os.environ.get(SCREENSHOTS_ENV)
    return Path(target) if target else tmp_path_factory.mktemp("office-screenshots")


@pytest.fixture(scope="module")
def desk() -> Iterator[Callable[[], Any]]:
    """Opens desk-sized Chromium sessions; all quit at the end."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.fail(
            f"headless Chromium is needed for the office page tests but {', '.join(missing)} "
            "is missing: apt install chromium chromium-driver (scripts/sysdeps.sh)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    drivers: list[Any] = []

    def open_browser() -> Any:
        options = _options("zh-CN", tempfile.mkdtemp(prefix="office-chromium-"))
        driver: Any = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESK)
        drivers.append(driver)
        return driver

    yield open_browser
    for driver in drivers:
        driver.quit()


def sign_in(driver: Any, center: OfficeCenter, token: str, query: str = "") -> None:
    """The token where the page keeps it (this tab's sessionStorage), then the page."""
    driver.get(center.url + "/office")
    driver.execute_script("sessionStorage.setItem('office-token', arguments[0])", token)
    driver.get(center.url + "/office" + query)


def full_page_shot(driver: Any, path: Path) -> Path:
    """The whole page, not just the viewport: the metrics grow to the page's height first."""
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**DESK, "height": height})
    try:
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    finally:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESK)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))
    return path
