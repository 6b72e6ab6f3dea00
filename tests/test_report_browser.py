"""The HTML report in a real browser: headless Chromium, opened from a file with networking off.

Needs the Debian packages chromium and chromium-driver and the selenium package; without them
the test skips, except with CI=true, where it fails. Leaves test-artifacts/report.html and
test-artifacts/report.png (a full-page screenshot) at the repository root.
"""

import base64
import datetime as dt
import importlib.util
import os
from pathlib import Path

import pytest
from shared_paths import needs_shared
from test_report import build_corpus

from archive.report import render_report
from archive.store import open_archive

pytestmark = needs_shared

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
IN_CI = os.environ.get("CI", "").lower() == "true"
GENERATED_AT = dt.datetime(2024, 1, 2, 3, 4, tzinfo=dt.UTC)


def browser_missing() -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if importlib.util.find_spec("selenium") is None:
        missing.append("the selenium package")
    if missing:
        return f"{', '.join(missing)} absent (apt-get install chromium chromium-driver; pip install selenium)"
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    reason = browser_missing()
    if reason:
        if IN_CI:
            pytest.fail(f"{reason}: CI=true requires the browser test")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1200,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
        # Any request that still tries to leave goes to a closed port.
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    ):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: selenium-manager never looks for (or downloads) one.
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0},
        )
        yield driver
    finally:
        driver.quit()


def full_page_screenshot(driver, path: Path) -> None:
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        },
    )
    path.write_bytes(base64.b64decode(shot["data"]))


def test_the_report_in_headless_chromium(browser, tmp_path):
    from selenium.webdriver.common.by import By

    engine = open_archive(str(tmp_path / "archive.db"))
    try:
        page = render_report(build_corpus(engine), generated_at=GENERATED_AT)
    finally:
        engine.dispose()
    ARTIFACTS.mkdir(exist_ok=True)
    report = ARTIFACTS / "report.html"
    report.write_text(page, encoding="utf-8")

    browser.get(report.as_uri())
    assert browser.execute_script("return document.readyState") == "complete"
    assert browser.execute_script("return navigator.onLine") is False
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0

    def shown(selector: str) -> list:
        elements = browser.find_elements(By.CSS_SELECTOR, selector)
        assert elements, f"nothing matches {selector}"
        for element in elements:
            assert (
                element.is_displayed()
                and element.size["width"] > 300
                and element.size["height"] > 50
            ), selector
        return elements

    assert len(shown("svg.epidemic-curve")) == 2  # 哈尔滨市 and 黑龙江省
    assert len(shown("svg.channel-composition")) == 2
    top_areas = shown("svg#top-areas")[0]
    heat = shown("table#area-heat")[0]

    # Labels are text in the page, so the reader's fonts set the Chinese.
    labels = [label.text for label in top_areas.find_elements(By.CSS_SELECTOR, "text.label")]
    assert labels[:2] == ["哈尔滨市香坊区", "哈尔滨市南岗区"]
    assert (
        heat.find_element(By.CSS_SELECTOR, 'td[data-area="香坊区"][data-date="2022-11-30"]').text
        == "38"
    )
    curve = browser.find_element(By.CSS_SELECTOR, 'svg.epidemic-curve[data-region="哈尔滨市"]')
    bar = curve.find_element(
        By.CSS_SELECTOR, 'rect[data-date="2022-11-30"][data-series="asymptomatic"]'
    )
    assert bar.get_attribute("data-value") == "126" and bar.size["height"] > 50

    # Nothing wider than the window: charts scale down, wide tables scroll inside their section.
    assert browser.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth"
    )

    full_page_screenshot(browser, ARTIFACTS / "report.png")
    severe = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert severe == []
