"""Password reset answers alike for any address and is rate-limited; a new password, by any
channel, revokes the user's tokens; the account page revokes them all on request."""

import pytest
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from rest_framework.authtoken.models import Token

from accounts.password_reset import RESETS_PER_ADDRESS, RESETS_PER_IP

from .factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture
def known(mps):
    return UserFactory(username="known", email="known@example.org", organisation=mps)


def _shape(sql: str) -> str:
    """A statement without its values."""
    return sql.split(" WHERE ")[0].split(" VALUES ")[0]


def _ask(client, email, ip="198.51.100.7"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=ip)


def test_a_known_and_an_unknown_address_get_the_same_answer_from_the_same_work(
    client, known, django_capture_on_commit_callbacks
):
    answers, queries = [], []
    for email in ("known@example.org", "nobody@example.org"):
        with (
            django_capture_on_commit_callbacks() as queued,
            CaptureQueriesContext(connection) as ran,
        ):
            response = _ask(client, email)
        answers.append((response.status_code, response["Location"], len(queued)))
        # The same statements (the rate-limit count and its row), none looking up a user.
        queries.append([_shape(q["sql"]) for q in ran.captured_queries])
        assert mail.outbox == []  # nothing is sent while the person waits
    assert answers[0] == answers[1] == (302, reverse("password_reset_done"), 1)
    assert queries[0] == queries[1]
    assert not any("accounts_user" in sql for sql in queries[0])


def test_the_queued_task_emails_a_known_address_and_nothing_else(
    client, known, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, "known@example.org")
        _ask(client, "nobody@example.org")
    assert [message.to for message in mail.outbox] == [["known@example.org"]]
    assert "/accounts/password/reset/" in mail.outbox[0].body


def test_one_address_gets_a_limited_number_of_emails_with_the_same_answer(
    client, known, django_capture_on_commit_callbacks
):
    queued = 0
    for n in range(RESETS_PER_ADDRESS + 2):
        with django_capture_on_commit_callbacks() as callbacks:
            response = _ask(client, "KNOWN@example.org", ip=f"198.51.100.{n}")
        assert response.status_code == 302
        queued += len(callbacks)
    assert queued == RESETS_PER_ADDRESS


def test_one_network_address_is_told_to_wait_after_the_limit(client, known):
    for n in range(RESETS_PER_IP):
        assert _ask(client, f"person{n}@example.org").status_code == 302
    response = _ask(client, "known@example.org")
    assert response.status_code == 429
    assert "Try again in an hour" in response.content.decode()
    assert _ask(client, "known@example.org", ip="203.0.113.9").status_code == 302


def _tokens(user):
    return Token.objects.create(user=user).key, user.calendar_token


def _revoked(user, api_key, feed_token):
    user.refresh_from_db()
    return not Token.objects.filter(key=api_key).exists() and user.calendar_token != feed_token


def test_changing_the_password_revokes_the_tokens(client, known):
    known.set_password("old-password-for-test")
    known.save()
    api_key, feed = _tokens(known)
    client.force_login(known)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "old-password-for-test",
            "new_password1": "a-new-passphrase-9182",
            "new_password2": "a-new-passphrase-9182",
        },
    )
    assert response.status_code == 302
    assert _revoked(known, api_key, feed)


def test_a_reset_revokes_the_tokens(client, known):
    api_key, feed = _tokens(known)
    uid = urlsafe_base64_encode(force_bytes(known.pk))
    url = reverse("password_reset_confirm", args=[uid, default_token_generator.make_token(known)])
    form_url = client.get(url)["Location"]
    new = "a-new-passphrase-9182"
    assert client.post(form_url, {"new_password1": new, "new_password2": new}).status_code == 302
    assert _revoked(known, api_key, feed)


def test_the_admin_setting_a_password_revokes_the_tokens(known):
    api_key, feed = _tokens(known)
    new = "x-Admin-set-4471"
    form = SetPasswordForm(known, {"new_password1": new, "new_password2": new})
    assert form.is_valid()
    form.save()  # what the admin's "change password" form does
    assert _revoked(known, api_key, feed)


def test_saving_the_user_otherwise_keeps_the_tokens(known):
    api_key, feed = _tokens(known)
    known.first_name = "Renamed"
    known.save()
    known.save(update_fields=["last_login"])
    assert not _revoked(known, api_key, feed)
    assert Token.objects.filter(key=api_key).exists()


def test_revoke_all_on_the_account_page(client, known):
    api_key, feed = _tokens(known)
    client.force_login(known)
    assert "Revoke all my tokens" in client.get(reverse("account")).content.decode()
    response = client.post(reverse("revoke_tokens"))
    assert response["Location"] == reverse("account")
    assert _revoked(known, api_key, feed)
    old_feed = reverse("publication:calendar_actions", args=[feed])
    assert client.get(old_feed).status_code == 404
    client.logout()
    api = client.get(reverse("api:action-list"), HTTP_AUTHORIZATION=f"Token {api_key}")
    assert api.status_code == 401
