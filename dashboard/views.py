"""The reviewers' dashboard, and "Prepare for the next board".

Everyone signed in may open the dashboard; it counts what they may see (`for_user`), so a lead
sees their own organisation's actions and questions. The board page needs `meetings.view_board`
(officers, reviewers and administrators).
"""

import datetime

import rules
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from actions import as_at as actions_as_at
from actions.models import Action
from actions.models.action import ActionQuerySet
from actions.rows import table_rows
from common import as_at
from letters.access import letters_for
from meetings.models import Board
from questions.as_at import as_they_stood
from questions.models import PerformanceQuestion, QuestionQuerySet

from . import charts, month_ends, periods, stats, trends

BARS = 10


def _month(day: datetime.date) -> str:
    return f"{day:%b %Y}"


def open_overdue_chart(points: list[trends.MonthEnd]) -> charts.LineChart:
    first, last = points[0], points[-1]
    summary = (
        f"Line chart of open and overdue actions at each month end from {first.day:%B %Y} to "
        f"{last.day:%B %Y}. At the end of {first.day:%B %Y}: {first.open} open, "
        f"{first.overdue} overdue. On {last.day:%-d %B %Y}: {last.open} open, "
        f"{last.overdue} overdue."
    )
    return charts.line_chart(
        "Open and overdue actions at each month end",
        [_month(p.day) for p in points],
        [("Open", [p.open for p in points]), ("Overdue", [p.overdue for p in points])],
        summary,
        "Month end",
    )


def overdue_by_lead_chart(by_lead: stats.Breakdown) -> charts.BarChart:
    items = [(row.label or "No lead recorded", row.first) for row in by_lead.rows if row.first]
    items = items[:BARS]
    if items:
        listed = "; ".join(f"{label}: {value}" for label, value in items)
        summary = f"Bar chart of overdue actions by lead, most overdue first. {listed}."
    else:
        summary = "Bar chart of overdue actions by lead: no action is overdue."
    return charts.bar_chart(
        f"Overdue actions by lead (the {BARS} with most)",
        items,
        summary,
        ["Lead", "Overdue actions"],
        colour=charts.RED,
    )


def closure_chart(buckets: list[trends.Bucket], since: datetime.date) -> charts.BarChart:
    total = sum(b.count for b in buckets)
    listed = "; ".join(f"{b.label}: {b.count}" for b in buckets)
    return charts.bar_chart(
        f"Time from agreement to closure, actions closed since {since:%-d %B %Y}",
        [(b.label, b.count) for b in buckets],
        f"Bar chart of the time from agreement to closure of the {total} actions closed since "
        f"{since:%-d %B %Y}. {listed}.",
        ["Time taken", "Actions closed"],
    )


def _trend(user, actions, today, summary: stats.Summary, count: int):
    """The month-end points for everyone, or for a lead's organisation; None for a user who
    sees no organisation's actions."""
    if user.sees_everything:
        organisation = None
    elif user.organisation_id:
        organisation = user.organisation
    else:
        return None
    now = trends.MonthEnd(today, summary.open_actions, summary.action_totals.first)
    return month_ends.open_and_overdue(actions, organisation, today, now, count)


@login_required
def dashboard(request):
    """Today's figures, or a past day's (`?as_at=`) rebuilt from the history."""
    as_at_form = as_at.as_at_form(request)
    day = as_at.day_of(as_at_form)
    today = day or timezone.localdate()
    actions = Action.objects.for_user(request.user)
    questions = PerformanceQuestion.objects.for_user(request.user)
    letters = letters_for(request.user)
    if day:  # the records in force that day, with today's visibility, counted from them
        counted, questions, letters = (
            actions_as_at.actions_on(actions, day),
            as_at.records_on(questions, day),
            as_at.records_on(letters, day),
        )
        summary = stats.summary(counted, questions, today, as_at=True)
    else:  # today's: the actions' counts kept as data (actions/tallies.py)
        counted = actions
        summary = stats.tallied_summary(request.user, questions, today)
    by = {table.param: table for table in summary.action_breakdowns}
    period_form = periods.PeriodForm(request.GET or None)
    period = period_form.chosen()
    month_count = periods.months(period, actions, today)
    since = periods.since(month_count, today)
    points = _trend(request.user, actions, today, summary, month_count)
    context = {
        "today": today,
        "as_at": day,
        "as_at_form": as_at_form,
        "summary": summary,
        "letters": stats.letters_awaiting_reply(letters, today),
        "oldest_actions": stats.oldest_overdue_actions(counted, today, as_at=bool(day)),
        "oldest_questions": stats.oldest_overdue_questions(questions, today),
        "period_form": period_form,
        "period": periods.label(period),
        "line_charts": [open_overdue_chart(points)] if points else [],
        "bar_charts": [
            overdue_by_lead_chart(by["lead_is"]),
            closure_chart(
                trends.time_to_closure(counted, today, since)
                if day
                else trends.tallied_time_to_closure(request.user, since),
                since,
            ),
        ],
        "limited": not request.user.sees_everything,
    }
    # The rule alone (accounts/rules.py), without the per-user permission tables: two queries
    # fewer for leads, who never see boards.
    if rules.has_perm("meetings.view_board", request.user):
        context["boards"] = list(stats.boards_with_next_meeting(today))
        for row in by["board"].rows:
            if row.key is not None:  # None: letters written outside any meeting
                row.url = as_at.with_day(reverse("dashboard:board", args=[row.key]), day)
    return render(request, "dashboard/dashboard.html", context)


@login_required
def board(request, pk):
    """Everything due or overdue by the board's next meeting, and what awaits acceptance; as
    at a past day (`?as_at=`), the next meeting after it and the records of that day."""
    if not request.user.has_perm("meetings.view_board"):
        raise PermissionDenied
    board = get_object_or_404(Board, pk=pk)
    as_at_form = as_at.as_at_form(request)
    day = as_at.day_of(as_at_form)
    today = day or timezone.localdate()
    next_meeting = board.meetings.upcoming(today).first()
    by_date = next_meeting.date if next_meeting else today
    actions = Action.objects.for_user(request.user).filter(Q(forum=board) | Q(source_board=board))
    questions = PerformanceQuestion.objects.for_user(request.user).filter(source_board=board)
    if day:
        actions, questions = (
            actions_as_at.actions_on(actions, day),
            as_at.records_on(questions, day),
        )
    pending = actions.filter(ActionQuerySet.pending_q())
    awaiting = actions.filter(ActionQuerySet.awaiting_acceptance_q())
    context = {
        "board": board,
        "today": today,
        "as_at": day,
        "as_at_form": as_at_form,
        "next_meeting": next_meeting,
        "by_date": by_date,
        # As the rows of action tables (actions/rows.py).
        "due_actions": table_rows(
            pending.filter(due_date__lte=by_date).order_by("due_date", "number", "id"), as_at=day
        ),
        "awaiting_actions": table_rows(awaiting.order_by("due_date", "id"), as_at=day),
        "due_questions": (as_they_stood if day else list)(
            questions.filter(QuestionQuerySet.pending_q())
            .filter(response_due__lte=by_date)
            .select_related("put_to", "letter", "meeting__board")
            .order_by("response_due", "id")
        ),
    }
    return render(request, "dashboard/board.html", context)
