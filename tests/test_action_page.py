"""The action page, its timeline, officers' edits (stale edits refused) and timing revisions."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from actions.models import Action
from actions.workflow import Status
from meetings.models import MinuteItem

from .factories import ActionFactory, BoardFactory, MeetingFactory, RecommendationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def url(name, action):
    return reverse(f"actions:{name}", args=[action.pk])


@pytest.fixture
def meeting():
    return MeetingFactory(date=datetime.date(2022, 6, 24))


@pytest.fixture
def action(meeting, mps):
    return ActionFactory(
        meeting=meeting,
        number=3,
        owners=[mps],
        text="MPS to provide a briefing on 999 call handling.",
        lead="AC Frontline Policing",
        timing="August/Sept 2022",
    )


def edit_data(action, **changes):
    data = {
        "version": action.version,
        "text": action.text,
        "owners": [o.pk for o in action.owners.all()],
        "lead": action.lead,
        "lead_user": "",
        "forum": "",
        "theme": "",
        "minute_item": "",
    }
    return {**data, **changes}


@time_machine.travel(datetime.datetime(2022, 9, 1, 12, 0), tick=False)
def test_page_shows_what_was_agreed_and_where(client, lead, action, meeting):
    item = MinuteItem.objects.create(
        meeting=meeting, number="2.3", text="The Deputy Mayor requested a briefing."
    )
    recommendation = RecommendationFactory(reference="AFI 4")
    Action.objects.filter(pk=action.pk).update(minute_item=item)
    recommendation.actions.add(action)
    client.force_login(lead)
    page = client.get(url("detail", action)).content.decode()
    assert "MPS to provide a briefing on 999 call handling." in page
    assert "August/Sept 2022" in page and "30 September 2022" in page
    assert "Due soon" not in page and "On track" in page
    assert "AC Frontline Policing" in page
    assert "Performance and Risk Oversight Board" in page and "24 June 2022" in page
    assert "2.3" in page and "The Deputy Mayor requested a briefing." in page
    assert "AFI 4" in page
    assert "Post an update" in page and "Propose completion" in page
    assert "Accept completion" not in page and "Edit the action" not in page


def test_officer_sees_decisions_only_when_the_status_allows_them(client, officer, lead, action):
    client.force_login(officer)
    page = client.get(url("detail", action)).content.decode()
    assert "Accept completion" not in page and "Drop" in page and "Reopen" not in page
    action.propose_completion(by=lead, note="Done")
    page = client.get(url("detail", action)).content.decode()
    assert "Accept completion" in page and "Reject completion" in page


def test_user_text_is_escaped(client, officer, mps):
    action = ActionFactory(owners=[mps], text="<script>alert(1)</script>")
    client.force_login(officer)
    page = client.get(url("detail", action)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_officer_edit_is_saved_and_shown_in_the_timeline(client, officer, action, other_org):
    client.force_login(officer)
    data = edit_data(action, text="Briefing on 999 and 101 call handling.", lead="DAC")
    data["owners"].append(other_org.pk)
    response = client.post(url("edit", action), data)
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.text == "Briefing on 999 and 101 call handling."
    assert set(action.owners.values_list("short_name", flat=True)) == {"MPS", "VC"}
    page = client.get(url("detail", action)).content.decode()
    assert "Edited" in page
    assert "Lead: AC Frontline Policing → DAC" in page
    assert "Owners: MPS → MPS and VC" in page
    assert officer.display_name() in page


def test_stale_edit_is_refused_with_input_kept_and_a_link_to_the_latest(
    client, officer, lead, action
):
    client.force_login(officer)
    started_from = edit_data(action, text="My edited text")
    action.post_update(by=lead, note="Meanwhile, an update")  # bumps the version
    response = client.post(url("edit", action), started_from)
    assert response.status_code == 200
    content = response.content.decode()
    assert "This action was changed by someone else since you opened it" in content
    assert "Your changes have not been saved." in content
    assert "My edited text" in content
    assert url("detail", action) in content
    action.refresh_from_db()
    assert action.text == "MPS to provide a briefing on 999 call handling."


def test_leads_get_403_on_edit(client, lead, action):
    client.force_login(lead)
    assert client.get(url("edit", action)).status_code == 403
    response = client.post(url("edit", action), edit_data(action, text="Lead's text"))
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.text == "MPS to provide a briefing on 999 call handling."


def test_revise_timing_previews_the_due_date_then_saves_and_counts_the_slip(
    client, officer, action
):
    client.force_login(officer)
    data = {"timing": "Q4 2022/23", "reason": "Data not ready", "agreed_by": "DMPC"}
    preview = client.post(url("revise_timing", action), {**data, "preview": "1"})
    assert preview.status_code == 200
    assert "31 March 2023" in preview.content.decode()
    action.refresh_from_db()
    assert action.timing == "August/Sept 2022"

    response = client.post(url("revise_timing", action), data)
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.timing, action.due_date) == ("Q4 2022/23", datetime.date(2023, 3, 31))
    assert (action.original_timing, action.slip_count) == ("August/Sept 2022", 1)
    page = client.get(url("detail", action)).content.decode()
    assert "Timing revised" in page and "Data not ready" in page and "Agreed by DMPC." in page
    # Told once, by the revision, not again by the history.
    assert page.count("Timing: August/Sept 2022 → Q4 2022/23") == 1
    assert "Slipped 1 time" in page


def test_revise_timing_needs_a_reason(client, officer, action):
    client.force_login(officer)
    response = client.post(url("revise_timing", action), {"timing": "December 2022"})
    assert response.status_code == 200
    assert "Enter why the timing changed" in response.content.decode()
    action.refresh_from_db()
    assert action.slip_count == 0


def test_page_query_count_does_not_grow_with_the_timeline(
    client, officer, lead, action, django_assert_max_num_queries
):
    client.force_login(officer)

    def queries():
        with django_assert_max_num_queries(30) as captured:
            assert client.get(url("detail", action)).status_code == 200
        return len(captured.captured_queries)

    action.post_update(by=lead, note="First")
    action.revise_timing(by=officer, timing="October 2022", reason="Slipped")
    few = queries()
    for n in range(10):
        action.post_update(by=lead, note=f"Update {n}")
        action.refresh_from_db()
        action.lead = f"Lead {n}"
        action.save_edit(by=officer, expected_version=action.version)
    action.revise_timing(by=officer, timing="November 2022", reason="Slipped again")
    action.forum = BoardFactory(name="Finance, Change and People Oversight Board")
    action.save_edit(by=officer, expected_version=action.version)
    assert queries() <= few + 1  # the forum's name is one more query, whatever the history


def test_letter_actions_show_their_letter(client, officer, mps):
    from .factories import LetterFactory

    letter = LetterFactory(reference="MOPAC14102022-D1", subject="Performance follow-up")
    action = ActionFactory(meeting=None, letter=letter, owners=[mps], timing="by 14 November")
    client.force_login(officer)
    page = client.get(url("detail", action)).content.decode()
    assert "MOPAC14102022-D1" in page and "14 November 2022" in page


def test_closed_actions_can_be_reopened_from_the_page(client, officer, lead, action):
    action.propose_completion(by=lead, note="Done")
    action.accept_completion(by=officer)
    client.force_login(officer)
    page = client.get(url("detail", action)).content.decode()
    assert "Reopen" in page and "Post an update" not in page
    assert Action.objects.get(pk=action.pk).status == Status.CLOSED


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_action_pages_pass_axe_in_chromium(browser, live_server, officer, lead, mps, meeting):
    from selenium.webdriver.common.by import By

    from .browser import assert_accessible, click_to_next_page, login, screenshot

    action = ActionFactory(meeting=meeting, number=1, owners=[mps], timing="Soon")
    action.post_update(by=lead, note="Started the review")
    action.revise_timing(by=officer, timing="December 2022", reason="Agreed delay")
    login(browser, live_server, "officer", "correct-horse-battery")
    pages = {
        "list": reverse("actions:list") + "?overdue=1&lead=x&due_after=31/02/2022",
        "detail": url("detail", action),
        "edit": url("edit", action),
        "timing": url("revise_timing", action),
        "mine": reverse("actions:mine"),
        "search": reverse("search:search") + "?q=review",
    }
    for name, path in pages.items():
        browser.get(live_server.url + path)
        assert browser.find_element(By.TAG_NAME, "h1").text
        screenshot(browser, f"actions-{name}")
        assert_accessible(browser)
    browser.get(live_server.url + url("post_update", action))
    click_to_next_page(
        browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
    )
    assert "Enter what has been done" in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "actions-update-error")
    assert_accessible(browser)
