"""The action list: access, each filter parameter, sorting, pages, counts and the CSV export."""

import csv
import datetime
import io

import pytest
import time_machine
from django.urls import reverse

from actions.models import Action
from actions.workflow import Status

from .factories import ActionFactory, BoardFactory, MeetingFactory, ThemeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

TODAY = datetime.date(2022, 9, 15)
LIST = reverse("actions:list")
CSV = reverse("actions:export_csv")


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(datetime.datetime(2022, 9, 15, 12, 0), tick=False):
        yield


def listed(client, user, **params) -> list[int]:
    """The pks the list shows to `user` for these GET parameters, in order."""
    client.force_login(user)
    response = client.get(LIST, params)
    assert response.status_code == 200
    return list(response.context["page_obj"].object_list)  # the keys of the page's rows


def exported(client, user, **params) -> list[list[str]]:
    client.force_login(user)
    response = client.get(CSV, params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def meeting():
    return MeetingFactory(date=datetime.date(2022, 6, 24))


@pytest.fixture
def actions(meeting, mps, other_org):
    """A spread of deadlines and states, all owned by the MPS except one."""
    overdue = ActionFactory(meeting=meeting, number=1, owners=[mps], timing="August 2022")
    soon = ActionFactory(meeting=meeting, number=2, owners=[mps], timing="by 20 September 2022")
    later = ActionFactory(meeting=meeting, number=3, owners=[mps], timing="Q4 2022")
    no_deadline = ActionFactory(meeting=meeting, number=4, owners=[mps], timing="TBC")
    others = ActionFactory(
        meeting=meeting, number=5, owners=[other_org], timing="July 2022", lead="VC Office"
    )
    return {
        "overdue": overdue,
        "soon": soon,
        "later": later,
        "no_deadline": no_deadline,
        "others": others,
    }


def test_lead_sees_only_their_organisations_actions(client, lead, actions):
    shown = listed(client, lead)
    assert actions["others"].pk not in shown
    assert set(shown) == {a.pk for k, a in actions.items() if k != "others"}


def test_officer_sees_every_action_with_the_count_of_matches(client, officer, actions):
    client.force_login(officer)
    response = client.get(LIST)
    assert len(response.context["page_obj"].object_list) == 5
    assert b"5 actions" in response.content


def test_default_order_is_overdue_first_then_due_date_then_no_deadline(client, officer, actions):
    assert listed(client, officer) == [
        actions["others"].pk,  # overdue, due 31 July
        actions["overdue"].pk,  # overdue, due 31 August
        actions["soon"].pk,
        actions["later"].pk,
        actions["no_deadline"].pk,
    ]


def test_sort_parameters_order_the_list(client, officer, actions):
    by_due = listed(client, officer, sort="due_date")
    assert by_due[0] == actions["others"].pk and by_due[-1] == actions["no_deadline"].pk
    latest_first = listed(client, officer, sort="-due_date")
    assert latest_first[0] == actions["later"].pk and latest_first[-1] == actions["no_deadline"].pk
    assert listed(client, officer, sort="number") == [
        actions[k].pk for k in ("overdue", "soon", "later", "no_deadline", "others")
    ]


def test_sort_by_status_follows_the_lifecycle(client, officer, lead, actions):
    actions["later"].propose_completion(by=lead, note="Done")
    actions["soon"].post_update(by=lead, note="Started")
    order = listed(client, officer, sort="status")
    assert order.index(actions["soon"].pk) > order.index(actions["overdue"].pk)
    assert order[-1] == actions["later"].pk


def test_status_filter_takes_several_values(client, officer, lead, actions):
    actions["soon"].post_update(by=lead, note="Started")
    actions["later"].propose_completion(by=lead, note="Done")
    shown = listed(client, officer, status=[Status.IN_PROGRESS, Status.COMPLETION_PROPOSED])
    assert set(shown) == {actions["soon"].pk, actions["later"].pk}


def test_owner_and_lead_filters(client, officer, other_org, actions):
    assert listed(client, officer, owner=other_org.pk) == [actions["others"].pk]
    assert listed(client, officer, lead="vc off") == [actions["others"].pk]


def test_lead_is_matches_exactly_that_lead(client, officer, meeting, mps):
    only_mps = ActionFactory(meeting=meeting, owners=[mps], lead="MPS")
    ActionFactory(meeting=meeting, owners=[mps], lead="MPS and MOPAC")
    assert listed(client, officer, lead_is="MPS") == [only_mps.pk]
    assert len(listed(client, officer, lead="MPS")) == 2


def test_board_meeting_and_theme_filters(client, officer, actions):
    other_board = BoardFactory(name="Finance, Change and People Oversight Board")
    elsewhere = ActionFactory(meeting=MeetingFactory(board=other_board), number=1)
    theme = ThemeFactory(name="Violence with injury", slug="violence")
    Action.objects.filter(pk=actions["soon"].pk).update(theme=theme)
    assert listed(client, officer, board=other_board.pk) == [elsewhere.pk]
    assert listed(client, officer, meeting=elsewhere.meeting_id) == [elsewhere.pk]
    assert listed(client, officer, theme=theme.pk) == [actions["soon"].pk]


def test_due_between_accepts_uk_and_iso_dates(client, officer, actions):
    shown = listed(client, officer, due_after="01/09/2022", due_before="2022-12-31")
    assert set(shown) == {actions["soon"].pk, actions["later"].pk}


def test_deadline_filters_use_the_one_definition(client, officer, lead, actions):
    assert set(listed(client, officer, overdue=1)) == {
        actions["overdue"].pk,
        actions["others"].pk,
    }
    assert listed(client, officer, due_within=7) == [actions["soon"].pk]
    assert listed(client, officer, no_deadline=1) == [actions["no_deadline"].pk]
    actions["overdue"].propose_completion(by=lead, note="Done")
    assert listed(client, officer, awaiting=1) == [actions["overdue"].pk]
    assert actions["overdue"].pk not in listed(client, officer, overdue=1)


def test_slipped_filter_shows_actions_whose_deadline_moved_later(client, officer, actions):
    actions["soon"].revise_timing(by=officer, timing="December 2022", reason="Data delayed")
    assert listed(client, officer, slipped=1) == [actions["soon"].pk]


def test_free_text_filter(client, officer, actions):
    Action.objects.filter(pk=actions["later"].pk).update(text="Review stop and search data")
    assert listed(client, officer, q="stop search") == [actions["later"].pk]


def test_invalid_filter_values_are_reported_not_fatal(client, officer, actions):
    client.force_login(officer)
    response = client.get(LIST, {"due_after": "31/02/2022", "owner": "999999"})
    assert response.status_code == 200
    assert b"There is a problem" in response.content


def test_pagination_keeps_the_filters_in_its_links(client, officer, meeting, mps):
    for number in range(1, 103):
        ActionFactory(meeting=meeting, number=number, owners=[mps], timing="TBC")
    client.force_login(officer)
    response = client.get(LIST, {"no_deadline": "1", "lead": "MPS"})
    assert response.context["page_obj"].paginator.num_pages == 2
    assert b"102 actions" in response.content
    assert b"?no_deadline=1&amp;lead=MPS&amp;page=2" in response.content
    second = client.get(LIST, {"no_deadline": "1", "lead": "MPS", "page": "2"})
    assert len(second.context["page_obj"].object_list) == 2


def test_list_query_count_does_not_grow_with_rows(
    client, officer, meeting, mps, mopac, django_assert_max_num_queries
):
    def make(count, start):
        for number in range(start, start + count):
            ActionFactory(meeting=meeting, number=number, owners=[mps, mopac])

    client.force_login(officer)
    client.get(LIST)  # the first request after signing in also saves the session
    make(5, 1)
    with django_assert_max_num_queries(12) as few:
        client.get(LIST, {"status": "open", "sort": "due_date"})
    make(45, 100)
    with django_assert_max_num_queries(12) as many:
        response = client.get(LIST, {"status": "open", "sort": "due_date"})
    assert len(response.context["page_obj"].object_list) == 50
    assert len(many.captured_queries) == len(few.captured_queries)


def test_csv_is_exactly_the_filtered_list(client, officer, actions):
    params = {"overdue": "1", "sort": "due_date"}
    rows = exported(client, officer, **params)
    assert rows[0] == [
        *["No", "Action", "Timing", "Lead", "Owner", "Status", "Due date"],
        *["Board", "Meeting date", "Source"],
    ]
    assert [row[1] for row in rows[1:]] == [
        Action.objects.get(pk=pk).text for pk in listed(client, officer, **params)
    ]
    assert rows[1][2] == "July 2022" and rows[1][6] == "2022-07-31"


def test_csv_respects_access(client, lead, actions):
    rows = exported(client, lead)
    texts = {row[1] for row in rows[1:]}
    assert actions["others"].text not in texts
    assert len(rows) == 1 + 4


def test_list_shows_tags_for_deadline_unreadable_timing_and_slips(client, officer, meeting):
    unreadable = ActionFactory(meeting=meeting, number=7, timing="Soon")
    slipped = ActionFactory(meeting=meeting, number=8, timing="September 2022")
    slipped.revise_timing(by=officer, timing="October 2022", reason="Delayed")
    client.force_login(officer)
    content = client.get(LIST).content.decode()
    assert "Timing unreadable" in content
    assert "Slipped \u00d71" in content
    assert "Due soon" in content or "On track" in content
    assert "31 October 2022" in content
    assert unreadable.text in content


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_my_actions_for_a_lead_puts_theirs_first_and_overdue_first(client, lead, actions):
    Action.objects.filter(pk__in=[actions["later"].pk, actions["soon"].pk]).update(lead_user=lead)
    client.force_login(lead)
    sections = client.get(reverse("actions:mine")).context["sections"]
    assert [s.title for s in sections] == ["Led by you", "Other MPS actions"]
    assert [row.pk for row in sections[0].shown] == [actions["soon"].pk, actions["later"].pk]
    assert [row.pk for row in sections[1].shown] == [
        actions["overdue"].pk,
        actions["no_deadline"].pk,
    ]


def test_my_actions_for_an_officer_shows_what_awaits_a_decision_and_recent_changes(
    client, officer, lead, actions
):
    actions["soon"].propose_completion(by=lead, note="Done")
    actions["later"].revise_timing(by=officer, timing="Q1 2023", reason="Agreed delay")
    client.force_login(officer)
    sections = client.get(reverse("actions:mine")).context["sections"]
    assert [row.pk for row in sections[0].shown] == [actions["soon"].pk]
    assert [row.pk for row in sections[1].shown] == [actions["later"].pk]


def test_my_actions_query_count_is_bounded(
    client, lead, meeting, mps, django_assert_max_num_queries
):
    for number in range(1, 40):
        ActionFactory(meeting=meeting, number=number, owners=[mps])
    client.force_login(lead)
    client.get(reverse("actions:mine"))
    # Session, user, its organisation; per section the overdue keys and the rest's (the default
    # order read through two indexes); the rows of both sections and their owners; whom the lead
    # deputises for today; the header's count of unread notices.
    with django_assert_max_num_queries(11):
        client.get(reverse("actions:mine"))
