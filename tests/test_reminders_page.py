"""The reminders page: officers and administrators see what was sent, failed and is pending."""

import datetime

import pytest
from django.urls import reverse

from reminders.models import Reminder

from .factories import ActionFactory, QuestionFactory

pytestmark = pytest.mark.usefixtures("fast_passwords")

URL = reverse("reminders:list")
DUE = datetime.date(2022, 11, 14)


def remind(item, user, **fields):
    about = {"action": item} if hasattr(item, "lead_user_id") else {"question": item}
    defaults = {"kind": "due_today", "period": DUE, "due_date": DUE, "email": user.email}
    return Reminder.objects.create(**about, recipient=user, **(defaults | fields))


@pytest.fixture
def reminders(mps, lead):
    first, second = ActionFactory(owners=[mps]), ActionFactory(owners=[mps])
    question = QuestionFactory(put_to=mps)
    return {
        "sent": remind(first, lead, status="sent", attempts=1),
        "failed": remind(
            second, lead, status="failed", attempts=3, last_error="SMTPServerDisconnected: <b>x</b>"
        ),
        "pending": remind(question, lead),
        "first": first,
        "second": second,
    }


@pytest.mark.parametrize("role", ["lead", "reviewer", "other_lead"])
def test_leads_and_reviewers_are_refused(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403


def test_signing_in_is_required(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["officer", "admin_user"])
def test_officers_and_administrators_see_every_reminder_with_status_attempts_and_error(
    client, request, role, reminders
):
    client.force_login(request.getfixturevalue(role))
    page = client.get(URL).content.decode()
    for label in ("Sent", "Failed", "Pending"):
        assert f">{label}</strong>" in page
    assert "SMTPServerDisconnected: &lt;b&gt;x&lt;/b&gt;" in page
    assert f"Action {reminders['first'].number}</a>" in page
    assert "Question " in page
    assert ">3</td>" in page  # attempts


def test_the_page_filters_to_one_action(client, officer, reminders):
    client.force_login(officer)
    second = reminders["second"]
    page = client.get(URL, {"action": second.pk}).content.decode()
    assert (
        f'for <a class="govuk-link" href="{second.get_absolute_url()}">Action {second.number}'
        in page
    )
    assert "SMTPServerDisconnected" in page
    assert f"Action {reminders['first'].number}</a>" not in page


def test_the_page_filters_by_status(client, officer, reminders):
    client.force_login(officer)
    page = client.get(URL, {"status": "failed"}).content.decode()
    assert "SMTPServerDisconnected" in page
    assert ">Sent</strong>" not in page


def test_a_filter_it_cannot_read_is_shown_as_an_error(client, officer, reminders):
    client.force_login(officer)
    response = client.get(URL, {"status": "lost"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_an_unknown_item_is_not_found(client, officer, reminders):
    client.force_login(officer)
    assert client.get(URL, {"action": 999999}).status_code == 404


def test_the_page_reads_a_fixed_number_of_queries(
    client, officer, mps, lead, django_assert_max_num_queries
):
    for _ in range(30):
        remind(ActionFactory(owners=[mps]), lead, status="sent")
        remind(QuestionFactory(put_to=mps), lead, status="failed")
    client.force_login(officer)
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert response.content.decode().count("govuk-table__row") == 51  # header + a page of 50


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_reminders_page_passes_axe_in_chromium(browser, live_server, officer, reminders):
    from selenium.webdriver.common.by import By

    from .browser import assert_accessible, login, screenshot

    login(browser, live_server, "officer", "correct-horse-battery")
    for name, query in {"all": "", "one-action": f"?action={reminders['second'].pk}"}.items():
        browser.get(live_server.url + URL + query)
        assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Reminders")
        screenshot(browser, f"reminders-{name}")
        assert_accessible(browser)
