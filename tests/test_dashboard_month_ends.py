"""The dashboard's open and overdue actions at month ends: a finished month is recorded once as a
fact, for everyone and for each organisation (what its leads see); a missing month is filled by
the page from the history; the current month is counted live; beat records the month just
finished early on the 1st."""

import datetime
import random

import pytest
import time_machine
from celery.schedules import crontab
from django.utils import timezone

from accounts.models import Organisation
from actions import services
from actions.models import Action
from actions.models.action import ActionQuerySet
from actions.workflow import LIVE_STATUSES, Transition, allowed_transitions
from dashboard import month_ends, trends
from dashboard.models import MonthEndCount
from dashboard.tasks import record_month_end

from .factories import ActionFactory, MeetingFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2022, 11, 20)
NOW = datetime.datetime(2022, 11, 20, 12, tzinfo=datetime.UTC)
AUGUST = datetime.date(2022, 8, 31)
SEPTEMBER = datetime.date(2022, 9, 30)
LAST_12_MONTHS = {"period": "12"}
TIMINGS = ["March 2022", "30 April 2022", "by 15 May 2022", "June 2022", "TBC", "1 March 2022"]


@pytest.fixture
def actions(mps, other_org):
    """Two actions of a June 2022 meeting: MPS's due in August, the other's in July."""
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    with time_machine.travel(datetime.datetime(2022, 6, 25, 12, tzinfo=datetime.UTC)):
        return {
            "mps": ActionFactory(meeting=meeting, owners=[mps], timing="August 2022"),
            "other": ActionFactory(meeting=meeting, owners=[other_org], timing="July 2022"),
        }


def chart_rows(response) -> dict[str, tuple[int, int]]:
    """The line chart's table: month label -> (open, overdue)."""
    chart = response.context["line_charts"][0]
    return {label: (open_, overdue) for label, open_, overdue in chart.rows}


def points(actions, organisation=None) -> dict[datetime.date, trends.MonthEnd]:
    now = trends.MonthEnd(TODAY, 0, 0)
    return {p.day: p for p in month_ends.open_and_overdue(actions, organisation, TODAY, now)}


@time_machine.travel(NOW, tick=False)
def test_the_page_records_each_finished_month_once(client, actions, reviewer):
    client.force_login(reviewer)
    response = client.get("/dashboard/", LAST_12_MONTHS)
    records = MonthEndCount.objects.filter(organisation=None)
    assert records.count() == 11  # the last 12 month ends but this month's, counted live
    assert not records.filter(day__gte=datetime.date(2022, 11, 1)).exists()
    assert (records.get(day=AUGUST).open, records.get(day=AUGUST).overdue) == (2, 1)
    assert chart_rows(response)["Aug 2022"] == (2, 1)
    assert chart_rows(response)["Nov 2022"] == (2, 2)  # today, live

    # A recorded month is a fact: an action entered now with an older meeting date changes the
    # history's figures for August, not the recorded ones.
    ActionFactory(meeting=MeetingFactory(date=datetime.date(2022, 5, 3)), timing="June 2022")
    assert trends.from_history(Action.objects.all(), [AUGUST])[0].open == 3
    response = client.get("/dashboard/", LAST_12_MONTHS)
    assert records.count() == 11
    assert chart_rows(response)["Aug 2022"] == (2, 1)
    assert chart_rows(response)["Nov 2022"] == (3, 3)


@time_machine.travel(NOW, tick=False)
def test_a_lead_sees_their_organisations_figures(client, actions, lead, mps):
    client.force_login(lead)
    response = client.get("/dashboard/", LAST_12_MONTHS)
    records = MonthEndCount.objects.filter(organisation=mps)
    assert records.count() == 11
    assert (records.get(day=SEPTEMBER).open, records.get(day=SEPTEMBER).overdue) == (1, 1)
    assert not MonthEndCount.objects.filter(organisation=None).exists()
    assert chart_rows(response)["Aug 2022"] == (1, 0)
    assert chart_rows(response)["Sep 2022"] == (1, 1)
    assert chart_rows(response)["Nov 2022"] == (1, 1)


def test_a_missing_month_is_filled_from_the_history_alone(actions, mps, django_assert_num_queries):
    everything = Action.objects.all()
    points(everything)
    MonthEndCount.objects.filter(day=SEPTEMBER).delete()
    MonthEndCount.objects.filter(day=AUGUST).update(open=99)  # read, never recomputed
    with django_assert_num_queries(3):  # the records, the history for September, the insert
        filled = points(everything)
    assert filled[SEPTEMBER] == trends.MonthEnd(SEPTEMBER, 2, 2)
    assert filled[AUGUST].open == 99
    assert MonthEndCount.objects.filter(organisation=None).count() == 11
    with django_assert_num_queries(1):
        assert points(everything) == filled


def test_beat_records_the_month_just_finished_early_on_the_first(settings, actions, mps):
    entry = settings.CELERY_BEAT_SCHEDULE["dashboard-month-end"]
    assert entry["task"] == record_month_end.name == "dashboard.tasks.record_month_end"
    assert entry["schedule"] == crontab(hour=1, minute=30, day_of_month=1)
    with time_machine.travel(datetime.datetime(2022, 10, 1, 0, 30, tzinfo=datetime.UTC)):
        record_month_end.delay()
        record_month_end.delay()  # a second run records nothing more
    recorded = {
        (record.organisation_id, record.day): (record.open, record.overdue)
        for record in MonthEndCount.objects.all()
    }
    assert set(recorded) == {
        (None, SEPTEMBER),
        *((pk, SEPTEMBER) for pk in Organisation.objects.values_list("pk", flat=True)),
    }
    assert recorded[None, SEPTEMBER] == (2, 2)
    assert recorded[mps.pk, SEPTEMBER] == (1, 1)


@time_machine.travel(NOW, tick=False)
def test_the_page_takes_at_most_fourteen_queries(
    client, actions, reviewer, lead, django_assert_max_num_queries
):
    for user in (reviewer, lead):
        client.force_login(user)
        client.get("/dashboard/")  # records the finished months; the session's first write
        # 13 for the page (docs/dashboard.md) and 1 for the header's count of unread notices.
        with django_assert_max_num_queries(14):
            assert client.get("/dashboard/").status_code == 200


@time_machine.travel(NOW, tick=False)
def test_the_trends_cover_the_whole_history_unless_a_period_is_chosen(client, actions, reviewer):
    client.force_login(reviewer)
    whole = client.get("/dashboard/")
    # From the month of the first meeting (June 2022) to today's.
    assert list(chart_rows(whole)) == [
        *("Jun 2022", "Jul 2022", "Aug 2022", "Sep 2022", "Oct 2022", "Nov 2022")
    ]
    assert "Trends over the whole history." in whole.content.decode()
    twelve = client.get("/dashboard/", LAST_12_MONTHS)
    assert len(chart_rows(twelve)) == 12 and next(iter(chart_rows(twelve))) == "Dec 2021"
    assert "Trends over the last 12 months." in twelve.content.decode()
    assert len(chart_rows(client.get("/dashboard/", {"period": "24"}))) == 24
    # A period that is not offered falls back to the whole history.
    assert len(chart_rows(client.get("/dashboard/", {"period": "999"}))) == 6


def _in_force_by_hand(day: datetime.date) -> tuple[int, int]:
    """Open and overdue at the end of `day`, worked out record by record (trends' definitions:
    an action's latest record made by then; its first from its agreement date, when earlier)."""
    live, pending = set(LIVE_STATUSES), set(ActionQuerySet.pending_statuses)
    open_ = overdue = 0
    for action in Action.objects.all():
        records = sorted(action.history.all(), key=lambda r: (r.history_date, r.history_id))
        starts = [timezone.localdate(record.history_date) for record in records]
        if records[0].history_type == "+":
            starts[0] = min(starts[0], action.source_date)
        in_force = [record for record, start in zip(records, starts, strict=True) if start <= day]
        if not in_force or in_force[-1].history_type == "-":
            continue
        record = in_force[-1]
        if record.status in live:
            open_ += 1
        if record.status in pending and record.due_date and record.due_date < day:
            overdue += 1
    return open_, overdue


@pytest.mark.parametrize("seed", range(4))
def test_the_month_end_figures_equal_a_reading_of_every_record(seed, officer, lead, mps):
    """Random lives (entered late, started, proposed, accepted or rejected, deadlines moved,
    dropped), then every figure from the history's spans equals one worked out by hand, on
    month ends and on other days, due dates on their last day included."""
    rng = random.Random(seed)
    meeting = MeetingFactory(date=datetime.date(2022, 1, 10))
    for number in range(1, 9):
        moment = datetime.datetime(2022, 1, 10, 12, tzinfo=datetime.UTC)
        moment += datetime.timedelta(days=rng.randrange(0, 60))
        with time_machine.travel(moment, tick=False):
            action = ActionFactory(
                meeting=meeting, number=number, owners=[mps], timing=rng.choice(TIMINGS)
            )
        for _ in range(rng.randrange(0, 5)):
            moment += datetime.timedelta(days=rng.randrange(1, 50), hours=rng.randrange(0, 6))
            with time_machine.travel(moment, tick=False):
                action.refresh_from_db()
                steps = [t for t in allowed_transitions(action.status) if t != Transition.SUPERSEDE]
                step = rng.choice([*steps, "revise"])
                if step == "revise":
                    if action.status in ActionQuerySet.pending_statuses:
                        timing = rng.choice(TIMINGS)
                        services.revise_timing(action, by=officer, timing=timing, reason="Moved")
                else:
                    who = lead if step in (Transition.START, Transition.PROPOSE) else officer
                    services.change_status(action, step, by=who, note="Because")
    days = [datetime.date(2022, 1, 9), *trends.month_ends(datetime.date(2023, 1, 31), 14)]
    days += [datetime.date(2022, 3, 15), datetime.date(2022, 4, 30), datetime.date(2022, 5, 1)]
    days.sort()
    points = trends.from_history(Action.objects.all(), days)
    assert [(p.open, p.overdue) for p in points] == [_in_force_by_hand(day) for day in days]
