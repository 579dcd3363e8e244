"""The journeys of issue 3 in real headless Chromium, each page checked by axe-core.

1. An officer records a meeting and pastes a three-row Annex A table.
2. A lead (MPS) sees only their organisation's actions, posts an update with a PDF as evidence and
   proposes completion.
3. The officer accepts completion: the action is completed, its timeline telling who did what.

Screenshots of every step: artifacts/screenshots/journey-<n>-<step>.png.
"""

import datetime

import pytest
from django.utils import dateformat, timezone
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from actions.workflow import Status
from meetings.models import Meeting

from .browser import assert_accessible, click_to_next_page, login, screenshot
from .factories import ActionFactory, BoardFactory, MeetingFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery"
# The meeting and the table of docs/walkthrough.md, so that its screenshots match its text.
BOARD = "Finance, Change and People Oversight Board"
MEETING = f"{BOARD}, 12 July 2022"
ANNEX = (
    "No.\tAction\tTiming\tLead\n"
    "1\tMPS to provide a briefing note on PCSO recruitment.\tAugust 2022\tMPS\n"
    "2\tMPS and MOPAC to review the stop and search scrutiny findings.\t"
    "August/Sept 2022\tMPS and MOPAC\n"
    "3\tVC to share the victims' survey results.\tAugust 2022\tVC\n"
)
ANNEX_TEXTS = [line.split("\t")[1] for line in ANNEX.splitlines()[1:]]
OTHER_ORGANISATIONS_ACTION = "VC to publish the victims' code compliance figures."
SUBMIT = "main form button[type=submit]"


def test_officer_records_an_annex_a_lead_proposes_completion_officer_accepts_it(
    browser, live_server, officer, lead, mps, mopac, other_org, private_media, tmp_path
):
    name_like_the_demo_users(officer, "Olivia", "Officer")
    name_like_the_demo_users(lead, "Leo", "Lead")
    BoardFactory(name=BOARD)
    ActionFactory(
        meeting=MeetingFactory(date=datetime.date(2022, 5, 20)),
        number=1,
        text=OTHER_ORGANISATIONS_ACTION,
        lead="VC",
        owners=[other_org],
    )

    meeting = officer_records_a_meeting_and_pastes_the_annex(browser, live_server)
    action = meeting.actions.get(number=1)
    evidence = tmp_path / "pcso-briefing-note.pdf"
    evidence.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
    lead_updates_and_proposes_completion(browser, live_server, action, evidence)
    officer_accepts_completion(browser, live_server, action)


def officer_records_a_meeting_and_pastes_the_annex(browser, live_server) -> Meeting:
    login(browser, live_server, "officer", PASSWORD)
    browser.find_element(By.LINK_TEXT, "Add a meeting").click()
    wait_for_heading(browser, "Add a meeting")
    Select(browser.find_element(By.ID, "id_board")).select_by_visible_text(BOARD)
    browser.find_element(By.ID, "id_date").send_keys("12/07/2022")
    Select(browser.find_element(By.ID, "id_status")).select_by_visible_text("Held")
    screenshot(browser, "journey-1-01-meeting-form")
    assert_accessible(browser)
    click_button(browser, "Save the meeting")
    wait_for_heading(browser, MEETING)
    assert "No actions recorded" in main_text(browser)
    screenshot(browser, "journey-1-02-meeting-recorded")
    assert_accessible(browser)

    browser.find_element(By.LINK_TEXT, "Paste an Annex A table").click()
    wait_for_heading(browser, "Paste an Annex A table")
    browser.find_element(By.ID, "id_annex").click()
    # Inserts the text as a paste does; typing would turn each tab into a move to the next field.
    browser.execute_cdp_cmd("Input.insertText", {"text": ANNEX})
    screenshot(browser, "journey-1-03-annex-pasted")
    assert_accessible(browser)
    click_button(browser, "Preview")
    WebDriverWait(browser, 10).until(
        expected_conditions.text_to_be_present_in_element((By.TAG_NAME, "h2"), "Check the 3 rows")
    )
    preview = [
        [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
        for row in browser.find_elements(By.CSS_SELECTOR, "main tbody tr")
    ]
    assert [(row[0], row[2], row[3], row[4]) for row in preview] == [
        ("1", "August 2022", "31 August 2022", "MPS"),
        ("2", "August/Sept 2022", "30 September 2022", "MPS and MOPAC"),
        ("3", "August 2022", "31 August 2022", "VC"),
    ]
    screenshot(browser, "journey-1-04-annex-preview")
    assert_accessible(browser)

    click_button(browser, "Save all 3 actions")
    wait_for_heading(browser, MEETING)
    assert "3 actions added" in main_text(browser)
    rows = browser.find_elements(By.CSS_SELECTOR, "#annex-a + table tbody tr")
    assert [row.find_elements(By.TAG_NAME, "td")[1].text for row in rows] == ANNEX_TEXTS
    assert "Due 30 September 2022" in rows[1].text
    screenshot(browser, "journey-1-05-meeting-with-actions")
    assert_accessible(browser)
    sign_out(browser)
    return Meeting.objects.get(board__name=BOARD, date=datetime.date(2022, 7, 12))


def lead_updates_and_proposes_completion(browser, live_server, action, evidence) -> None:
    login(browser, live_server, "lead", PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "header").find_element(By.LINK_TEXT, "Actions").click()
    wait_for_heading(browser, "Actions")
    assert len(browser.find_elements(By.CSS_SELECTOR, "main table tbody tr")) == 2
    listed = browser.find_element(By.CSS_SELECTOR, "main table").text
    mps_actions, vc_action = ANNEX_TEXTS[:2], ANNEX_TEXTS[2]
    assert all(text in listed for text in mps_actions)
    assert vc_action not in listed
    assert OTHER_ORGANISATIONS_ACTION not in listed
    screenshot(browser, "journey-2-01-lead-action-list")
    assert_accessible(browser)

    browser.find_element(By.LINK_TEXT, action.text).click()
    wait_for_heading(browser, "Action 1")
    screenshot(browser, "journey-2-02-action")
    assert_accessible(browser)

    browser.find_element(By.LINK_TEXT, "Post an update").click()
    wait_for_heading(browser, "Post an update")
    browser.find_element(By.ID, "id_note").send_keys("Briefing note drafted; attached.")
    browser.find_element(By.ID, "id_evidence").send_keys(str(evidence))
    screenshot(browser, "journey-2-03-update-form")
    assert_accessible(browser)
    browser.find_element(By.CSS_SELECTOR, SUBMIT).click()
    wait_for_heading(browser, "Action 1")
    assert "Your update has been posted." in main_text(browser)
    assert evidence.name in browser.find_element(By.CSS_SELECTOR, "ol.app-timeline").text
    screenshot(browser, "journey-2-04-update-posted")
    assert_accessible(browser)

    browser.find_element(By.LINK_TEXT, "Propose completion").click()
    wait_for_heading(browser, "Propose completion")
    browser.find_element(By.ID, "id_note").send_keys("The note was sent to MOPAC on 30 August.")
    screenshot(browser, "journey-2-05-propose-form")
    assert_accessible(browser)
    browser.find_element(By.CSS_SELECTOR, SUBMIT).click()
    wait_for_heading(browser, "Action 1")
    assert "Completion proposed. MOPAC will accept it" in main_text(browser)
    assert status_tag(browser) == "Completion proposed"
    screenshot(browser, "journey-2-06-completion-proposed")
    assert_accessible(browser)
    sign_out(browser)


def officer_accepts_completion(browser, live_server, action) -> None:
    login(browser, live_server, "officer", PASSWORD)
    assert "Awaiting your acceptance: 1 action" in main_text(browser)
    browser.find_element(By.LINK_TEXT, "Awaiting your acceptance").click()
    wait_for_heading(browser, "Actions")
    assert len(browser.find_elements(By.CSS_SELECTOR, "main table tbody tr")) == 1
    screenshot(browser, "journey-3-01-awaiting-acceptance")
    assert_accessible(browser)

    browser.find_element(By.LINK_TEXT, action.text).click()
    wait_for_heading(browser, "Action 1")
    browser.find_element(By.LINK_TEXT, "Accept completion").click()
    wait_for_heading(browser, "Accept completion")
    screenshot(browser, "journey-3-02-accept-form")
    assert_accessible(browser)
    browser.find_element(By.CSS_SELECTOR, SUBMIT).click()
    wait_for_heading(browser, "Action 1")
    assert "Completion accepted: the action is completed." in main_text(browser)
    assert status_tag(browser) == "Completed"
    action.refresh_from_db()
    assert action.status == Status.CLOSED
    screenshot(browser, "journey-3-03-action-closed")
    assert_accessible(browser)

    timeline = browser.find_element(By.CSS_SELECTOR, "ol.app-timeline")
    browser.execute_script("arguments[0].scrollIntoView()", timeline)
    titles = [title.text for title in timeline.find_elements(By.TAG_NAME, "h3")]
    assert titles == ["Action recorded", "Started", "Completion proposed", "Completion accepted"]
    for update, who in zip(
        action.updates.order_by("created_at"), ["lead", "lead", "officer"], strict=True
    ):
        assert update.author.username == who
        when = dateformat.format(timezone.localtime(update.created_at), "j F Y, H:i")
        assert f"{update.get_kind_display()}\n{when} by {update.author.display_name()}" in (
            timeline.text
        )
    assert "pcso-briefing-note.pdf" in timeline.text
    assert "Status: Completion proposed → Completed" in timeline.text
    screenshot(browser, "journey-3-04-timeline")


def name_like_the_demo_users(user, first_name: str, last_name: str) -> None:
    user.first_name, user.last_name = first_name, last_name
    user.save(update_fields=["first_name", "last_name"])


def wait_for_heading(browser, text: str) -> None:
    # While the page is replaced, Chromium may answer for a node of the page being left
    # ("does not belong to the document"): keep asking until the new page's heading is there.
    WebDriverWait(browser, 10, ignored_exceptions=[WebDriverException]).until(
        expected_conditions.text_to_be_present_in_element((By.TAG_NAME, "h1"), text)
    )
    assert browser.find_element(By.TAG_NAME, "h1").text == text


def click_button(browser, text: str) -> None:
    """The visible submit button of the page's main content with this text."""
    button = browser.find_element(
        By.XPATH, f"//main//button[normalize-space()='{text}' and not(@hidden)]"
    )
    click_to_next_page(browser, button)


def main_text(browser) -> str:
    return browser.find_element(By.TAG_NAME, "main").text


def status_tag(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, "main h1 ~ p strong.govuk-tag").text


def sign_out(browser) -> None:
    browser.find_element(
        By.CSS_SELECTOR, "header form.app-header__account button[type=submit]"
    ).click()
    WebDriverWait(browser, 10).until(
        expected_conditions.presence_of_element_located((By.ID, "id_username"))
    )
