"""schemathesis against the served OpenAPI schema: with an officer's token, no request it can
generate makes a server error or a response the schema does not describe.

Runs in-process through the WSGI app, on the test database, in well under a minute: each
operation gets a bounded number of examples.
"""

import datetime

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from oversight.wsgi import application

from .factories import (
    ActionFactory,
    LetterFactory,
    MeetingFactory,
    QuestionFactory,
    RecommendationFactory,
    ThemeFactory,
)

EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def wsgi_app(db):
    """The project's WSGI app, keeping the test's database connection open between requests.

    Django closes connections at the end of each request; its test client turns that off, and
    so must anyone calling the WSGI app directly, or the test transaction is lost (PostgreSQL).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield application
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(wsgi_app):
    return schemathesis.openapi.from_wsgi("/api/schema/", wsgi_app)


@pytest.fixture
def records(officer, mps, other_org) -> dict[str, int]:
    """Some of everything, so that responses have bodies to check: {collection: a record's id}."""
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    letter = LetterFactory(recipient_organisation=mps)
    theme = ThemeFactory(name="Neighbourhood crime", slug="neighbourhood-crime")
    action = ActionFactory(
        meeting=meeting, owners=[mps, other_org], theme=theme, forum=meeting.board
    )
    action.post_update(by=officer, note="Started")
    ActionFactory(letter=letter, meeting=None, owners=[mps], timing="TBC")
    question = QuestionFactory(letter=letter, put_to=mps, theme=theme)
    recommendation = RecommendationFactory(owner=mps)
    recommendation.actions.set([action])
    return {
        "actions": action.pk,
        "boards": meeting.board_id,
        "meetings": meeting.pk,
        "letters": letter.pk,
        "questions": question.pk,
        "recommendations": recommendation.pk,
    }


def check_operation(operation, headers: dict, record_id: int) -> None:
    """Up to EXAMPLES_PER_OPERATION generated requests: no server error, no response off-schema."""

    @given(case=operation.as_strategy(), existing=st.booleans())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def check(case, existing):
        # Half the time, address a record that exists, so detail pages and writes succeed.
        if existing and "id" in (case.path_parameters or {}):
            case.path_parameters["id"] = record_id
        case.call_and_validate(
            headers=headers, checks=[not_a_server_error, response_schema_conformance]
        )

    check()


def test_api_conforms_to_its_schema(api_schema, records, officer):
    # One Hypothesis run per operation, inside this test (schemathesis's pytest plugin does not
    # support the installed pytest's fixtures), so the database fixtures apply to every request.
    headers = {"Authorization": f"Token {Token.objects.create(user=officer).key}"}
    tested = []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        tested.append(operation.label)
        check_operation(operation, headers, records[operation.path.split("/")[2]])

    assert "POST /api/actions/" in tested
    assert "POST /api/actions/{id}/updates/" in tested
    assert len(tested) >= 15
