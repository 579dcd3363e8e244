"""Smoke test in real headless Chromium: the login page is accessible and a user can sign in."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from .browser import assert_accessible, login, screenshot
from .factories import UserFactory

pytestmark = pytest.mark.browser


def test_login_page_passes_axe_and_a_user_signs_in_to_the_home_page(browser, live_server, mopac):
    UserFactory(username="smoke-officer", organisation=mopac)

    browser.get(live_server.url + reverse("login"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sign in"
    header = browser.find_element(By.TAG_NAME, "header")
    assert header.text.startswith("Oversight Action Tracker")
    screenshot(browser, "smoke-01-login")
    assert_accessible(browser)

    login(browser, live_server, "smoke-officer", "correct-horse-battery")

    assert browser.current_url == live_server.url + reverse("home")
    header = browser.find_element(By.TAG_NAME, "header").text
    assert "Sign out" in header
    assert "smoke-officer" not in header
    screenshot(browser, "smoke-02-home")
    assert_accessible(browser)


def test_wrong_password_shows_the_error_summary(browser, live_server, mopac):
    UserFactory(username="smoke-lead", organisation=mopac)

    browser.get(live_server.url + reverse("login"))
    browser.find_element(By.ID, "id_username").send_keys("smoke-lead")
    browser.find_element(By.ID, "id_password").send_keys("not-the-password")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()

    summary = browser.find_element(By.CLASS_NAME, "govuk-error-summary")
    assert "There is a problem" in summary.text
    screenshot(browser, "smoke-03-login-error")
    assert_accessible(browser)
