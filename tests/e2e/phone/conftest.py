"""Headless Chromium (Debian's chromium + chromedriver) driven by Selenium, sized like a phone.

A missing browser fails the tests with a message instead of skipping them: the phone page is
only proven in a real browser. The pages' screenshots go to $KIOSK_SCREENSHOTS when it is set
(`make screenshots` sets it to docs/screenshots), else to a temporary directory, so a test run
leaves the working tree alone.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
SCREENSHOTS_ENV = "KIOSK_SCREENSHOTS"
WAIT_S = 8
# Records navigator.vibrate calls (headless Chromium has nothing to vibrate).
VIBRATE_SPY = (
    "window.__vibrated = [];"
    "navigator.vibrate = function (p) { window.__vibrated.push(p); return true; };"
)


@pytest.fixture(scope="session")
def screenshots_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """$KIOSK_SCREENSHOTS if set, else a directory in pytest's own temporary tree."""
    target = os.environ.get(SCREENSHOTS_ENV)
    return Path(target) if target else tmp_path_factory.mktemp("phone-screenshots")


def _options(lang: str, user_data: str) -> Any:
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--lang={lang}",
        f"--user-data-dir={user_data}",
    ):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": lang})
    return options


@pytest.fixture(scope="module")
def browser_factory(screenshots_dir: Path) -> Iterator[Callable[[str], Any]]:
    """Opens phone-sized Chromium sessions (by Accept-Language); all quit at the end."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.fail(
            f"headless Chromium is needed for the phone page tests but {', '.join(missing)} "
            "is missing: apt install chromium chromium-driver (scripts/sysdeps.sh)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    drivers: list[Any] = []

    def open_browser(lang: str = "zh-CN") -> Any:
        user_data = tempfile.mkdtemp(prefix="phone-chromium-")
        driver: Any = webdriver.Chrome(
            service=Service(str(CHROMEDRIVER)), options=_options(lang, user_data)
        )
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": VIBRATE_SPY})
        # screenshot() finds its folder on the driver: the tests import this module by its
        # dotted name, a second copy of pytest's conftest, so module state would not be shared.
        driver.screenshots_dir = screenshots_dir
        drivers.append(driver)
        return driver

    yield open_browser
    for driver in drivers:
        driver.quit()


@pytest.fixture
def phone(browser_factory: Callable[[str], Any]) -> Any:
    return browser_factory("zh-CN")


def wait_for(driver: Any, condition: Callable[[Any], Any], timeout: float = WAIT_S) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition)


def text_of(driver: Any, css: str) -> str:
    """The element's visible text, read in one script call: the page re-renders as events
    arrive, so a found element may be replaced before Selenium reads it."""
    script = "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';"
    return str(driver.execute_script(script, css)).strip()


def click(driver: Any, css: str) -> None:
    """Clicks the element, finding it again if a re-render replaced it in between."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    def attempt(d: Any) -> bool:
        try:
            d.find_element(By.CSS_SELECTOR, css).click()
        except StaleElementReferenceException:
            return False
        return True

    wait_for(driver, attempt)


def no_horizontal_overflow(driver: Any) -> bool:
    return bool(
        driver.execute_script(
            "return document.documentElement.scrollWidth <= window.innerWidth"
            " && document.body.scrollWidth <= window.innerWidth"
        )
    )


def screenshot(driver: Any, name: str) -> Path:
    """Saves the page as <screenshots_dir>/<name>: $KIOSK_SCREENSHOTS or a temporary directory."""
    import base64

    folder: Path = driver.screenshots_dir
    folder.mkdir(parents=True, exist_ok=True)
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False}
    )
    path = folder / name
    path.write_bytes(base64.b64decode(shot["data"]))
    return path
