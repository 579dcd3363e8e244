"""Every list, count, download, the dashboard and the overdue report as at a past day
(`?as_at=`): rebuilt from the history (tests/as_at_history.py), under a banner, deadlines counted
from that day, and what a lead may not see today left out as it is today."""

import csv
import datetime
import io
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actions.models import Action
from letters.services import letter_mark_sent
from recommendations.models import Recommendation

from .as_at_history import at, make_history, make_question
from .factories import ActionFactory, LetterFactory, MeetingFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

BANNER = "shown as they stood at the end of"
SYNTAX = ("{#", "{%", "{{")


@pytest.fixture
def history(officer, lead, mps, mopac):
    return make_history(officer, lead, mps, mopac)


def page(client, name: str, **params) -> str:
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    html = response.content.decode()
    assert not [syntax for syntax in SYNTAX if syntax in html]
    return html


def numbers(html: str) -> list[str]:
    """The No. of each row of the action table, in order."""
    return re.findall(r'data-label="No\." class="govuk-table__cell">(\d+)<br>', html)


def row_of(html: str, number: int) -> str:
    rows = re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', html, re.S)
    return next(row for row in rows if f'class="govuk-table__cell">{number}<br>' in row)


def test_the_list_shows_each_action_as_it_stood_under_a_banner(client, officer, history):
    client.force_login(officer)
    html = page(client, "actions:list", as_at="14 August 2022")
    assert BANNER in html and "14 August 2022" in html
    assert numbers(html) == ["1"]  # action 2 was recorded on the 15th
    first = row_of(html, 1)
    assert "In progress" in first and "Due 31 August 2022" in first and ">MPS<" in first
    # Read only: the officer's tick boxes for bulk changes are not offered.
    assert 'name="action"' not in html
    html = page(client, "actions:list", as_at="2022-09-02")
    first = row_of(html, 1)
    assert "Due 30 November 2022" in first and "MPS and MOPAC" in first
    # Today: no banner, today's status, tick boxes back.
    html = page(client, "actions:list")
    assert BANNER not in html and "Completed" in row_of(html, 1) and 'name="action"' in html


def test_filters_and_deadlines_count_from_that_day(client, officer, history, mopac):
    client.force_login(officer)
    # Action 2, due 31 December 2022 and never changed, became overdue on 1 January 2023.
    assert numbers(page(client, "actions:list", as_at="2022-12-31", overdue=1)) == []
    html = page(client, "actions:list", as_at="2023-01-05", overdue=1)
    assert numbers(html) == ["2"] and "Overdue" in row_of(html, 2)
    # MOPAC was made an owner of action 1 on 1 September.
    assert numbers(page(client, "actions:list", as_at="2022-08-31", owner=mopac.pk)) == []
    assert numbers(page(client, "actions:list", as_at="2022-09-01", owner=mopac.pk)) == ["1"]
    board = history.meeting.board
    assert numbers(page(client, "actions:list", as_at="2022-09-01", board=board.pk)) == ["1", "2"]
    proposed = page(client, "actions:list", as_at="2022-10-01", awaiting=1)
    assert numbers(proposed) == ["1"]
    assert numbers(page(client, "actions:list", as_at="2022-10-01", status="closed")) == []
    for sort in ("number", "status", "due_date", "-due_date"):
        assert sorted(numbers(page(client, "actions:list", as_at="2022-09-01", sort=sort))) == [
            "1",
            "2",
        ]


def test_a_day_not_in_the_past_is_refused_with_a_message(client, officer, history):
    client.force_login(officer)
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    html = page(client, "actions:list", as_at=tomorrow.isoformat())
    assert "Enter a date before today" in html and BANNER not in html
    html = page(client, "dashboard:index", as_at="not a date")
    assert "Enter a real date" in html and BANNER not in html


def test_a_lead_sees_only_what_their_organisation_owns_today(client, history, other_lead, lead):
    client.force_login(other_lead)
    assert numbers(page(client, "actions:list", as_at="2022-09-01")) == []
    client.force_login(lead)
    assert numbers(page(client, "actions:list", as_at="2022-09-01")) == ["1", "2"]


def test_the_downloads_hold_that_days_rows(client, officer, history):
    client.force_login(officer)
    response = client.get(reverse("actions:export_csv"), {"as_at": "2022-08-14"})
    assert 'filename="actions-2022-08-14.csv"' in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["No"], r["Status"], r["Due date"]) for r in rows] == [
        ("1", "In progress", "2022-08-31")
    ]
    url = reverse("spreadsheets:export", args=["actions", "csv"])
    text = client.get(url, {"as_at": "2022-09-01"}).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["No"], r["Owner"]) for r in rows] == [("1", "MPS and MOPAC"), ("2", "MPS")]


def test_the_list_reads_a_fixed_number_of_queries_whatever_its_length(client, officer, mps):
    client.force_login(officer)
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))

    def record(*numbers):
        with time_machine.travel(at("2022-07-01"), tick=False):
            for number in numbers:
                ActionFactory(meeting=meeting, number=number, owners=[mps])

    def queries() -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            html = page(client, "actions:list", as_at="2022-08-01")
        return len(numbers(html)), [query["sql"] for query in captured]

    record(1)
    queries()  # what a first request reads once
    shown, few = queries()
    record(*range(2, 12))
    shown_then, many = queries()
    assert (shown, shown_then) == (1, 11)
    assert len(many) == len(few), "\n".join(many)


def test_the_dashboard_counts_as_at_that_day_and_links_to_that_days_lists(
    client, reviewer, history, officer, mps
):
    make_question(officer, mps)
    client.force_login(reviewer)
    html = page(client, "dashboard:index", as_at="2023-01-05")
    assert BANNER in html
    overdue_link = reverse("actions:list") + "?as_at=2023-01-05&amp;overdue=1"
    assert re.search(rf'href="{re.escape(overdue_link)}"[^>]*>\s*<span[^>]*>1<', html)
    # Today both actions are done or overdue differently: action 1 completed, action 2 overdue.
    assert "?as_at=" not in page(client, "dashboard:index").split("Machine access")[0]
    # The question was overdue from 2 September until answered on the 20th.
    questions_link = reverse("questions:list") + "?as_at=2022-09-10&amp;overdue=true"
    assert questions_link in page(client, "dashboard:index", as_at="2022-09-10")
    answered = reverse("questions:list") + "?as_at=2022-09-25&amp;overdue=true"
    assert answered not in page(client, "dashboard:index", as_at="2022-09-25")


def test_the_question_list_as_at(client, officer, mps):
    question = make_question(officer, mps)
    client.force_login(officer)
    html = page(client, "questions:list", as_at="2022-09-10", overdue=1)
    assert BANNER in html and question.text in html and "Overdue" in html
    assert reverse("questions:detail", args=[question.pk]) in html
    assert question.text not in page(client, "questions:list", as_at="2022-09-25", overdue=1)
    assert question.text not in page(client, "questions:list", as_at="2022-06-30")
    assert "Record a question" not in page(client, "questions:list", as_at="2022-09-10")


def test_the_board_page_as_at(client, reviewer, history):
    """What was due by the board's next meeting after that day, and what awaited acceptance."""
    board = history.meeting.board
    MeetingFactory(board=board, date=datetime.date(2022, 9, 15))
    client.force_login(reviewer)
    url = reverse("dashboard:board", args=[board.pk])
    html = client.get(url, {"as_at": "2022-08-14"}).content.decode()
    assert BANNER in html and "Next meeting" in html and "15 September 2022" in html
    assert numbers(html) == ["1"]  # due 31 August; action 2 not yet recorded
    html = client.get(url, {"as_at": "2022-10-01"}).content.decode()
    assert "No meeting of this board is scheduled after 1 October 2022" in html
    assert numbers(html) == ["1"]  # its completion proposed that day, awaiting acceptance
    assert "Actions whose completion awaits acceptance" in html


def test_the_overdue_report_as_at(reviewer, history, client, monkeypatch):
    """The report's context as at a past day: that day's rows, updates made by then."""
    rendered = {}

    def capture(template, context, **kwargs):
        rendered.update(context)
        return b"%PDF"

    monkeypatch.setattr("documents.overdue_report.pdf_from_template", capture)
    MeetingFactory(date=datetime.date(2022, 9, 15))  # the next meeting as at August
    client.force_login(reviewer)
    response = client.get(reverse("documents:overdue_report_pdf"), {"as_at": "2023-01-05"})
    assert response.status_code == 200
    assert rendered["as_at"] == datetime.date(2023, 1, 5)
    assert "as at 5 January 2023" in rendered["reference"]
    (group,) = rendered["groups"]
    assert [(row.action.number, row.days_overdue, row.lead) for row in group.rows] == [
        (2, 5, Action.objects.get(number=2).lead or "MPS")
    ]
    client.get(reverse("documents:overdue_report_pdf"), {"as_at": "2022-09-10"})
    assert [row.action.number for group in rendered["groups"] for row in group.rows] == []
    # Action 1's update of 1 August is the latest made by 14 August, its deadline 31 August.
    client.get(reverse("documents:overdue_report_pdf"), {"as_at": "2022-08-14"})
    (group,) = rendered["groups"]
    (row,) = group.rows
    assert (row.action.latest_note, row.action.status) == ("Started", "in_progress")


def test_the_letter_list_as_at(client, officer, mopac, mps):
    with time_machine.travel(at("2022-07-01"), tick=False):
        letter = LetterFactory(sender_organisation=mopac, recipient_organisation=mps)
    with time_machine.travel(at("2022-07-20"), tick=False):
        letter_mark_sent(letter, by=officer)
    client.force_login(officer)
    html = page(client, "letters:list", as_at="2022-07-10")
    assert BANNER in html and letter.reference in html and "Draft" in html
    assert reverse("letters:detail", args=[letter.pk]) in html
    assert "Record a letter" not in html
    assert letter.reference not in page(client, "letters:list", as_at="2022-07-10", status="sent")
    assert letter.reference in page(client, "letters:list", as_at="2022-07-25", status="sent")
    assert letter.reference not in page(client, "letters:list", as_at="2022-06-30")


def test_the_recommendations_log_and_its_download_as_at(client, officer, mps):
    with time_machine.travel(at("2022-07-01"), tick=False):
        recommendation = RecommendationFactory(owner=mps)
    with time_machine.travel(at("2022-08-01"), tick=False):
        recommendation.status = Recommendation.Status.IMPLEMENTED
        recommendation.save()
    client.force_login(officer)
    html = page(client, "recommendations:list", as_at="2022-07-10")
    assert BANNER in html and recommendation.text in html
    before = page(client, "recommendations:list", as_at="2022-07-10", status="implemented")
    assert recommendation.text not in before
    after = page(client, "recommendations:list", as_at="2022-08-02", status="implemented")
    assert recommendation.text in after
    url = reverse("spreadsheets:export", args=["recommendations", "csv"])
    text = client.get(url, {"as_at": "2022-07-10"}).content.decode("utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["Status"] == Recommendation.Status(recommendation.history.earliest().status).label
