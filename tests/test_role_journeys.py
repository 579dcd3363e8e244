"""The journeys of issue 17 in real headless Chromium, each page checked by axe-core and kept as
screenshots at 1280 and 390 px (artifacts/screenshots/roles-<journey>-<step>-<width>.png).

1. More time: a lead asks for a new deadline; an officer finds it in "My actions" and agrees it.
"""

import datetime

import pytest
from selenium.webdriver.common.by import By

from actions.models import Action

from .browser import assert_accessible, login, screenshot
from .factories import ActionFactory, MeetingFactory
from .test_journeys import (
    PASSWORD,
    SUBMIT,
    click_to_next_page,
    main_text,
    name_like_the_demo_users,
    sign_out,
    wait_for_heading,
)

pytestmark = pytest.mark.browser

WIDTHS = (1280, 390)


def look(browser, name: str) -> None:
    """axe-core on the page, and a screenshot at each width."""
    assert_accessible(browser)
    for width in WIDTHS:
        browser.set_window_size(width, 1600)
        screenshot(browser, f"roles-{name}-{width}")
    browser.set_window_size(WIDTHS[0], 1600)


def follow(browser, text: str) -> None:
    click_to_next_page(
        browser, browser.find_element(By.XPATH, f"//main//a[normalize-space()='{text}']")
    )


@pytest.fixture
def action(mps):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    return ActionFactory(
        meeting=meeting,
        number=4,
        owners=[mps],
        timing="August 2022",
        text="MPS to brief the Board on response times in Lambeth.",
    )


def test_lead_asks_for_more_time_and_an_officer_agrees(browser, live_server, officer, lead, action):
    name_like_the_demo_users(lead, "Leo", "Lead")
    name_like_the_demo_users(officer, "Olivia", "Officer")
    login(browser, live_server, "lead", PASSWORD)
    browser.get(live_server.url + action.get_absolute_url())
    follow(browser, "Ask for more time")
    wait_for_heading(browser, "Ask for more time")
    browser.find_element(By.CSS_SELECTOR, SUBMIT).click()
    wait_for_heading(browser, "Ask for more time")
    assert "Enter the new deadline" in main_text(browser)
    browser.find_element(By.ID, "id_timing").send_keys("March 2023")
    browser.find_element(By.ID, "id_reason").send_keys("The Lambeth data arrive in February.")
    look(browser, "1-01-ask-for-more-time")
    browser.find_element(By.CSS_SELECTOR, SUBMIT).click()
    wait_for_heading(browser, "Action 4")
    assert "More time asked for. MOPAC will agree or decline it." in main_text(browser)
    assert "Awaiting a decision" in browser.find_element(By.ID, "more-time").text
    look(browser, "1-02-more-time-asked")
    sign_out(browser)

    login(browser, live_server, "officer", PASSWORD)
    browser.get(live_server.url + "/actions/mine/")
    follow(browser, "More time asked for: 1 request awaiting your decision")
    wait_for_heading(browser, "More time asked for")
    look(browser, "1-03-officer-pending-requests")
    click_to_next_page(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Action 4"))
    wait_for_heading(browser, "Action 4")
    follow(browser, "Agree the new deadline")
    wait_for_heading(browser, "Agree the new deadline")
    look(browser, "1-04-agree-form")
    browser.find_element(By.CSS_SELECTOR, SUBMIT).click()
    wait_for_heading(browser, "Action 4")
    assert "More time agreed: the timing is revised." in main_text(browser)
    timeline = browser.find_element(By.CSS_SELECTOR, "ol.app-timeline").text
    assert "More time asked for: March 2023" in timeline
    assert "Due date: 31 August 2022 → 31 March 2023" in timeline
    look(browser, "1-05-more-time-agreed")
    action = Action.objects.get(pk=action.pk)
    assert (action.due_date, action.slip_count) == (datetime.date(2023, 3, 31), 1)
