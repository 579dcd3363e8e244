"""In real Chromium: an officer writes, previews and sends a follow-up letter; pages pass axe."""

import datetime

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from letters.models import Letter

from .browser import assert_accessible, login, screenshot
from .factories import ActionFactory, BoardFactory, LetterFactory, MeetingFactory

pytestmark = pytest.mark.browser


def test_an_officer_writes_previews_and_sends_the_follow_up_letter(
    browser, live_server, officer, mps, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    ActionFactory(meeting=meeting, number=1, text="MPS to provide a briefing note.", owners=[mps])
    LetterFactory(
        reference="MOPAC01062022-D4219",
        recipient_organisation=mps,
        addressee_block="Sir Stephen House QPM\nMetropolitan Police Service",
        salutation="Dear Steve",
        signatory="Sophie Linden",
        signatory_title="Deputy Mayor for Policing and Crime",
    )
    login(browser, live_server, "officer", "correct-horse-battery")

    compose_url = live_server.url + reverse("documents:letter_compose", args=[meeting.pk])
    browser.get(compose_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Write the follow-up letter"
    screenshot(browser, "documents-01-letter-form")
    assert_accessible(browser)
    body = browser.find_element(By.ID, "id_body")
    body.send_keys("\n\nPlease tell me:\n- how many schools\n- by when")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(browser, 10).until(expected_conditions.url_changes(compose_url))

    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Letter MOPAC")
    assert "how many schools" in browser.find_element(By.CSS_SELECTOR, "main ul").text
    screenshot(browser, "documents-02-letter-preview")
    assert_accessible(browser)
    browser.find_element(By.XPATH, "//button[text()='Mark as sent']").click()
    WebDriverWait(browser, 30).until(
        expected_conditions.text_to_be_present_in_element(
            (By.TAG_NAME, "main"), "marked as sent; its PDF is stored"
        )
    )

    letter = Letter.objects.get(meeting=meeting)
    assert letter.status == Letter.Status.SENT
    assert letter.pdf
    screenshot(browser, "documents-03-letter-sent")
    assert_accessible(browser)

    browser.find_element(By.LINK_TEXT, 'Undo "sent"').click()
    assert_accessible(browser)
    browser.find_element(By.ID, "id_reason").send_keys("The DMPC asked for one more paragraph")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(browser, 10).until(
        expected_conditions.text_to_be_present_in_element((By.TAG_NAME, "main"), "draft again")
    )
    letter.refresh_from_db()
    assert (letter.status, letter.pdf.name) == (Letter.Status.DRAFT, "")
    screenshot(browser, "documents-05-letter-back-to-draft")


def test_the_overdue_report_page_is_accessible(browser, live_server, reviewer):
    BoardFactory(name="Performance and Risk Oversight Board")
    login(browser, live_server, "reviewer", "correct-horse-battery")

    browser.get(live_server.url + reverse("documents:overdue_report"))

    assert browser.find_element(By.TAG_NAME, "h1").text == "Overdue report"
    screenshot(browser, "documents-04-overdue-report")
    assert_accessible(browser)
