"""The dashboard: counts against a known data set, links that open the same rows, charts from the
history, access, bounded queries, and "Prepare for the next board"."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.db import connection
from django.db.models.functions import TruncDate
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from selenium.webdriver.common.by import By

from actions.filters import ActionFilter
from actions.models import Action
from dashboard import month_ends, periods, stats, trends
from demo.loader import DEFAULT_PASSWORD, load_demo
from letters.access import letters_for
from questions.models import PerformanceQuestion

from .browser import assert_accessible, click_to_next_page, login, screenshot
from .factories import (
    ActionFactory,
    BoardFactory,
    LetterFactory,
    MeetingFactory,
    QuestionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2022, 11, 20)
NOW = datetime.datetime(2022, 11, 20, 12, tzinfo=datetime.UTC)


@pytest.fixture
def known(officer, mps, other_org, mopac):
    """Actions of a June 2022 board meeting and a letter, each in one state, with questions."""
    board = BoardFactory(name="Performance and Risk Oversight Board")
    meeting = MeetingFactory(board=board, date=datetime.date(2022, 6, 24))
    theme = ThemeFactory(name="Neighbourhood crime", slug="neighbourhood-crime")
    with time_machine.travel(datetime.datetime(2022, 6, 25, 12, tzinfo=datetime.UTC)):

        def make(lead, owners, timing, **extra):
            return ActionFactory(meeting=meeting, lead=lead, owners=owners, timing=timing, **extra)

        actions = {
            "overdue": make("AC Frontline Policing", [mps], "August 2022", theme=theme),
            "due_soon": make("AC Frontline Policing", [mps], "November 2022"),
            "no_deadline": make("Director of Strategy", [mps, mopac], "TBC"),
            "awaiting": make("Director of Strategy", [mps], "August 2022"),
            "slipped": make("Chief Executive", [other_org], "September 2022"),
            "closed": make("Chief Executive", [other_org], "Completed"),
            "other_overdue": make("Victims Lead", [other_org], "July 2022", theme=theme),
        }
    with time_machine.travel(datetime.datetime(2022, 9, 1, 12, tzinfo=datetime.UTC)):
        actions["awaiting"].propose_completion(by=officer, note="Done")
        actions["slipped"].revise_timing(by=officer, timing="January 2023", reason="New data")
    letter = LetterFactory(date=datetime.date(2022, 10, 14), recipient_organisation=mps)
    questions = {
        "overdue": QuestionFactory(letter=letter, put_to=mps, response_timing="by 14 November"),
        "due_soon": QuestionFactory(letter=letter, put_to=mps, response_timing="by 30 November"),
        "other_no_deadline": QuestionFactory(letter=letter, put_to=other_org, response_timing=""),
    }
    return {"board": board, "meeting": meeting, "actions": actions, "questions": questions}


def summary_for(user):
    return stats.summary(
        Action.objects.for_user(user), PerformanceQuestion.objects.for_user(user), TODAY
    )


def values(row) -> list[int]:
    return [cell.value for cell in row.cells]


@time_machine.travel(NOW)
def test_totals_count_each_deadline_state_once(known, reviewer):
    summary = summary_for(reviewer)
    # overdue, due in 14 days, no deadline, awaiting acceptance, slipped
    assert values(summary.action_totals) == [2, 1, 1, 1, 1]
    # questions: overdue, due in 14 days, no deadline
    assert values(summary.question_totals) == [1, 1, 1]


@time_machine.travel(NOW)
def test_breakdowns_by_lead_owner_board_and_theme(known, reviewer, mps, mopac, other_org):
    tables = {table.param: table for table in summary_for(reviewer).action_breakdowns}
    by_lead = {row.label: values(row) for row in tables["lead_is"].rows}
    assert by_lead == {
        "AC Frontline Policing": [1, 1, 0, 0, 0],
        "Victims Lead": [1, 0, 0, 0, 0],
        "Director of Strategy": [0, 0, 1, 1, 0],
        "Chief Executive": [0, 0, 0, 0, 1],
    }
    assert [row.label for row in tables["lead_is"].rows][:2] == [
        "AC Frontline Policing",
        "Victims Lead",
    ]  # most overdue first, then by name
    by_owner = {row.label: values(row) for row in tables["owner"].rows}
    assert by_owner == {"MPS": [1, 1, 1, 1, 0], "MOPAC": [0, 0, 1, 0, 0], "VC": [1, 0, 0, 0, 1]}
    assert [(row.label, values(row)) for row in tables["board"].rows] == [
        ("Performance and Risk Oversight Board", [2, 1, 1, 1, 1])
    ]
    by_theme = {row.label: values(row) for row in tables["theme"].rows}
    assert by_theme == {"Neighbourhood crime": [2, 0, 0, 0, 0], "": [0, 1, 1, 1, 1]}


@time_machine.travel(NOW)
def test_the_lead_table_holds_people_and_posts_not_organisations(known, reviewer, mps, mopac):
    meeting = known["meeting"]
    ActionFactory(meeting=meeting, lead="MPS", owners=[mps], timing="August 2022")
    ActionFactory(
        meeting=meeting,
        lead="MPS and mayor's office for policing and crime",
        owners=[mopac],
        timing="TBC",
    )
    tables = {table.param: table for table in summary_for(reviewer).action_breakdowns}
    labels = {row.label for row in tables["lead_is"].rows}
    assert labels == {
        "AC Frontline Policing",
        "Victims Lead",
        "Director of Strategy",
        "Chief Executive",
    }
    # Still counted: in the totals and under their owner organisation.
    assert values(summary_for(reviewer).action_totals)[0] == 3
    assert {row.label: values(row)[0] for row in tables["owner"].rows}["MPS"] == 2


@time_machine.travel(NOW)
def test_the_counted_actions_hold_every_action_that_a_condition_counts(known, reviewer):
    """The tables read only `ACTIONS_COUNTED` (what their partial index holds)."""
    actions = Action.objects.all()
    statuses = set(actions.values_list("status", flat=True))
    assert statuses == {"open", "closed", "completion_proposed"}
    for name, condition in stats.action_conditions(TODAY).items():
        assert actions.filter(condition).exists(), name
        assert not actions.filter(condition).exclude(stats.ACTIONS_COUNTED).exists(), name


@time_machine.travel(NOW)
def test_every_count_links_to_a_list_of_exactly_those_actions(known, reviewer):
    summary = summary_for(reviewer)
    linked = 0
    for row in [summary.action_totals, *(r for t in summary.action_breakdowns for r in t.rows)]:
        for cell in row.cells:
            if cell.value == 0 or row.label == "":
                assert cell.url is None
                continue
            path, query = cell.url.split("?")
            assert path == "/actions/"
            listed = ActionFilter(QueryDict(query), queryset=Action.objects.for_user(reviewer)).qs
            assert listed.count() == cell.value, cell.url
            linked += 1
    assert linked == 24


@time_machine.travel(NOW)
def test_links_carry_the_group_and_the_measure(known, reviewer, mps):
    tables = {table.param: table for table in summary_for(reviewer).action_breakdowns}
    mps_row = next(row for row in tables["owner"].rows if row.label == "MPS")
    assert parse_qs(urlsplit(mps_row.cells[0].url).query) == {
        "owner": [str(mps.pk)],
        "overdue": ["1"],
    }
    assert parse_qs(urlsplit(mps_row.cells[1].url).query) == {
        "owner": [str(mps.pk)],
        "due_within": ["14"],
    }


@time_machine.travel(NOW)
def test_question_counts_link_to_the_question_list(known, reviewer, mps):
    summary = summary_for(reviewer)
    mps_row = next(row for row in summary.question_breakdown.rows if row.label == "MPS")
    assert values(mps_row) == [1, 1, 0]
    assert mps_row.cells[0].url == f"/questions/?put_to={mps.pk}&overdue=true"
    assert mps_row.cells[1].url is None  # the question list has no due-soon filter


@time_machine.travel(NOW)
def test_dashboard_page_shows_counts_links_and_oldest_overdue(client, known, reviewer, mps):
    client.force_login(reviewer)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/actions/?owner={mps.pk}&amp;overdue=1">1</a>' in html
    assert 'href="/actions/?overdue=1"><span class="app-counts__number">2</span>' in html
    oldest = [row.pk for row in response.context["oldest_actions"]]
    assert oldest == [known["actions"]["other_overdue"].pk, known["actions"]["overdue"].pk]
    assert [q.pk for q in response.context["oldest_questions"]] == [
        known["questions"]["overdue"].pk
    ]
    assert f'href="/dashboard/boards/{known["board"].pk}/"' in html


@time_machine.travel(NOW)
def test_charts_are_svg_images_with_a_text_and_table_alternative(client, known, reviewer):
    client.force_login(reviewer)
    html = client.get("/dashboard/").content.decode()
    svgs = re.findall(r"<svg [^>]*>", html)
    assert len(svgs) == 3
    for svg in svgs:
        assert 'role="img"' in svg
        assert re.search(r'aria-label="[^"]{40,}"', svg)
    assert html.count("<figcaption") == 3
    assert html.count("Show the data as a table") == 3
    assert " style=" not in html  # a Content-Security-Policy refuses inline styles
    assert "<script>" not in html


@time_machine.travel(NOW)
def test_lead_sees_only_their_organisations_figures(client, known, lead):
    summary = summary_for(lead)
    assert values(summary.action_totals) == [1, 1, 1, 1, 0]
    assert values(summary.question_totals) == [1, 1, 0]
    by_owner = next(table for table in summary.action_breakdowns if table.param == "owner")
    # Only their own organisation's row, though MOPAC co-owns one of these actions.
    assert {row.label: values(row) for row in by_owner.rows} == {"MPS": [1, 1, 1, 1, 0]}
    client.force_login(lead)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    assert b"only the actions and questions of Metropolitan Police Service" in response.content
    assert "boards" not in response.context  # no board pages for leads
    assert client.get(f"/dashboard/boards/{known['board'].pk}/").status_code == 403


@time_machine.travel(NOW)
def test_the_page_shows_the_figures_a_fresh_count_gives(client, known, reviewer, lead, officer):
    """The page reads today's figures from the action tally; they equal the actions counted."""
    known["actions"]["overdue"].revise_timing(by=officer, timing="TBC", reason="Waiting")
    known["actions"]["due_soon"].save_edit(by=officer, expected_version=1)
    for user in (reviewer, lead):
        client.force_login(user)
        shown = client.get("/dashboard/").context["summary"]
        shown_rows = {table.param: table.rows for table in shown.action_breakdowns}
        counted = summary_for(user)
        assert shown.action_totals == counted.action_totals
        assert shown.open_actions == counted.open_actions
        for table in counted.action_breakdowns:
            assert [(r.label, values(r)) for r in shown_rows[table.param]] == [
                (r.label, values(r)) for r in table.rows
            ]


@time_machine.travel(NOW)
def test_the_tallied_counts_take_three_queries(known, reviewer, lead, django_assert_num_queries):
    questions = PerformanceQuestion.objects.for_user(reviewer)
    with django_assert_num_queries(3):  # the tally's groups, the organisations, the questions
        tallied = stats.tallied_summary(reviewer, questions, TODAY)
    assert tallied == summary_for(reviewer)
    _more_actions(
        20, known["actions"]["overdue"].owners.get(), known["actions"]["slipped"].owners.get()
    )
    with django_assert_num_queries(3):
        stats.tallied_summary(lead, PerformanceQuestion.objects.for_user(lead), TODAY)


def test_dashboard_needs_sign_in(client):
    assert client.get("/dashboard/").status_code == 302


def _more_actions(count, mps, other_org):
    for i in range(count):
        board = BoardFactory(name=f"Board {i % 3}")
        meeting = MeetingFactory(
            board=board, date=datetime.date(2022, 1, 1) + datetime.timedelta(i)
        )
        theme = ThemeFactory(name=f"Theme {i % 4}", slug=f"theme-{i % 4}")
        ActionFactory(meeting=meeting, owners=[mps if i % 2 else other_org], theme=theme)


@time_machine.travel(NOW, tick=False)
def test_dashboard_queries_do_not_grow_with_rows(client, known, reviewer, mps, other_org):
    client.force_login(reviewer)
    client.get("/dashboard/")  # the idle-session middleware's first write
    with CaptureQueriesContext(connection) as before:
        client.get("/dashboard/")
    _more_actions(20, mps, other_org)
    # The new rows start the history earlier: the first look records those month ends.
    client.get("/dashboard/")
    with CaptureQueriesContext(connection) as after:
        assert client.get("/dashboard/").status_code == 200
    assert len(after) == len(before)
    # 10 of the dashboard's own (see the next test), the session, the user, the boards with
    # their next meeting, and the header's count of unread notices.
    assert len(after) <= 14


@time_machine.travel(NOW)
def test_counts_take_a_fixed_number_of_queries(
    known, reviewer, mps, other_org, django_assert_max_num_queries
):
    _more_actions(20, mps, other_org)
    actions = Action.objects.for_user(reviewer)
    now = trends.MonthEnd(TODAY, 0, 0)
    month_ends.open_and_overdue(actions, None, TODAY, now)  # records the finished months
    with django_assert_max_num_queries(10):
        summary_for(reviewer)  # 3: the counts, the questions' counts, organisations' names
        stats.oldest_overdue_actions(actions, TODAY)  # 2: the rows, and their owners
        stats.oldest_overdue_questions(PerformanceQuestion.objects.for_user(reviewer), TODAY)
        stats.letters_awaiting_reply(letters_for(reviewer), TODAY)
        periods.months(periods.WHOLE_HISTORY, actions, TODAY)
        month_ends.open_and_overdue(actions, None, TODAY, now)
        trends.time_to_closure(actions, TODAY)


# -- trends ---------------------------------------------------------------------------------------


def test_month_ends_are_the_last_days_of_the_last_twelve_months():
    ends = trends.month_ends(datetime.date(2022, 11, 20))
    assert ends[0] == datetime.date(2021, 12, 31)
    assert ends[2] == datetime.date(2022, 2, 28)
    assert ends[-1] == datetime.date(2022, 11, 20)
    assert len(ends) == 12


def history_points(user) -> dict:
    points = trends.from_history(Action.objects.for_user(user), trends.month_ends(TODAY))
    return {p.day: p for p in points}


def test_open_and_overdue_follow_the_history(known, reviewer):
    points = history_points(reviewer)
    # Agreed 24 June 2022, so nothing before then.
    assert (
        points[datetime.date(2022, 5, 31)].open,
        points[datetime.date(2022, 5, 31)].overdue,
    ) == (
        0,
        0,
    )
    june = points[datetime.date(2022, 6, 30)]
    assert (june.open, june.overdue) == (6, 0)  # all but the one recorded as completed
    # 31 August: "August 2022" is not yet overdue on its last day; "July 2022" is.
    august = points[datetime.date(2022, 8, 31)]
    assert (august.open, august.overdue) == (6, 1)
    # 30 September: the August ones are overdue, except the one proposed as complete on 1
    # September; the September one slipped to January on 1 September.
    september = points[datetime.date(2022, 9, 30)]
    assert (september.open, september.overdue) == (6, 2)
    now = points[TODAY]
    assert (now.open, now.overdue) == (6, 2)
    # The page counts today's point live from the actions: the same figures.
    summary = summary_for(reviewer)
    assert (summary.open_actions, summary.action_totals.first) == (6, 2)


def test_actions_entered_after_their_meeting_count_from_the_agreement_date(reviewer, mps):
    meeting = MeetingFactory(date=datetime.date(2022, 3, 10))
    with time_machine.travel(datetime.datetime(2022, 10, 5, 12, tzinfo=datetime.UTC)):
        ActionFactory(meeting=meeting, owners=[mps], timing="April 2022")
    points = history_points(reviewer)
    assert points[datetime.date(2022, 2, 28)].open == 0
    assert points[datetime.date(2022, 3, 31)].open == 1
    assert points[datetime.date(2022, 5, 31)].overdue == 1


def test_time_to_closure_buckets_count_actions_closed_in_the_last_year(officer, lead, mps):
    meeting = MeetingFactory(date=datetime.date(2022, 1, 10))
    closures = [
        datetime.datetime(2022, 2, 1, 12, tzinfo=datetime.UTC),  # 22 days
        datetime.datetime(2022, 3, 1, 12, tzinfo=datetime.UTC),  # 50 days
        datetime.datetime(2022, 9, 1, 12, tzinfo=datetime.UTC),  # 234 days
    ]
    for closed_at in closures:
        action = ActionFactory(meeting=meeting, owners=[mps])
        with time_machine.travel(closed_at):
            action.propose_completion(by=lead, note="Done")
            action.accept_completion(by=officer)
    old = ActionFactory(meeting=meeting, owners=[mps])
    Action.objects.filter(pk=old.pk).update(
        status=Action.Status.CLOSED,
        closed_at=timezone.make_aware(datetime.datetime(2021, 6, 1)),
    )
    buckets = trends.time_to_closure(Action.objects.for_user(officer), TODAY)
    assert [(b.label, b.count) for b in buckets] == [
        ("Within a month", 1),
        ("1 to 3 months", 1),
        ("3 to 6 months", 0),
        ("6 to 12 months", 1),
        ("Over a year", 0),
    ]


def test_time_to_closure_counts_whole_days_to_the_local_closing_day(mps):
    action = ActionFactory(meeting=MeetingFactory(date=datetime.date(2022, 6, 1)), owners=[mps])
    # 23:30 UTC on 2 July is 00:30 on 3 July in London: 32 days, not 31.
    closed_at = datetime.datetime(2022, 7, 2, 23, 30, tzinfo=datetime.UTC)
    Action.objects.filter(pk=action.pk).update(closed_at=closed_at)
    taken = trends.DaysBetween(TruncDate("closed_at"), "source_date")
    assert Action.objects.values_list(taken, flat=True).get(pk=action.pk) == 32


# -- prepare for the next board ------------------------------------------------------------------


@time_machine.travel(NOW)
def test_board_page_lists_what_is_due_by_the_next_meeting(client, known, reviewer, mps):
    board = known["board"]
    MeetingFactory(board=board, date=datetime.date(2022, 12, 2), status="scheduled")
    MeetingFactory(board=board, date=datetime.date(2023, 1, 20), status="scheduled")
    client.force_login(reviewer)
    response = client.get(f"/dashboard/boards/{board.pk}/")
    assert response.status_code == 200
    assert response.context["next_meeting"].date == datetime.date(2022, 12, 2)
    due = {row.pk for row in response.context["due_actions"]}
    a = known["actions"]
    assert due == {a["overdue"].pk, a["due_soon"].pk, a["other_overdue"].pk}
    assert [row.pk for row in response.context["awaiting_actions"]] == [a["awaiting"].pk]
    html = response.content.decode()
    assert f'href="/documents/overdue/report.pdf?board={board.pk}"' in html
    assert "2 December 2022" in html


@time_machine.travel(NOW)
def test_board_page_without_a_scheduled_meeting_shows_what_is_overdue(client, known, reviewer):
    client.force_login(reviewer)
    response = client.get(f"/dashboard/boards/{known['board'].pk}/")
    assert response.context["next_meeting"] is None
    assert {row.pk for row in response.context["due_actions"]} == {
        known["actions"]["overdue"].pk,
        known["actions"]["other_overdue"].pk,
    }
    assert b"No meeting of this board is scheduled" in response.content


# -- in the browser, with the demo data ------------------------------------------------------------


@pytest.mark.browser
def test_reviewer_uses_the_dashboard_with_the_demo_data(browser, live_server):
    load_demo()
    login(browser, live_server, "reviewer", DEFAULT_PASSWORD)
    browser.get(live_server.url + "/dashboard/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Dashboard"
    assert len(browser.find_elements(By.CSS_SELECTOR, "figure svg[role=img]")) == 3
    screenshot(browser, "dashboard-01-reviewer")
    assert_accessible(browser)

    overdue = browser.find_element(By.CSS_SELECTOR, ".app-counts__link")
    count = int(overdue.find_element(By.CLASS_NAME, "app-counts__number").text)
    assert count > 0
    click_to_next_page(browser, overdue)
    assert "overdue=1" in browser.current_url
    assert len(browser.find_elements(By.CSS_SELECTOR, "tbody .app-tag--overdue")) == count

    browser.get(live_server.url + "/dashboard/")
    click_to_next_page(
        browser, browser.find_element(By.LINK_TEXT, "Performance and Risk Oversight Board")
    )
    assert browser.find_element(By.TAG_NAME, "h1").text == "Prepare for the next board"
    screenshot(browser, "dashboard-02-board")
    assert_accessible(browser)
