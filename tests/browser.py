"""Selenium helpers for the browser tests: headless Debian Chromium, sign-in, screenshots, axe.

The `browser` fixture (tests/conftest.py) calls `start_chromium`; tests use pytest-django's
`live_server`, which also serves the static files (GOV.UK Frontend, axe-core) through
django.contrib.staticfiles' handler.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from .services import CHROMEDRIVER, CHROMIUM, require_chromium

SCREENSHOTS = settings.BASE_DIR / "artifacts" / "screenshots"
AXE_SCRIPT = settings.BASE_DIR / "static" / "vendor" / "axe.min.js"
# axe-core's tags for the success criteria of WCAG 2.0, 2.1 and 2.2 at levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # This machine's network is closed: without these Chromium keeps calling home and failing.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1600",
]


def start_chromium(profile: Path) -> webdriver.Chrome:
    """A new headless Chromium with an empty profile in `profile`."""
    require_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.implicitly_wait(0)
    driver.set_page_load_timeout(30)
    return driver


def login(browser, live_server, username: str, password: str) -> None:
    """Sign in through the login page and wait until it has gone."""
    login_url = live_server.url + reverse("login")
    browser.get(login_url)
    browser.find_element(By.ID, "id_username").send_keys(username)
    browser.find_element(By.ID, "id_password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(browser, 10).until(expected_conditions.url_changes(login_url))


def click_to_next_page(browser, element) -> None:
    """Click a link or submit button and wait until the next page has replaced this one, so
    that the next look-up cannot find an element of the page being left."""
    page = browser.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(browser, 10).until(lambda _: _gone(page))


def _gone(element) -> bool:
    """Whether `element` has left the document. While a page is being replaced, Chromium may
    answer "Node with given id does not belong to the document" rather than that the element
    is stale (Selenium's `staleness_of` then fails the test): both mean it has gone."""
    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in error.msg:
            return True
        raise
    return False


def screenshot(browser, name: str) -> Path:
    """Save a PNG of the page as artifacts/screenshots/<name>.png and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if not browser.save_screenshot(str(path)):
        pytest.fail(f"could not save the screenshot {path}")
    return path


def assert_accessible(browser) -> None:
    """Run axe-core on the page for WCAG 2.0/2.1/2.2 A and AA; fail listing every violation."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm run build` (or `make assets`)")
    browser.execute_script(AXE_SCRIPT.read_text())
    browser.set_script_timeout(30)
    results = browser.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: "tag", values: arguments[0]}})
          .then(done, (error) => done({error: String(error)}));
        """,
        WCAG_TAGS,
    )
    if "error" in results:
        pytest.fail(f"axe-core failed on {browser.current_url}: {results['error']}")
    violations = results["violations"]
    if violations:
        pytest.fail(
            f"{len(violations)} accessibility violation(s) on {browser.current_url}:\n"
            + "\n".join(describe(violation) for violation in violations),
            pytrace=False,
        )


def describe(violation: dict) -> str:
    """One violation in a few readable lines: rule, impact, help, the elements it was found on."""
    lines = [f"- {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"][:5]:
        target = " ".join(map(str, node["target"]))
        summary = " ".join(node["failureSummary"].split())
        lines.append(f"    at {target}: {summary}")
    if len(violation["nodes"]) > 5:
        lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    lines.append(f"    see {violation['helpUrl']}")
    return "\n".join(lines)
