"""Signing in and out, passwords, the account page, each role's home page, session timeouts."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from accounts.models import NoticeDelivery, ReminderPreference, Role
from actions.models import Action
from tests.factories import ActionFactory

pytestmark = pytest.mark.usefixtures("fast_passwords")

PASSWORD = "correct-horse-battery"


def sign_in(client, username, password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


# -- signing in and out ----------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_officer_signs_in_with_correct_password(client, officer):
    response = sign_in(client, "officer")
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.get(reverse("home")).context["user"] == officer


def test_wrong_password_shows_an_error_summary(client, officer):
    response = sign_in(client, "officer", "wrong-password")
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Enter a correct username and password" in body
    assert 'href="#id_username"' in body


def test_repeated_failures_lock_sign_in_with_an_explanation(client, officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "officer", "wrong-password")
    response = sign_in(client, "officer")  # even the right password is refused now
    assert response.status_code == 429
    body = response.content.decode()
    assert "Sign-in is locked" in body
    assert "too many failed attempts" in body
    assert "_auth_user_id" not in client.session


def test_sign_out_needs_a_post(client, officer):
    client.force_login(officer)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


# -- passwords ---------------------------------------------------------------------------


def test_password_change_requires_the_old_password(client, officer):
    client.force_login(officer)
    url = reverse("password_change")
    new = {"new_password1": "a-new-long-passphrase", "new_password2": "a-new-long-passphrase"}
    response = client.post(url, {"old_password": "wrong", **new})
    assert "Your old password was entered incorrectly" in response.content.decode()
    response = client.post(url, {"old_password": PASSWORD, **new})
    assert response.url == reverse("password_change_done")
    officer.refresh_from_db()
    assert officer.check_password("a-new-long-passphrase")


def test_password_reset_emails_a_link_that_sets_a_new_password(
    client, lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the email is queued after commit
        response = client.post(reverse("password_reset"), {"email": lead.email})
    assert response.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [lead.email]
    assert message.subject == "Reset your Oversight Action Tracker password"
    assert message.alternatives, "an HTML part is sent too"
    link = re.search(r"https?://testserver(/accounts/password/reset/\S+/)", message.body)
    assert link, message.body

    response = client.get(link[1], follow=True)  # Django swaps the token for a session one
    assert "Choose a new password" in response.content.decode()
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "another-long-passphrase", "new_password2": "another-long-passphrase"},
    )
    assert response.url == reverse("password_reset_complete")
    lead.refresh_from_db()
    assert lead.check_password("another-long-passphrase")


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []


# -- your account ------------------------------------------------------------------------


def test_account_page_shows_role_and_organisation(client, lead):
    client.force_login(lead)
    body = client.get(reverse("account")).content.decode()
    assert "Action lead" in body
    assert "Metropolitan Police Service" in body


def test_account_page_changes_reminder_preference_but_not_role(client, lead, mopac):
    client.force_login(lead)
    response = client.post(
        reverse("account"),
        {
            "first_name": "Sam",
            "last_name": "Lead",
            "reminder_preference": ReminderPreference.DAILY,
            "notice_delivery": NoticeDelivery.IN_APP,
            "role": Role.ADMIN,
            "organisation": mopac.pk,
        },
    )
    assert response.status_code == 302
    lead.refresh_from_db()
    assert lead.reminder_preference == ReminderPreference.DAILY
    assert lead.notice_delivery == NoticeDelivery.IN_APP
    assert lead.first_name == "Sam"
    assert lead.role == Role.LEAD
    assert lead.organisation.short_name == "MPS"


# -- home page per role ------------------------------------------------------------------


def test_officer_home_offers_meetings_and_awaiting_acceptance(client, officer):
    client.force_login(officer)
    body = client.get(reverse("home")).content.decode()
    assert reverse("meetings:meeting_create") in body
    assert reverse("meetings:board_list") in body
    assert "Awaiting your acceptance" in body


def test_lead_home_offers_my_actions_only(client, lead):
    client.force_login(lead)
    body = client.get(reverse("home")).content.decode()
    assert reverse("actions:mine") in body
    assert reverse("meetings:meeting_create") not in body
    assert "Awaiting your acceptance" not in body


def test_reviewer_home_offers_overdue_list_and_dashboard(client, reviewer):
    client.force_login(reviewer)
    body = client.get(reverse("home")).content.decode()
    assert f"{reverse('actions:list')}?overdue=1" in body
    assert reverse("dashboard:index") in body
    assert reverse("meetings:meeting_create") not in body


def test_home_counts_what_its_links_list(client, officer, lead, mps, other_org):
    past, future = datetime.date(2020, 1, 1), datetime.date(2099, 1, 1)
    Status = Action.Status
    for status, due, owner in [
        (Status.OPEN, past, mps),  # overdue
        (Status.IN_PROGRESS, past, mps),  # overdue
        (Status.IN_PROGRESS, future, mps),
        (Status.COMPLETION_PROPOSED, past, mps),  # awaiting, not overdue
        (Status.CLOSED, past, mps),
        (Status.OPEN, past, other_org),  # overdue, not the lead's
    ]:
        Action.objects.filter(pk=ActionFactory(owners=[owner]).pk).update(
            status=status, due_date=due
        )

    client.force_login(officer)
    body = client.get(reverse("home")).content.decode()
    assert "Awaiting your acceptance</a>: 1 action<" in body
    assert "Overdue</a>: 3 actions<" in body
    assert "All actions</a>: 5 still open" in body
    client.force_login(lead)
    assert "My actions</a>: 4 open, 2 overdue" in client.get(reverse("home")).content.decode()


# -- sessions ------------------------------------------------------------------------------


def test_idle_session_is_signed_out(client, officer, settings):
    settings.SESSION_IDLE_SECONDS = 30 * 60
    start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        client.force_login(officer)
        assert client.get(reverse("home")).status_code == 200
        traveller.shift(datetime.timedelta(minutes=29))
        assert client.get(reverse("home")).status_code == 200  # activity resets the clock
        traveller.shift(datetime.timedelta(minutes=29))
        assert client.get(reverse("home")).status_code == 200
        traveller.shift(datetime.timedelta(minutes=31))
        response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert "signed out after 30 minutes without activity" in response.content.decode()


def test_deactivated_user_is_signed_out_on_the_next_request(client, lead):
    client.force_login(lead)
    assert client.get(reverse("home")).status_code == 200
    lead.is_active = False
    lead.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_sign_in_page_is_titled_with_the_product_name_not_the_host(client, db):
    response = client.get(reverse("login"))
    assert "<title>Sign in \u2013 Oversight Action Tracker</title>" in response.content.decode()
