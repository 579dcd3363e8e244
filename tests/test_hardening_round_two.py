"""Round two's smaller items: the API's JSON 503, the GOV.UK CSRF page, calendar tokens masked
in the development server's log, and sign-in lock-out per address across user names."""

import logging

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

PASSWORD = "correct-horse-battery"  # tests/factories.py

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def _database_down(*args, **kwargs):
    raise OperationalError("could not connect to server: Connection refused")


def test_the_api_answers_json_503_when_the_database_is_down(lead, monkeypatch):
    token = Token.objects.create(user=lead)
    monkeypatch.setattr(TokenAuthentication, "authenticate_credentials", _database_down)
    api = Client(HTTP_AUTHORIZATION=f"Token {token.key}", raise_request_exception=False)
    response = api.get(reverse("api:action-list"))
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "60"
    assert "database" in response.json()["detail"]


def test_a_page_still_shows_the_generic_500_page(client, officer, monkeypatch):
    client.raise_request_exception = False
    client.force_login(officer)
    monkeypatch.setattr("accounts.views.render", _database_down)
    response = client.get(reverse("account"))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


def test_a_csrf_failure_shows_a_gov_uk_page(officer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    response = client.post(reverse("account"), {"first_name": "X"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Your form could not be sent" in page
    assert "govuk-template" in page
    assert "CSRF" not in page  # no technical reason shown


def test_the_development_servers_request_lines_hide_calendar_tokens(lead):
    token = lead.calendar_token
    logger = logging.getLogger("django.server")
    handlers = [h for h in logger.handlers if type(h) is logging.StreamHandler]
    assert handlers, "django.server must log through the project's own handler"
    record = logger.makeRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        (f"GET /calendar/{token}/actions.ics HTTP/1.1", "200", "512"),
        None,
        extra={"status_code": 200, "request": None},
    )
    for handler in handlers:
        assert handler.filter(record)
        line = handler.format(record)
        assert "/calendar/[redacted]/actions.ics" in line
        assert token not in line


def _sign_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_one_address_trying_many_user_names_is_locked_out(officer, settings):
    settings.ADDRESS_FAILURE_LIMIT = 6
    attacker = Client(REMOTE_ADDR="203.0.113.66")
    for n in range(6):  # one failure each: never axes' five for one user name
        assert _sign_in(attacker, f"guess{n}", "wrong").status_code == 200
    assert _sign_in(attacker, "officer", PASSWORD).status_code == 429  # the right password
    elsewhere = Client(REMOTE_ADDR="198.51.100.8")
    assert _sign_in(elsewhere, "officer", PASSWORD).status_code == 302


def test_a_few_failures_from_one_address_do_not_lock_it(officer, settings):
    settings.ADDRESS_FAILURE_LIMIT = 6
    office = Client(REMOTE_ADDR="203.0.113.67")
    for n in range(5):
        _sign_in(office, f"typo{n}", "wrong")
    assert _sign_in(office, "officer", PASSWORD).status_code == 302
