"""Reading a letter in real headless Chromium: the preview and the meeting page pass axe at
1280 and 390 px, and what is saved is listed on the meeting's page."""

import datetime

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from .browser import assert_accessible, click_to_next_page, login, screenshot
from .factories import LetterFactory, MeetingFactory, UserFactory
from .test_read_letter_pages import LETTER_TEXT

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
def test_the_preview_and_the_meeting_page_are_accessible(browser, live_server, mps, mopac, width):
    UserFactory(username="reading-officer", organisation=mopac)
    meeting = MeetingFactory(date=datetime.date(2022, 10, 14))
    letter = LetterFactory(
        meeting=meeting, sender_organisation=mopac, recipient_organisation=mps, body=LETTER_TEXT
    )
    browser.set_window_size(width, 1000)
    login(browser, live_server, "reading-officer", "correct-horse-battery")

    browser.get(live_server.url + reverse("reading:letter", args=[letter.pk]))
    click_to_next_page(browser, browser.find_element(By.CSS_SELECTOR, "button[name=read]"))
    legends = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "fieldset legend")]
    assert legends == ["Action 1", "Action 2", "Question 1", "Question 2"]
    assert "Due date: 14 November 2022" in browser.page_source.replace("<strong>", "").replace(
        "</strong>", ""
    )
    screenshot(browser, f"read-letter-preview-{width}")
    assert_accessible(browser)

    click_to_next_page(browser, browser.find_element(By.CSS_SELECTOR, "button[name=save]"))
    assert "2 actions and 2 questions saved." in browser.page_source
    browser.get(live_server.url + meeting.get_absolute_url())
    rows = browser.find_elements(By.CSS_SELECTOR, "#questions + .app-table-scroll tbody tr")
    assert [r.find_element(By.TAG_NAME, "td").text for r in rows] == [letter.reference] * 2
    screenshot(browser, f"meeting-with-questions-{width}")
    assert_accessible(browser)
