"""The board pack: cover, agenda, the board's earlier actions with their latest updates, what is
overdue on the day, questions and answers, recommendations due for comment; a bookmark each."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from actions import services
from actions.models import Action
from demo.loader import load_demo
from documents.board_pack import render_board_pack
from meetings.models import Meeting
from questions.models import PerformanceQuestion
from recommendations.models import Recommendation

from .documents_layout import bookmarks
from .documents_pdf import in_order, pdf_info, pdf_text, rasterise, squashed
from .factories import (
    ActionFactory,
    MeetingFactory,
    QuestionFactory,
    RecommendationFactory,
    ReportFactory,
)

# (action No., (day, note) in the order posted)
PROGRESS = (
    (2, ((datetime.date(2022, 9, 20), "A briefing note on PCSO recruitment has been drafted."),)),
    (
        3,
        (
            (datetime.date(2022, 7, 29), "The list is being compiled from each BCU."),
            (datetime.date(2022, 8, 5), "The list of schools without an officer was sent."),
        ),
    ),
    (13, ((datetime.date(2022, 9, 1), "The handcuffing data is being checked for quality."),)),
)

SECTIONS = [
    "Agenda",
    "Actions from earlier meetings",
    "Overdue actions and questions",
    "Questions put and answers",
    "Recommendations due for comment",
]


def pack(meeting) -> bytes:
    return render_board_pack(
        meeting,
        actions=Action.objects.all(),
        questions=PerformanceQuestion.objects.all(),
        recommendations=Recommendation.objects.all(),
    )


@pytest.fixture
def october_2022_board(db):
    """The demo's 14 October 2022 board, after the MPS lead reported progress on the 24 June 2022
    actions in August and September (the seeds hold no progress notes)."""
    load_demo()
    lead = User.objects.get(username="lead")
    june = Action.objects.filter(meeting__date=datetime.date(2022, 6, 24))
    for number, notes in PROGRESS:
        for day, note in notes:
            at = datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)
            services.post_update(june.get(number=number), by=lead, note=note, at=at)
    return Meeting.objects.select_related("board").get(date=datetime.date(2022, 10, 14))


def test_the_14_october_2022_pack_holds_the_24_june_actions_with_their_latest_updates(
    october_2022_board,
):
    pdf = pack(october_2022_board)

    text = squashed(pdf_text(pdf))
    assert in_order(
        text,
        [
            squashed(x)
            for x in [
                "Board pack",
                "Performance and Risk Oversight Board",
                "Friday 14 October 2022",
                "Agenda, page 1",
                "Actions from earlier meetings",
                "24 Jun 2022 / 1",
                "24 Jun 2022 / 3",
                "MPS to provide the DMPC with a list of the schools",
                "In progress",
                "The list of schools without an officer was sent.",
                "24 Jun 2022 / 14",
                "SSO report by 27 June. MPS Completed",
                "24 Jun 2022 / 15",
                "Overdue actions and questions",
                "24 Jun 2022 / 2",
                "44",  # due 31 August 2022, 44 days before the board
                "A briefing note on PCSO recruitment has been drafted",
                "Questions put and answers",
                # Seed 000's letter prints no reference: its questions go by its date.
                "Letter of 14 October 2022 / 1",
                "Recommendations due for comment",
                # The PEEL findings carry no reference in the papers.
                "The PEEL report identified three areas for improvement for the MPS in relation"
                " to Crime Data Integrity.",
                "17 November 2022",
            ]
        ],
    )
    assert "Thelistisbeingcompiled" not in text  # only the latest update
    assert "14Oct2022/1" not in text  # this meeting's own actions are not "earlier"
    assert bookmarks(pdf) == ["Performance and Risk Oversight Board", *SECTIONS]
    pages = int(pdf_info(pdf)["Pages"])
    assert f"Page {pages} of {pages}" in pdf_text(pdf)
    rasterise(pdf, "board-pack")


def test_actions_closed_before_the_last_meeting_are_left_out(db, officer, mps):
    june = MeetingFactory(date=datetime.date(2022, 6, 24))
    MeetingFactory(board=june.board, date=datetime.date(2022, 7, 20))
    october = MeetingFactory(board=june.board, date=datetime.date(2022, 10, 14))
    ActionFactory(meeting=june, number=1, text="Still open.", owners=[mps])
    ActionFactory(meeting=june, number=2, text="Done long ago.", owners=[mps], timing="Completed")
    Action.objects.filter(number=2).update(
        closed_at=datetime.datetime(2022, 7, 1, tzinfo=datetime.UTC)
    )

    text = pdf_text(pack(october))

    assert "Still open." in text
    assert "Done long ago." not in text


def test_answers_are_printed_with_whether_mopac_accepted_them(db, mps):
    june = MeetingFactory(date=datetime.date(2022, 6, 24))
    october = MeetingFactory(board=june.board, date=datetime.date(2022, 10, 14))
    QuestionFactory(
        meeting=june,
        letter=None,
        number=1,
        put_to=mps,
        text="Burglary attendance?",
        status="answered",
        response="Every burglary is attended.",
    )

    text = squashed(pdf_text(pack(october)))

    assert squashed("Burglary attendance? MPS Answered") in text
    assert squashed("Every burglary is attended.") in text


def test_recommendations_outside_their_56_days_are_left_out(db, mps):
    meeting = MeetingFactory(date=datetime.date(2022, 12, 1))
    due = ReportFactory(title="Due report", published_on=datetime.date(2022, 11, 1))
    late = ReportFactory(title="Old report", published_on=datetime.date(2022, 9, 1))
    RecommendationFactory(report=due, reference="R1", owner=mps)
    RecommendationFactory(report=late, reference="R2", owner=mps)

    text = pdf_text(pack(meeting))

    assert "Due report" in text
    assert "Old report" not in text


def test_a_leads_pack_holds_only_their_organisations_rows(client, lead, mps, other_org):
    june = MeetingFactory(date=datetime.date(2022, 6, 24))
    october = MeetingFactory(board=june.board, date=datetime.date(2022, 10, 14))
    ActionFactory(meeting=june, number=1, text="Ours to do.", owners=[mps])
    ActionFactory(meeting=june, number=2, text="Someone else's job.", owners=[other_org])
    QuestionFactory(meeting=june, letter=None, number=1, put_to=other_org, text="Their question?")
    ActionFactory(meeting=october, number=1, owners=[mps])  # so the lead may see the meeting
    client.force_login(lead)

    response = client.get(reverse("documents:board_pack", args=[october.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="board-pack-2022-10')
    text = pdf_text(response.content)
    assert "Ours to do." in text
    assert "Someone else" not in text
    assert "Their question" not in text


def test_a_lead_cannot_get_the_pack_of_a_meeting_they_may_not_see(client, other_lead, mps):
    meeting = MeetingFactory()
    ActionFactory(meeting=meeting, owners=[mps])
    client.force_login(other_lead)

    assert client.get(reverse("documents:board_pack", args=[meeting.pk])).status_code == 404


def test_the_meeting_page_offers_the_board_pack(client, officer):
    meeting = MeetingFactory()
    client.force_login(officer)

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert reverse("documents:board_pack", args=[meeting.pk]) in page


def test_render_board_pack_writes_the_pack_of_a_meeting_found_by_date(october_2022_board, tmp_path):
    third = Action.objects.get(meeting__date="2022-06-24", number=3)
    officer = User.objects.get(username="officer")
    services.post_update(third, by=officer, note="Eleven officers are now posted.")
    output = tmp_path / "pack.pdf"

    call_command(
        "render_board_pack", "--meeting", "2022-10-14", "-o", str(output), stdout=io.StringIO()
    )

    assert "Eleven officers are now posted." in pdf_text(output.read_bytes())
