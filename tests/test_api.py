"""The REST API: the web's access rules, the lead's and officer's writes, tokens, query bounds."""

import datetime

import pytest
import time_machine
from rest_framework.authtoken.models import Token
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIClient

from actions.models import Action
from actions.models.base import DEADLINE_STATE_LABELS
from actions.workflow import Status
from api.serializers import ActionSerializer

from .factories import (
    ActionFactory,
    BoardFactory,
    LetterFactory,
    MeetingFactory,
    QuestionFactory,
    RecommendationFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def api_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def records(mopac, mps, other_org):
    """Records of three organisations: MPS's, the Victims' Commissioner's, and MOPAC's."""
    mps_meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    other_meeting = MeetingFactory(
        board=BoardFactory(name="Victims Board"), date=datetime.date(2022, 7, 1)
    )
    mopac_meeting = MeetingFactory(date=datetime.date(2022, 7, 8))
    mps_letter = LetterFactory(sender_organisation=mopac, recipient_organisation=mps)
    other_letter = LetterFactory(sender_organisation=mopac, recipient_organisation=other_org)
    return {
        "actions": {
            "mps": ActionFactory(meeting=mps_meeting, owners=[mps]),
            "other": ActionFactory(meeting=other_meeting, owners=[other_org]),
            "mopac": ActionFactory(meeting=mopac_meeting, owners=[mopac]),
        },
        "meetings": {"mps": mps_meeting, "other": other_meeting, "mopac": mopac_meeting},
        "letters": {"mps": mps_letter, "other": other_letter},
        "questions": {
            "mps": QuestionFactory(letter=mps_letter, put_to=mps),
            "other": QuestionFactory(letter=other_letter, put_to=other_org),
        },
        "recommendations": {
            "mps": RecommendationFactory(owner=mps),
            "other": RecommendationFactory(owner=other_org),
        },
    }


@pytest.mark.parametrize(
    "endpoint", ["actions", "meetings", "letters", "questions", "recommendations"]
)
def test_each_endpoint_lists_only_what_a_lead_may_see(endpoint, records, lead, other_lead):
    mine = {records[endpoint]["mps"].pk}
    theirs = {records[endpoint]["other"].pk}
    assert ids(api_client(lead).get(f"/api/{endpoint}/")) == mine
    assert ids(api_client(other_lead).get(f"/api/{endpoint}/")) == theirs


@pytest.mark.parametrize(
    "endpoint", ["actions", "meetings", "letters", "questions", "recommendations"]
)
def test_reviewers_and_officers_list_everything(endpoint, records, reviewer, officer):
    everything = {record.pk for record in records[endpoint].values()}
    assert ids(api_client(reviewer).get(f"/api/{endpoint}/")) == everything
    assert ids(api_client(officer).get(f"/api/{endpoint}/")) == everything


def test_boards_are_for_those_who_see_everything(records, lead, reviewer):
    assert api_client(lead).get("/api/boards/").status_code == 403
    assert len(ids(api_client(reviewer).get("/api/boards/"))) == 2


def test_another_organisations_action_does_not_exist_for_a_lead(records, lead):
    other = records["actions"]["other"]
    assert api_client(lead).get(f"/api/actions/{other.pk}/").status_code == 404
    assert api_client(lead).get(f"/api/actions/{other.pk}/updates/").status_code == 404


def test_recommendation_lists_only_the_answering_actions_the_user_may_see(records, lead):
    recommendation = records["recommendations"]["mps"]
    recommendation.actions.set([records["actions"]["mps"], records["actions"]["other"]])
    response = api_client(lead).get(f"/api/recommendations/{recommendation.pk}/")
    assert response.json()["actions"] == [records["actions"]["mps"].pk]


def test_action_nests_minimal_references(records, officer):
    action = records["actions"]["mps"]
    data = api_client(officer).get(f"/api/actions/{action.pk}/").json()
    assert data["meeting"]["board"] == {
        "id": action.meeting.board_id,
        "name": "Performance and Risk Oversight Board",
    }
    assert [owner["short_name"] for owner in data["owners"]] == ["MPS"]
    assert data["timing"] == "August 2022"
    assert data["due_date"] == "2022-08-31"


def test_lead_posts_an_update_through_the_model(records, lead):
    action = records["actions"]["mps"]
    response = api_client(lead).post(
        f"/api/actions/{action.pk}/updates/", {"note": "Briefing drafted"}, format="json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["note"] == "Briefing drafted"
    assert response.json()["author"]["id"] == lead.pk
    action.refresh_from_db()
    assert action.status == Status.IN_PROGRESS  # post_update starts an open action
    assert action.history.latest().history_user == lead
    timeline = api_client(lead).get(f"/api/actions/{action.pk}/updates/").json()
    assert [update["note"] for update in timeline] == ["Briefing drafted"]


def test_an_update_needs_a_note(records, lead):
    action = records["actions"]["mps"]
    response = api_client(lead).post(f"/api/actions/{action.pk}/updates/", {}, format="json")
    assert response.status_code == 400
    assert "note" in response.json()
    assert action.updates.count() == 0


def test_reviewer_cannot_post_updates(records, reviewer):
    action = records["actions"]["mps"]
    response = api_client(reviewer).post(
        f"/api/actions/{action.pk}/updates/", {"note": "x"}, format="json"
    )
    assert response.status_code == 403
    assert action.updates.count() == 0


def test_lead_proposes_completion_once(records, lead):
    action = records["actions"]["mps"]
    url = f"/api/actions/{action.pk}/propose-completion/"
    response = api_client(lead).post(url, {"note": "Sent on 1 August"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["status_after"] == Status.COMPLETION_PROPOSED
    action.refresh_from_db()
    assert action.status == Status.COMPLETION_PROPOSED

    again = api_client(lead).post(url, {}, format="json")
    assert again.status_code == 400
    assert "completion proposed" in again.json()["detail"]


def test_lead_cannot_propose_completion_of_another_organisations_action(records, lead):
    other = records["actions"]["other"]
    response = api_client(lead).post(f"/api/actions/{other.pk}/propose-completion/", {})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == Status.OPEN


def new_action(meeting, owners, **extra) -> dict:
    return {
        "meeting": meeting.pk,
        "number": 9,
        "text": "MPS to share the burglary attendance figures.",
        "timing": "August/Sept 2022",
        "lead": "AC Frontline Policing",
        "owners": [owner.pk for owner in owners],
        **extra,
    }


def test_lead_cannot_create_actions(records, lead, mps):
    payload = new_action(records["meetings"]["mps"], [mps])
    assert api_client(lead).post("/api/actions/", payload, format="json").status_code == 403
    assert not Action.objects.filter(number=9).exists()


def test_officer_creates_an_action_with_its_timing_parsed(records, officer, mps, mopac):
    payload = new_action(records["meetings"]["mps"], [mps, mopac])
    response = api_client(officer).post("/api/actions/", payload, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["timing"] == "August/Sept 2022"
    assert data["due_date"] == "2022-09-30"
    assert {owner["short_name"] for owner in data["owners"]} == {"MPS", "MOPAC"}
    action = Action.objects.get(pk=data["id"])
    assert action.history.earliest().history_user == officer


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"number": 1}, "number"),  # already used in the meeting
        ({"owners": [2**31]}, "owners"),
        ({"text": ""}, "text"),
        ({"number": 0}, "number"),
    ],
)
def test_invalid_action_is_refused_with_the_reason(records, officer, mps, change, field):
    records["actions"]["mps"].number = 1
    records["actions"]["mps"].save()
    payload = {**new_action(records["meetings"]["mps"], [mps]), **change}
    response = api_client(officer).post("/api/actions/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_an_action_needs_a_meeting_or_a_letter_not_both(records, officer, mps):
    payload = new_action(records["meetings"]["mps"], [mps], letter=records["letters"]["mps"].pk)
    response = api_client(officer).post("/api/actions/", payload, format="json")
    assert response.status_code == 400
    assert "either a meeting or a letter" in response.json()["non_field_errors"][0]


def test_unauthenticated_requests_are_refused(records):
    client = APIClient()
    assert client.get("/api/actions/").status_code == 401
    assert client.post("/api/actions/", {}, format="json").status_code == 401


def test_a_revoked_or_wrong_token_is_refused(records, lead):
    client = api_client(lead)
    Token.objects.filter(user=lead).delete()
    assert client.get("/api/actions/").status_code == 401


@time_machine.travel(datetime.datetime(2022, 11, 20, 12, tzinfo=datetime.UTC))
def test_actions_take_the_action_list_filters(records, officer, mps):
    due_later = ActionFactory(owners=[mps], timing="December 2022")
    client = api_client(officer)
    overdue = ids(client.get("/api/actions/?overdue=1"))
    assert overdue == {records["actions"][key].pk for key in ("mps", "other", "mopac")}
    assert ids(client.get(f"/api/actions/?overdue=1&owner={mps.pk}")) == {
        records["actions"]["mps"].pk
    }
    assert ids(client.get("/api/actions/?due_before=2022-12-31&due_after=2022-12-01")) == {
        due_later.pk
    }
    assert client.get("/api/actions/?due_after=not-a-date").status_code == 400


def test_action_list_queries_do_not_grow_with_rows(
    records, officer, mps, django_assert_max_num_queries
):
    for _ in range(30):
        ActionFactory(owners=[mps], lead_user=officer)
    client = api_client(officer)
    # token and user, count, page, owners
    with django_assert_max_num_queries(5):
        response = client.get("/api/actions/")
    assert response.json()["count"] == 33


@time_machine.travel(datetime.datetime(2022, 9, 20, 12, tzinfo=datetime.UTC))
def test_action_list_writes_what_the_action_serializer_writes(
    records, officer, mps, mopac, other_org, django_assert_max_num_queries
):
    """The list's fast path (api/action_list.py) writes, byte for byte, what ActionSerializer
    writes for each row: every field, every kind of reference, None where there is none, each
    deadline state."""
    replacement = ActionFactory(  # due soon
        meeting=records["meetings"]["mps"], owners=[mps], timing="by 25 September"
    )
    ActionFactory(
        owners=[mps],
        timing="December 2022",  # on track
        status=Status.IN_PROGRESS,
        lead_user=UserFactory(first_name="", last_name=""),
    )
    ActionFactory(
        meeting=None,
        letter=records["letters"]["mps"],
        owners=[other_org, mps, mopac],  # entry order, not alphabetical
        lead_user=officer,
        forum=records["meetings"]["mps"].board,
        theme=ThemeFactory(),
        timing="TBC",
        status=Status.SUPERSEDED,
        superseded_by=replacement,
        completion_proposed_at=datetime.datetime(2022, 7, 1, 9, 30, tzinfo=datetime.UTC),  # BST
        closed_at=datetime.datetime(2022, 11, 30, 9, 30, tzinfo=datetime.UTC),  # GMT
    )
    ActionFactory(owners=[mopac], timing="Soon")  # unreadable: no deadline
    client = api_client(officer)
    # token and user, count, the overdue keys and the others, rows, owners: none per row
    with django_assert_max_num_queries(6):
        results = client.get("/api/actions/").json()["results"]

    rows = Action.objects.for_lists().select_related("lead_user").in_bulk()
    expected = [ActionSerializer(rows[row["id"]]).data for row in results]
    assert len(expected) == 7
    assert {row["deadline_state"] for row in results} == set(DEADLINE_STATE_LABELS)
    assert JSONRenderer().render(results) == JSONRenderer().render(expected)


@pytest.mark.parametrize("endpoint", ["meetings", "letters", "questions", "recommendations"])
def test_other_lists_take_a_fixed_number_of_queries(
    endpoint, records, officer, django_assert_max_num_queries
):
    client = api_client(officer)
    with django_assert_max_num_queries(5):
        assert client.get(f"/api/{endpoint}/").status_code == 200


def test_list_pages_hold_100(records, officer, mps):
    ActionFactory.create_batch(100, owners=[mps])
    data = api_client(officer).get("/api/actions/").json()
    assert data["count"] == 103
    assert len(data["results"]) == 100
    assert data["next"].endswith("/api/actions/?page=2")


def test_schema_and_docs_are_served_without_a_cdn(client, reviewer):
    client.force_login(reviewer)
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/actions/{id}/propose-completion/" in schema.content
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert "<style" not in html  # the CSP refuses inline styles


# -- the API tokens page ------------------------------------------------------------------------


def test_token_page_creates_a_token_and_shows_the_key_once(client, lead):
    client.force_login(lead)
    assert b"You have no API token" in client.get("/api/tokens/").content

    created = client.post("/api/tokens/")
    key = Token.objects.get(user=lead).key
    assert key in created.content.decode()
    assert key not in client.get("/api/tokens/").content.decode()
    assert api_client_with(key).get("/api/actions/").status_code == 200


def test_replacing_a_token_revokes_the_old_one(client, lead):
    client.force_login(lead)
    client.post("/api/tokens/")
    old = Token.objects.get(user=lead).key
    client.post("/api/tokens/")
    assert Token.objects.get(user=lead).key != old
    assert api_client_with(old).get("/api/actions/").status_code == 401


def test_revoking_deletes_the_token(client, lead):
    client.force_login(lead)
    client.post("/api/tokens/")
    key = Token.objects.get(user=lead).key
    response = client.post("/api/tokens/revoke/", follow=True)
    assert b"Your API token has been revoked" in response.content
    assert not Token.objects.filter(user=lead).exists()
    assert api_client_with(key).get("/api/actions/").status_code == 401


def test_token_page_needs_sign_in(client):
    assert client.get("/api/tokens/").status_code == 302
    assert client.post("/api/tokens/revoke/").status_code == 302
    assert not Token.objects.exists()


def api_client_with(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client
