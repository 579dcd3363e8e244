"""The overdue report: what is overdue or due before the board's next meeting, by lead and board;
the open actions with no deadline; the overdue questions. Each row is referred to by its meeting
and number ("24 Jun 2022 / 1") and shows what its latest update said."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from actions import services
from actions.models import Action
from documents.overdue_report import render_overdue_report
from questions.models import PerformanceQuestion

from .documents_pdf import in_order, pdf_info, pdf_text, rasterise, squashed
from .factories import ActionFactory, BoardFactory, MeetingFactory, QuestionFactory

TODAY = datetime.date(2022, 9, 10)


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime.datetime(2022, 9, 10, 9, 0), tick=False):
        yield


def report(board, today=TODAY) -> bytes:
    return render_overdue_report(
        actions=Action.objects.all(),
        questions=PerformanceQuestion.objects.all(),
        board=board,
        today=today,
    )


@pytest.fixture
def boards(mps, mopac, officer):
    performance = BoardFactory(name="Performance and Risk Oversight Board")
    finance = BoardFactory(name="Finance, Change and People Oversight Board")
    june = MeetingFactory(board=performance, date=datetime.date(2022, 6, 24))
    MeetingFactory(board=performance, date=datetime.date(2022, 10, 14))  # the next meeting
    july = MeetingFactory(board=finance, date=datetime.date(2022, 7, 19))
    briefing = ActionFactory(meeting=june, number=1, text="Overdue briefing note.", owners=[mps])
    with time_machine.travel(datetime.datetime(2022, 8, 1, 9, 0), tick=False):
        services.post_update(briefing, by=officer, note="Drafting has started.")
    with time_machine.travel(datetime.datetime(2022, 8, 20, 12, 0), tick=False):
        services.post_update(briefing, by=officer, note="The note is with the Commander.")
    ActionFactory(meeting=june, number=2, text="Due after the board.", timing="October 2022")
    ActionFactory(meeting=june, number=3, text="Due before the board.", timing="September 2022")
    ActionFactory(meeting=june, number=4, text="Done already.", timing="Completed")
    ActionFactory(
        meeting=june,
        number=5,
        text="Joint review.",
        timing="July 2022",
        owners=[mps, mopac],
        lead="MPS and MOPAC",
    )
    ActionFactory(meeting=june, number=6, text="Review to be scheduled.", timing="TBC")
    ActionFactory(meeting=july, number=1, text="Finance overdue.", owners=[mps])
    QuestionFactory(
        meeting=june,
        letter=None,
        number=2,
        text="Burglary attendance?",
        put_to=mps,
        response_timing="by 31 August",
    )
    return performance, finance


def test_lists_overdue_and_due_before_the_next_meeting_grouped_by_lead_and_board(boards):
    pdf = report(None)

    text = squashed(pdf_text(pdf))
    assert in_order(
        text,
        [
            squashed(x)
            for x in [
                "Overdue actions",
                "Performance and Risk Oversight Board on 14 October 2022",
                "MPS: Finance, Change and People Oversight Board",
                "Finance overdue.",
                "MPS: Performance and Risk Oversight Board",
                "24 Jun 2022 / 1",
                "Overdue briefing note.",
                "due 31 August 2022 10 The note is with the Commander. 20 August 2022",
                "24 Jun 2022 / 3",
                "Due before the board.",
                "due 30 September 2022 Not yet due No update yet",
                "MPS and MOPAC: Performance and Risk Oversight Board",
                "24 Jun 2022 / 5",
                "Joint review.",
                "due 31 July 2022 41 No update yet",
                "Open actions with no deadline",
                "24 Jun 2022 / 6",
                "Review to be scheduled.",
                "TBC",
                "Overdue questions",
                "24 Jun 2022 / 2",
                "Burglary attendance?",
                "MPS by 31 August due 31 August 2022 10 Awaiting response",
            ]
        ],
    )
    assert "Dueafter" not in text
    assert "Donealready" not in text
    assert "Draftinghasstarted" not in text  # only the latest update
    assert "None" not in text
    assert pdf_info(pdf)["Tagged"] == "yes"
    rasterise(pdf, "overdue-report")


def test_a_board_filter_keeps_only_that_boards_actions(boards):
    performance, _ = boards

    text = pdf_text(report(performance))

    assert "Overdue briefing note." in text
    assert "Finance overdue." not in text


def test_without_a_next_meeting_only_overdue_actions_are_listed(boards):
    _, finance = boards

    text = pdf_text(report(finance))

    assert "No meeting is scheduled" in text
    assert "Finance overdue." in text


@pytest.mark.parametrize("user_fixture", ["reviewer", "officer"])
def test_reviewers_and_officers_download_the_report(client, request, boards, user_fixture):
    performance, _ = boards
    client.force_login(request.getfixturevalue(user_fixture))

    page = client.get(reverse("documents:overdue_report"))
    response = client.get(reverse("documents:overdue_report_pdf"), {"board": performance.pk})

    assert page.status_code == 200
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="overdue-performance-and-risk-oversight-board-2022-09-10.pdf"'
    )
    assert "Overdue briefing note." in pdf_text(response.content)


def test_leads_cannot_get_the_overdue_report(client, lead, boards):
    client.force_login(lead)

    assert client.get(reverse("documents:overdue_report")).status_code == 403
    assert client.get(reverse("documents:overdue_report_pdf")).status_code == 403


def test_an_unknown_board_is_refused(client, reviewer, boards):
    client.force_login(reviewer)

    response = client.get(reverse("documents:overdue_report_pdf"), {"board": "999999"})

    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()


@pytest.mark.parametrize("board_name", [None, "Performance and Risk Oversight Board"])
def test_a_report_too_long_for_a_pdf_points_to_the_list_of_the_same_actions(
    client, reviewer, boards, monkeypatch, board_name
):
    """Counted before drawing: a PDF of thousands of rows would take minutes and gigabytes."""
    monkeypatch.setattr("documents.views.OVERDUE_REPORT_MAX_ROWS", 2)
    performance, _ = boards
    board = performance if board_name else None
    client.force_login(reviewer)
    params = {"board": board.pk} if board else {}
    expected = {"Overdue briefing note.", "Due before the board.", "Joint review."}
    if board is None:
        expected.add("Finance overdue.")
    # Three sections are counted: these, one action with no deadline and one overdue question.
    rows = len(expected) + 2

    response = client.get(reverse("documents:overdue_report_pdf"), params)

    assert response.status_code == 400
    body = response.content.decode()
    assert f"The report would list {rows} actions and questions, more than the 2" in body
    list_url = re.search(r'href="(/actions/\?[^"]+)">See these actions', body).group(1)
    listed = client.get(list_url.replace("&amp;", "&")).content.decode()
    assert f"{len(expected)} actions" in listed
    assert all(text in listed for text in expected)
