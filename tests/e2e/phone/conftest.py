"""Headless Chromium (Debian's chromium + chromedriver) driven by Selenium, sized like a phone.

A missing browser fails the tests with a message instead of skipping them: the phone page is
only proven in a real browser.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
WAIT_S = 8
# Records navigator.vibrate calls (headless Chromium has nothing to vibrate).
VIBRATE_SPY = (
    "window.__vibrated = [];"
    "navigator.vibrate = function (p) { window.__vibrated.push(p); return true; };"
)


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
def browser_factory() -> Iterator[Callable[[str], Any]]:
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
        driver = webdriver.Chrome(
            service=Service(str(CHROMEDRIVER)), options=_options(lang, user_data)
        )
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": VIBRATE_SPY})
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
    """Saves the whole page (not just the viewport) as docs/screenshots/<name>."""
    import base64

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False}
    )
    path = SCREENSHOTS / name
    path.write_bytes(base64.b64decode(shot["data"]))
    return path
