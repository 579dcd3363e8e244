"""The journeys of issue 17 in real headless Chromium, each page checked by axe-core and kept as
screenshots at 1280 and 390 px (artifacts/screenshots/roles-<journey>-<step>-<width>.png).

1. More time: a lead asks for a new deadline; an officer finds it in "My actions" and agrees it.
2. Delegation: a lead names a deputy for a period away; the deputy finds the action under
   "Covering for" and passes it to a colleague.
3. Notices: an officer rejects a completion; the lead sees the count in the header, reads the
   reason on the Notices page and marks it read; the officer reads the log of emails.
4. Bulk changes: an officer ticks three actions; one cannot take the change, so nothing changes
   and it is listed with why; then two take a new timing at once.
5. As at a past date: a reviewer shows the dashboard as it stood on 5 January 2023, follows its
   overdue count to the action list as at that day, and goes back to today.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from accounts.models import Role
from actions import services
from actions.models import Action
from actions.workflow import Transition

from .as_at_history import make_history
from .browser import assert_accessible, login, screenshot
from .factories import ActionFactory, MeetingFactory, UserFactory
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
    browser.get(live_server.url + reverse("actions:mine"))
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


def test_lead_names_a_deputy_who_passes_an_action_on(browser, live_server, lead, mps, action):
    name_like_the_demo_users(lead, "Leo", "Lead")
    action.lead_user = lead
    action.save()
    UserFactory(
        username="deputy", role=Role.LEAD, organisation=mps, first_name="Dev", last_name="Deputy"
    )
    UserFactory(
        username="cara", role=Role.LEAD, organisation=mps, first_name="Cara", last_name="Colleague"
    )
    login(browser, live_server, "lead", PASSWORD)
    browser.get(live_server.url + reverse("account"))
    follow(browser, "Name a deputy while you are away")
    wait_for_heading(browser, "Away: name a deputy")
    Select(browser.find_element(By.ID, "id_deputy")).select_by_visible_text("Dev Deputy")
    today = timezone.localdate()
    browser.find_element(By.ID, "id_starts_on").send_keys(f"{today:%d/%m/%Y}")
    ends = today + datetime.timedelta(days=14)
    browser.find_element(By.ID, "id_ends_on").send_keys(f"{ends:%d/%m/%Y}")
    look(browser, "2-01-away-form")
    browser.find_element(By.CSS_SELECTOR, SUBMIT).click()
    wait_for_heading(browser, "Away: name a deputy")
    assert "Dev Deputy deputises for you" in main_text(browser)
    look(browser, "2-02-deputy-named")
    sign_out(browser)

    login(browser, live_server, "deputy", PASSWORD)
    browser.get(live_server.url + reverse("actions:mine"))
    wait_for_heading(browser, "My actions")
    assert "Covering for Leo Lead" in main_text(browser)
    look(browser, "2-03-deputy-my-actions")
    browser.get(live_server.url + action.get_absolute_url())
    follow(browser, "Pass to a colleague")
    wait_for_heading(browser, "Pass to a colleague")
    Select(browser.find_element(By.ID, "id_to")).select_by_visible_text("Cara Colleague (MPS)")
    browser.find_element(By.ID, "id_note").send_keys("Cara runs the Lambeth review now.")
    look(browser, "2-04-pass-on-form")
    browser.find_element(By.CSS_SELECTOR, SUBMIT).click()
    wait_for_heading(browser, "Action 4")
    assert "Cara Colleague now leads this action." in main_text(browser)
    timeline = browser.find_element(By.CSS_SELECTOR, "ol.app-timeline").text
    assert "Passed to Cara Colleague: Cara runs the Lambeth review now." in timeline
    look(browser, "2-05-passed-on")


def test_officer_rejects_and_the_lead_reads_the_notice(
    browser, live_server, officer, lead, action, django_capture_on_commit_callbacks
):
    name_like_the_demo_users(lead, "Leo", "Lead")
    name_like_the_demo_users(officer, "Olivia", "Officer")
    action.lead_user = lead
    action.save()
    services.change_status(action, Transition.PROPOSE, by=lead, note="Briefing sent.")
    login(browser, live_server, "officer", PASSWORD)
    browser.get(live_server.url + action.get_absolute_url())
    follow(browser, "Reject completion")
    wait_for_heading(browser, "Reject completion")
    browser.find_element(By.ID, "id_reason").send_keys("The Lambeth figures are missing.")
    browser.find_element(By.CSS_SELECTOR, SUBMIT).click()
    wait_for_heading(browser, "Action 4")
    sign_out(browser)

    login(browser, live_server, "lead", PASSWORD)
    notices = browser.find_element(By.CSS_SELECTOR, "header .app-header__notices")
    assert notices.text.split() == ["Notices", "1", "unread"]
    click_to_next_page(browser, notices)
    wait_for_heading(browser, "Notices")
    assert "Completion rejected: Action 4" in main_text(browser)
    assert "The Lambeth figures are missing." in main_text(browser)
    look(browser, "3-01-lead-notices")
    click_to_next_page(
        browser,
        browser.find_element(By.XPATH, "//main//button[normalize-space()='Mark all as read']"),
    )
    wait_for_heading(browser, "Notices")
    assert browser.find_element(By.CSS_SELECTOR, "header .app-header__notices").text == "Notices"
    browser.get(live_server.url + reverse("account"))
    wait_for_heading(browser, "Your account")
    look(browser, "3-02-account-notice-choice")
    sign_out(browser)

    login(browser, live_server, "officer", PASSWORD)
    browser.get(live_server.url + reverse("notices:email_log"))
    wait_for_heading(browser, "Notice emails")
    assert lead.email in main_text(browser)
    look(browser, "3-03-officer-email-log")


def test_officer_changes_several_actions_at_once(browser, live_server, officer, mps, action):
    others = [
        ActionFactory(meeting=action.meeting, number=n, owners=[mps], timing="August 2022")
        for n in (5, 6)
    ]
    others[1].transition(Transition.DROP, by=officer, note="Merged into action 4")
    login(browser, live_server, "officer", PASSWORD)
    browser.get(live_server.url + reverse("actions:list"))
    wait_for_heading(browser, "Actions")
    for chosen in (action, *others):
        browser.find_element(By.CSS_SELECTOR, f"label[for=select-{chosen.pk}]").click()
    look(browser, "4-01-list-ticked")
    click_to_next_page(
        browser,
        browser.find_element(
            By.XPATH, "//main//button[normalize-space()='Change the ticked actions']"
        ),
    )
    wait_for_heading(browser, "Change several actions")
    browser.find_element(By.CSS_SELECTOR, "label[for=id_change_0]").click()
    Select(browser.find_element(By.ID, "id_status")).select_by_visible_text("Completion proposed")
    browser.find_element(By.ID, "id_reason").send_keys("Briefings sent after the June board.")
    browser.find_element(By.CSS_SELECTOR, SUBMIT).click()
    wait_for_heading(browser, "Change several actions")
    assert "Nothing has been changed: 1 of the 3 actions" in main_text(browser)
    assert "dropped" in browser.find_element(By.ID, "refusals").text
    look(browser, "4-02-refused")
    assert not Action.objects.filter(status="completion_proposed").exists()

    browser.get(
        live_server.url + reverse("actions:bulk") + f"?action={action.pk}&action={others[0].pk}"
    )
    wait_for_heading(browser, "Change several actions")
    browser.find_element(By.CSS_SELECTOR, "label[for=id_change_1]").click()
    browser.find_element(By.ID, "id_timing").send_keys("March 2023")
    browser.find_element(By.ID, "id_reason").send_keys("Agreed at the board of 9 January.")
    look(browser, "4-03-bulk-form")
    browser.find_element(By.CSS_SELECTOR, SUBMIT).click()
    wait_for_heading(browser, "Actions")
    assert "2 actions changed." in main_text(browser)
    assert {a.due_date for a in Action.objects.filter(pk__in=[action.pk, others[0].pk])} == {
        datetime.date(2023, 3, 31)
    }


def test_reviewer_sees_the_dashboard_and_the_list_as_at_a_past_date(
    browser, live_server, reviewer, officer, lead, mps, mopac
):
    make_history(officer, lead, mps, mopac)  # action 2, due 31 December 2022, never done
    login(browser, live_server, "reviewer", PASSWORD)
    browser.get(live_server.url + reverse("dashboard:index"))
    wait_for_heading(browser, "Dashboard")
    browser.find_element(
        By.XPATH, "//summary[normalize-space()='See it as it stood on a past date']"
    ).click()
    browser.find_element(By.ID, "id_as_at").send_keys("5 January 2023")
    look(browser, "5-01-dashboard-choose-a-date")
    click_to_next_page(
        browser,
        browser.find_element(By.XPATH, "//button[normalize-space()='Show as at that date']"),
    )
    wait_for_heading(browser, "Dashboard")
    banner = browser.find_element(By.CSS_SELECTOR, ".app-as-at-banner").text
    assert "shown as they stood at the end of 5 January 2023" in banner
    look(browser, "5-02-dashboard-as-at")
    overdue = browser.find_element(By.CSS_SELECTOR, "a.app-counts__link[href*='overdue=1']")
    assert overdue.text.split() == ["1", "actions", "overdue"]
    click_to_next_page(browser, overdue)
    assert browser.find_element(By.TAG_NAME, "h1").text == "As at 5 January 2023\nActions"
    assert "1 action" in browser.find_element(By.ID, "match-count").text
    assert "Overdue" in browser.find_element(By.CSS_SELECTOR, "main table tbody").text
    look(browser, "5-03-list-as-at")
    click_to_next_page(browser, browser.find_element(By.LINK_TEXT, "Show them as they stand today"))
    wait_for_heading(browser, "Actions")
    assert not browser.find_elements(By.CSS_SELECTOR, ".app-as-at-banner")
    look(browser, "5-04-list-today")
