"""Boards and meetings pages per role, recording a meeting, adding several actions at once."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from actions.models import Action
from meetings.models import Attendee, Meeting, MinuteItem

from .factories import (
    ActionFactory,
    BoardFactory,
    LetterFactory,
    MeetingFactory,
    QuestionFactory,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")

TODAY = datetime.date(2022, 9, 15)


@pytest.fixture
def frozen():
    with time_machine.travel(datetime.datetime(2022, 9, 15, 12, 0), tick=False):
        yield


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def meeting_post(board, mps, mopac, **extra):
    return {
        "board": board.pk,
        "date": "24/06/2022",
        "focus": "Q4 performance and risk",
        "status": Meeting.Status.HELD,
        **management("attendees", 2),
        "attendees-0-name": "Sophie Linden",
        "attendees-0-title": "Deputy Mayor for Policing and Crime",
        "attendees-0-organisation": mopac.pk,
        "attendees-1-name": "Sir Stephen House",
        "attendees-1-title": "Acting Commissioner",
        "attendees-1-organisation": mps.pk,
        **management("minutes", 2),
        "minutes-0-number": "2.3",
        "minutes-0-heading": "Trust and confidence",
        "minutes-0-text": "The Deputy Mayor requested a paper on engagement.",
        "minutes-1-number": "",
        "minutes-1-heading": "",
        "minutes-1-text": "",
        **extra,
    }


# -- boards ----------------------------------------------------------------------------------


def test_board_list_counts_open_and_overdue_actions_per_board(client, officer, mps, frozen):
    prob = BoardFactory(name="Performance and Risk Oversight Board")
    fcp = BoardFactory(name="Finance, Change and People Oversight Board")
    old = MeetingFactory(board=prob, date=datetime.date(2022, 6, 24))
    ActionFactory(meeting=old, owners=[mps], timing="August 2022")  # overdue
    ActionFactory(meeting=old, owners=[mps], timing="December 2022")  # open, not overdue
    ActionFactory(meeting=old, owners=[mps], timing="Completed")  # closed
    follow_up = LetterFactory(meeting=old, date=datetime.date(2022, 7, 20))
    ActionFactory(meeting=None, letter=follow_up, owners=[mps], timing="August 2022")
    MeetingFactory(board=prob, date=datetime.date(2022, 10, 20))
    client.force_login(officer)
    response = client.get(reverse("meetings:board_list"))
    boards = {b.name: b for b in response.context["boards"]}
    # The follow-up letter's action belongs to the board too, as in the list its count links to.
    assert (boards[prob.name].counts["open"], boards[prob.name].counts["overdue"]) == (3, 2)
    listed = client.get(reverse("actions:list"), {"board": prob.pk, "overdue": "1"})
    assert len(listed.context["page_obj"].object_list) == 2
    assert boards[prob.name].next_meeting_date == datetime.date(2022, 10, 20)
    assert boards[fcp.name].counts["open"] == 0
    assert boards[fcp.name].next_meeting_date is None
    assert "20 October 2022" in response.content.decode()


def test_board_list_query_count_does_not_grow_with_rows(
    client, officer, mps, django_assert_max_num_queries
):
    for n in range(12):
        meeting = MeetingFactory(board=BoardFactory(name=f"Board {n}"))
        ActionFactory(meeting=meeting, owners=[mps])
    client.force_login(officer)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("meetings:board_list")).status_code == 200


def test_board_detail_lists_its_meetings(client, reviewer):
    board = BoardFactory()
    meeting = MeetingFactory(board=board, date=datetime.date(2022, 6, 24))
    MeetingFactory(board=BoardFactory(name="Other board"), date=datetime.date(2022, 7, 19))
    client.force_login(reviewer)
    response = client.get(reverse("meetings:board_detail", args=[board.pk]))
    assert list(response.context["meetings"]) == [meeting]


def test_board_detail_query_count_does_not_grow_with_rows(
    client, officer, mps, django_assert_max_num_queries
):
    board = BoardFactory()
    for _ in range(12):
        ActionFactory(meeting=MeetingFactory(board=board), owners=[mps])
    client.force_login(officer)
    with django_assert_max_num_queries(9):  # +1: the header's unread notices
        response = client.get(reverse("meetings:board_detail", args=[board.pk]))
    assert len(response.context["meetings"]) == 12
    assert all(m.counts["open"] == 1 for m in response.context["meetings"])


def test_leads_do_not_see_the_board_pages(client, lead):
    client.force_login(lead)
    assert client.get(reverse("meetings:board_list")).status_code == 403
    assert client.get(reverse("meetings:board_detail", args=[BoardFactory().pk])).status_code == 403


# -- meeting list and detail -------------------------------------------------------------------


def test_meeting_list_filters_by_board_and_year(client, officer):
    prob, fcp = BoardFactory(name="PROB"), BoardFactory(name="FCP")
    june = MeetingFactory(board=prob, date=datetime.date(2022, 6, 24))
    MeetingFactory(board=prob, date=datetime.date(2023, 6, 22))
    MeetingFactory(board=fcp, date=datetime.date(2022, 7, 19))
    client.force_login(officer)
    response = client.get(reverse("meetings:meeting_list"), {"board": prob.pk, "year": 2022})
    assert list(response.context["page"].object_list) == [june]
    assert response.context["years"] == [2023, 2022]


def test_meeting_list_ignores_malformed_filters(client, officer):
    MeetingFactory()
    client.force_login(officer)
    response = client.get(reverse("meetings:meeting_list"), {"board": "x", "year": "'; --"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 1


def test_lead_lists_only_meetings_with_an_action_of_their_organisation(
    client, lead, mps, other_org
):
    mine, theirs = MeetingFactory(), MeetingFactory()
    ActionFactory(meeting=mine, owners=[mps])
    ActionFactory(meeting=theirs, owners=[other_org])
    client.force_login(lead)
    response = client.get(reverse("meetings:meeting_list"))
    assert list(response.context["page"].object_list) == [mine]


def test_meeting_list_query_count_does_not_grow_with_rows(
    client, officer, mps, django_assert_max_num_queries
):
    for _ in range(15):
        ActionFactory(meeting=MeetingFactory(), owners=[mps])
    client.force_login(officer)
    with django_assert_max_num_queries(11):
        response = client.get(reverse("meetings:meeting_list"))
    assert len(response.context["page"].object_list) == 15


def test_meeting_detail_shows_attendees_minutes_and_annex(client, officer, mps, mopac, frozen):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    Attendee.objects.create(meeting=meeting, name="Sophie Linden", organisation=mopac)
    Attendee.objects.create(meeting=meeting, name="Sir Stephen House", organisation=mps)
    item = MinuteItem.objects.create(meeting=meeting, number="2.3", text="The DMPC requested...")
    ActionFactory(meeting=meeting, number=9, timing="August/Sept 2022", owners=[mps, mopac])
    ActionFactory(meeting=meeting, number=2, minute_item=item, timing="soon", owners=[mps])
    client.force_login(officer)
    response = client.get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    body = response.content.decode()
    assert [a.number for a in response.context["actions"]] == [2, 9]
    assert [o.short_name for o, _ in response.context["attendees_by_organisation"]] == [
        "MOPAC",
        "MPS",
    ]
    assert response.context["minute_items"][0].agreed_actions[0].number == 2
    assert "Due 30 September 2022" in body
    assert "Timing unreadable" in body
    assert "MPS and MOPAC" in body or "MOPAC and MPS" in body
    assert "Paste an Annex A table" in body


def test_lead_sees_only_their_organisations_actions_in_a_meeting(client, lead, mps, other_org):
    meeting = MeetingFactory()
    ActionFactory(meeting=meeting, number=1, text="Ours to do.", owners=[mps])
    ActionFactory(meeting=meeting, number=2, text="Theirs to do.", owners=[other_org])
    client.force_login(lead)
    response = client.get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    body = response.content.decode()
    assert "Ours to do." in body
    assert "Theirs to do." not in body
    assert "Paste an Annex A table" not in body


def test_lead_cannot_see_another_organisations_meeting(client, lead, other_org):
    meeting = MeetingFactory()
    ActionFactory(meeting=meeting, owners=[other_org])
    client.force_login(lead)
    assert client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).status_code == 404


def test_meeting_detail_query_count_does_not_grow_with_rows(
    client, officer, mps, mopac, django_assert_max_num_queries
):
    meeting = MeetingFactory()
    for n in range(10):
        item = MinuteItem.objects.create(meeting=meeting, number=f"2.{n}", text="Minute.")
        Attendee.objects.create(meeting=meeting, name=f"Person {n}", organisation=mps)
        ActionFactory(meeting=meeting, minute_item=item, owners=[mps, mopac])
        QuestionFactory(letter=None, meeting=meeting, number=n + 1, put_to=mps)
    client.force_login(officer)
    # One lists the questions put at it, one counts the header's unread notices.
    with django_assert_max_num_queries(13):
        assert client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).status_code == 200


# -- recording a meeting -------------------------------------------------------------------------


def test_officer_records_a_meeting_with_attendees_and_minutes(client, officer, mps, mopac):
    board = BoardFactory()
    client.force_login(officer)
    response = client.post(reverse("meetings:meeting_create"), meeting_post(board, mps, mopac))
    meeting = Meeting.objects.get()
    assert response.url == meeting.get_absolute_url()
    assert meeting.date == datetime.date(2022, 6, 24)
    assert sorted(a.name for a in meeting.attendees.all()) == ["Sir Stephen House", "Sophie Linden"]
    assert [m.number for m in meeting.minute_items.all()] == ["2.3"]
    assert meeting.history.earliest().history_user == officer


def test_an_attendee_recorded_as_not_attending_is_listed_apart(client, officer, mps, mopac):
    client.force_login(officer)
    data = meeting_post(BoardFactory(), mps, mopac, **{"attendees-1-absent": "on"})
    client.post(reverse("meetings:meeting_create"), data)
    meeting = Meeting.objects.get()

    assert [(a.name, a.absent) for a in meeting.attendees.order_by("position", "pk")] == [
        ("Sophie Linden", False),
        ("Sir Stephen House", True),
    ]
    page = client.get(meeting.get_absolute_url()).content.decode()
    attended, absent = page.split("Did not attend</h3>", 1)
    assert "Sophie Linden" in attended and "Sir Stephen House" not in attended
    assert "Sir Stephen House, Acting Commissioner (MPS)" in absent


def test_add_another_row_keeps_what_was_typed_and_saves_nothing(client, officer, mps, mopac):
    board = BoardFactory()
    client.force_login(officer)
    data = meeting_post(board, mps, mopac, add_row="attendees", date="")
    response = client.post(reverse("meetings:meeting_create"), data)
    assert response.status_code == 200
    assert len(response.context["attendees"].forms) == 3
    body = response.content.decode()
    assert "Sophie Linden" in body
    assert "There is a problem" not in body  # the blank date is not an error yet
    assert Meeting.objects.count() == 0


def test_invalid_meeting_is_shown_again_with_errors(client, officer, mps, mopac):
    client.force_login(officer)
    data = meeting_post(BoardFactory(), mps, mopac, date="31/02/2022")
    response = client.post(reverse("meetings:meeting_create"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Sophie Linden" in body
    assert Meeting.objects.count() == 0


def test_officer_edits_a_meeting_and_removes_an_attendee(client, officer, mps, mopac):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    gone = Attendee.objects.create(meeting=meeting, name="Left early", organisation=mps)
    client.force_login(officer)
    data = {
        "board": meeting.board.pk,
        "date": "24/06/2022",
        "focus": "",
        "status": Meeting.Status.MINUTES_AGREED,  # ignored: the edit form never sets it
        "version": meeting.version,
        **management("attendees", 1, initial=1),
        "attendees-0-id": gone.pk,
        "attendees-0-meeting": meeting.pk,
        "attendees-0-name": gone.name,
        "attendees-0-title": "",
        "attendees-0-organisation": mps.pk,
        "attendees-0-DELETE": "on",
        **management("minutes", 0),
    }
    response = client.post(reverse("meetings:meeting_edit", args=[meeting.pk]), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
    assert not meeting.attendees.exists()


def test_officer_changes_the_meeting_status(client, officer):
    meeting = MeetingFactory(status=Meeting.Status.HELD)
    client.force_login(officer)
    url = reverse("meetings:meeting_status", args=[meeting.pk])
    response = client.post(url, {"status": Meeting.Status.PUBLISHED, "version": meeting.version})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED


@pytest.mark.parametrize("role", ["lead", "reviewer"])
def test_only_officers_create_or_edit_meetings(role, request, client, mps, mopac):
    user = request.getfixturevalue(role)
    meeting = MeetingFactory()
    ActionFactory(meeting=meeting, owners=[mps])  # visible to the MPS lead
    client.force_login(user)
    data = meeting_post(BoardFactory(), mps, mopac)
    assert client.get(reverse("meetings:meeting_create")).status_code == 403
    assert client.post(reverse("meetings:meeting_create"), data).status_code == 403
    assert client.post(reverse("meetings:meeting_edit", args=[meeting.pk]), data).status_code == 403
    status_url = reverse("meetings:meeting_status", args=[meeting.pk])
    assert client.post(status_url, {"status": "published"}).status_code == 403
    assert Meeting.objects.count() == 1
    assert Meeting.objects.get().status == Meeting.Status.HELD


# -- several actions at once ---------------------------------------------------------------------


def actions_post(rows, total=3, **extra):
    data = management("actions", total)
    for i, row in enumerate(rows):
        data.update({f"actions-{i}-{name}": value for name, value in row.items()})
    return {**data, **extra}


def test_numbers_are_prefilled_with_the_next_free_ones(client, officer, mps):
    meeting = MeetingFactory()
    ActionFactory(meeting=meeting, number=4, owners=[mps])
    client.force_login(officer)
    response = client.get(reverse("actions:add_to_meeting", args=[meeting.pk]))
    assert [f["number"].value() for f in response.context["formset"]] == [5, 6, 7]


def test_officer_adds_several_actions_and_empty_rows_are_skipped(client, officer, mps, mopac):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    forum = BoardFactory(name="DMPC-AC Professionalism meeting")
    client.force_login(officer)
    rows = [
        {"number": 1, "text": "MPS to report.", "timing": "August 2022", "owners": [mps.pk]},
        {
            "number": 2,
            "text": "MPS and MOPAC to align reviews.",
            "timing": "",
            "lead": "Director of Strategy",
            "owners": [mps.pk, mopac.pk],
            "forum": forum.pk,
        },
        {"number": 3},  # untouched: its number is the prefilled one
    ]
    url = reverse("actions:add_to_meeting", args=[meeting.pk])
    response = client.post(url, actions_post(rows))
    assert response.status_code == 302
    actions = {a.number: a for a in Action.objects.filter(meeting=meeting)}
    assert sorted(actions) == [1, 2]
    assert actions[1].due_date == datetime.date(2022, 8, 31)
    assert set(actions[2].owners.all()) == {mps, mopac}
    assert actions[2].forum == forum
    assert actions[2].lead == "Director of Strategy"
    assert actions[1].history.earliest().history_user == officer


def test_duplicate_and_taken_numbers_save_nothing(client, officer, mps):
    meeting = MeetingFactory()
    ActionFactory(meeting=meeting, number=1, owners=[mps])
    client.force_login(officer)
    rows = [
        {"number": 1, "text": "Clashes with the saved action 1.", "owners": [mps.pk]},
        {"number": 5, "text": "First five.", "owners": [mps.pk]},
        {"number": 5, "text": "Second five.", "owners": [mps.pk]},
    ]
    response = client.post(reverse("actions:add_to_meeting", args=[meeting.pk]), actions_post(rows))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Action 1 already exists in this meeting." in body
    assert "No. 5 is used more than once in this form." in body
    assert Action.objects.filter(meeting=meeting).count() == 1


def test_row_without_owner_is_an_error(client, officer):
    meeting = MeetingFactory()
    client.force_login(officer)
    rows = [{"number": 1, "text": "Nobody owns this."}]
    url = reverse("actions:add_to_meeting", args=[meeting.pk])
    response = client.post(url, actions_post(rows, total=1))
    assert "Choose at least one owner organisation." in response.content.decode()
    assert not Action.objects.exists()


def test_add_another_action_row_prefills_its_number(client, officer, mps):
    meeting = MeetingFactory()
    client.force_login(officer)
    typed = {"number": 1, "text": "Typed already.", "owners": [mps.pk]}
    rows = [typed, {"number": 2}, {"number": 3}]
    url = reverse("actions:add_to_meeting", args=[meeting.pk])
    response = client.post(url, actions_post(rows, add_row="actions"))
    forms = response.context["formset"].forms
    assert len(forms) == 4
    assert forms[3]["number"].value() == "4"
    assert "Typed already." in response.content.decode()
    assert not Action.objects.exists()


def test_lead_cannot_add_actions(client, lead, mps):
    meeting = MeetingFactory()
    ActionFactory(meeting=meeting, owners=[mps])
    client.force_login(lead)
    url = reverse("actions:add_to_meeting", args=[meeting.pk])
    rows = [{"number": 9, "text": "Sneaked in.", "owners": [mps.pk]}]
    assert client.post(url, actions_post(rows)).status_code == 403
    assert Action.objects.count() == 1
