"""An export with a filter that cannot be read answers 400 naming the filter, never the whole list
(common.listing.valid_filter_results); the API's action list does the same (django-filter's DRF
backend; the API's other lists take no filters)."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from .factories import ActionFactory, QuestionFactory

pytestmark = pytest.mark.django_db

EXPORTS = [
    (("actions:export_csv", ()), {"status": "bogus"}),
    (("spreadsheets:export", ("actions", "csv")), {"status": "bogus"}),
    (("spreadsheets:export", ("actions", "xlsx")), {"status": "bogus"}),
    (("spreadsheets:export", ("actions", "csv")), {"meeting": "abc"}),
    (("spreadsheets:export", ("actions", "csv")), {"due_after": "not a date"}),
    (("spreadsheets:export", ("questions", "csv")), {"status": "bogus"}),
    (("spreadsheets:export", ("questions", "xlsx")), {"put_to": "999999"}),
    (("spreadsheets:export", ("recommendations", "csv")), {"status": "bogus"}),
    (("spreadsheets:export", ("recommendations", "xlsx")), {"kind": "bogus"}),
]


@pytest.mark.parametrize(("target", "params"), EXPORTS)
def test_an_invalid_filter_on_an_export_is_a_400_naming_it(client, officer, mps, target, params):
    ActionFactory(owners=[mps], text="Every action would be exported")
    QuestionFactory(put_to=mps)
    client.force_login(officer)
    name, args = target
    response = client.get(reverse(name, args=args), params)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Every action would be exported" not in body
    assert "Nothing was exported" in body
    (bad,) = params
    assert f"the filter {bad}:" in body


def test_a_valid_filter_still_exports(client, officer, mps):
    ActionFactory(owners=[mps], text="Open one", status="open")
    client.force_login(officer)
    response = client.get(reverse("actions:export_csv"), {"status": "open"})
    assert response.status_code == 200
    assert "Open one" in b"".join(response.streaming_content).decode()


@pytest.mark.parametrize(
    ("endpoint", "params"),
    [("actions", {"status": "bogus"}), ("actions", {"meeting": "abc"})],
)
def test_an_invalid_filter_on_the_api_list_is_a_400_naming_it(officer, mps, endpoint, params):
    ActionFactory(owners=[mps])
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=officer).key}")
    response = api.get(f"/api/{endpoint}/", params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)
