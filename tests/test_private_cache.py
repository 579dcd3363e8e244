"""Pages, exports, PDFs and API responses with personal data carry `Cache-Control: private,
no-store` (common/security/middleware.py, PrivateCacheMiddleware); public pages do not."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from .factories import ActionFactory, LetterFactory

pytestmark = pytest.mark.django_db
PRIVATE = "private, no-store"


@pytest.fixture
def signed_in(client, officer):
    client.force_login(officer)
    return client


def test_a_page_for_a_signed_in_user_is_not_stored(signed_in, mps):
    ActionFactory(owners=[mps])
    response = signed_in.get(reverse("actions:list"))
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_is_not_stored(signed_in, mps, fmt):
    ActionFactory(owners=[mps])
    response = signed_in.get(reverse("spreadsheets:export", args=["actions", fmt]))
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


def test_a_pdf_is_not_stored(signed_in, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    letter = LetterFactory(status="sent")
    letter.pdf.save("l.pdf", ContentFile(b"%PDF-1.4 letter"), save=True)
    response = signed_in.get(reverse("letters:pdf", args=[letter.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


def test_an_api_response_to_a_token_is_not_stored(officer, mps):
    ActionFactory(owners=[mps])
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=officer).key}")
    response = api.get(reverse("api:action-list"))
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


def test_a_view_that_sets_its_own_cache_control_keeps_it(signed_in, officer):
    response = signed_in.get(reverse("publication:calendar"))
    assert response["Cache-Control"] == PRIVATE  # the page itself
    token = officer.calendar_token
    feed = signed_in.get(reverse("publication:calendar_actions", args=[token]))
    assert feed["Cache-Control"] == PRIVATE  # set by the feed view, not doubled
    assert feed.headers["Cache-Control"].count("no-store") == 1


def test_public_pages_and_anonymous_responses_are_left_alone(client, officer):
    LetterFactory(status="published", published_on=datetime.date(2020, 1, 1))
    for user in (None, officer):
        if user:
            client.force_login(user)
        response = client.get(reverse("publication:index"))
        assert response.status_code == 200
        assert "Cache-Control" not in response
    client.logout()
    assert "Cache-Control" not in client.get(reverse("publication:actions"))
