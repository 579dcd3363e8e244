"""Reminders: what is sent, to whom and when (actions/reminder_schedule.py, reminders/sweep.py).

Time is frozen at 07:00 London on the day of each sweep; items are created in frozen time too,
since saving schedules the sweep's next look at them from today.
"""

import datetime
import zoneinfo

import pytest
from django.core import mail

from accounts.models import ReminderPreference, Role
from actions import reminder_schedule as schedule
from actions.models import Action
from questions.models import PerformanceQuestion
from reminders.models import Reminder
from reminders.sweep import run_sweep

from .factories import ActionFactory, BoardFactory, MeetingFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("fast_passwords")

LONDON = zoneinfo.ZoneInfo("Europe/London")
DUE = datetime.date(2022, 11, 14)  # a Monday
DAY = datetime.timedelta(days=1)


def at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(7, 0), tzinfo=LONDON)


@pytest.fixture
def clock(time_machine):
    """Move the frozen clock to 07:00 on a day: clock(date)."""

    def move(day: datetime.date):
        time_machine.move_to(at(day), tick=False)

    move(DUE - 30 * DAY)
    return move


@pytest.fixture
def contact(mps):
    return UserFactory(
        username="contact", role=Role.LEAD, organisation=mps, is_organisation_contact=True
    )


@pytest.fixture
def action(clock, lead, contact, mps):
    return ActionFactory(owners=[mps], lead_user=lead, timing="14 November 2022")


def sweep(clock, day, **options):
    clock(day)
    mail.outbox.clear()
    return run_sweep(**options)


def recipients_of(messages):
    return sorted(address for message in messages for address in message.to)


# -- the schedule, as pure date rules ----------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "last_update_offset", "expected"),
    [
        (-8, None, []),
        (-7, None, [("due_soon", 0)]),
        (-1, None, [("due_soon", 0)]),
        (0, None, [("due_today", 0)]),
        (1, None, [("overdue", 1)]),
        (7, None, [("overdue", 1)]),
        (8, None, [("overdue", 8)]),
        # The first overdue reminder is sent whatever happened before the due date.
        (1, -2, [("overdue", 1)]),
        # A repeat is skipped when someone updated the item since the previous reminder ...
        (8, 3, []),
        (8, 1, []),
        # ... and resumes once a whole week has passed without an update.
        (15, 3, [("overdue", 15)]),
        (29, None, [("overdue", 29), ("escalation", 0)]),
        (35, None, [("overdue", 29), ("escalation", 0)]),
        (36, None, [("overdue", 36)]),
    ],
)
def test_schedule_says_which_reminders_are_due_on_a_day(offset, last_update_offset, expected):
    last_update = DUE + last_update_offset * DAY if last_update_offset is not None else None
    found = schedule.reminders_due(DUE, DUE + offset * DAY, last_update)
    assert [(due.kind, (due.period - DUE).days) for due in found] == expected


@pytest.mark.parametrize(
    ("offset", "next_on_save", "next_after_sweep"),
    [(-30, -7, -7), (-3, -7, 0), (0, 0, 1), (1, 1, 8), (5, 1, 8), (29, 29, 36), (30, 29, 36)],
)
def test_schedule_gives_the_next_day_to_look(offset, next_on_save, next_after_sweep):
    today = DUE + offset * DAY
    assert (schedule.next_reminder_on(True, DUE, today) - DUE).days == next_on_save
    assert (schedule.following_reminder_on(True, DUE, today) - DUE).days == next_after_sweep
    assert schedule.next_reminder_on(False, DUE, today) is None
    assert schedule.next_reminder_on(True, None, today) is None


def test_saving_an_action_schedules_its_next_reminder(action, clock, officer):
    assert action.next_reminder_on == DUE - 7 * DAY
    clock(DUE + 3 * DAY)
    action.post_update(by=officer, note="Draft with the commissioner.")
    action.refresh_from_db()
    assert action.next_reminder_on == DUE + DAY
    action.drop(by=officer, reason="Overtaken by the new strategy.")
    action.refresh_from_db()
    assert action.next_reminder_on is None


# -- each kind of reminder ---------------------------------------------------------------------


def test_due_soon_notice_goes_to_the_lead_and_owner_contacts_seven_days_before(
    action, clock, mps, other_org
):
    UserFactory(role=Role.LEAD, organisation=mps)  # not a contact
    UserFactory(role=Role.LEAD, organisation=mps, is_organisation_contact=True, is_active=False)
    UserFactory(role=Role.LEAD, organisation=other_org, is_organisation_contact=True)

    assert sweep(clock, DUE - 8 * DAY).sent == 0
    result = sweep(clock, DUE - 7 * DAY)

    assert result.sent == 2
    assert recipients_of(mail.outbox) == ["contact@example.org", "lead@example.org"]
    message = mail.outbox[0]
    assert message.subject.startswith("Due 14 November 2022: Action ")
    assert "is due in 7 days, on 14 November 2022" in message.body
    assert f"http://127.0.0.1:8000/actions/{action.pk}/" in message.body


def test_due_today_notice_is_sent_on_the_due_date(action, clock):
    sweep(clock, DUE - 7 * DAY)
    result = sweep(clock, DUE)
    assert result.sent == 2
    assert all(message.subject.startswith("Due today: ") for message in mail.outbox)
    assert set(Reminder.objects.filter(kind="due_today").values_list("period", flat=True)) == {DUE}


def test_overdue_reminder_is_sent_the_day_after_and_repeats_every_seven_days(action, clock):
    assert sweep(clock, DUE + DAY).sent == 2
    assert mail.outbox[0].subject.startswith("Overdue by 1 day: ")
    for offset in range(2, 8):
        assert sweep(clock, DUE + offset * DAY).sent == 0
    assert sweep(clock, DUE + 8 * DAY).sent == 2
    assert mail.outbox[0].subject.startswith("Overdue by 8 days: ")
    periods = Reminder.objects.filter(kind="overdue", recipient__username="lead")
    assert sorted(periods.values_list("period", flat=True)) == [DUE + DAY, DUE + 8 * DAY]


def test_a_sweep_that_missed_days_catches_up(action, clock):
    result = sweep(clock, DUE + 3 * DAY)
    assert result.sent == 2
    assert Reminder.objects.filter(kind="overdue", period=DUE + DAY).count() == 2


def test_an_update_after_the_reminder_stops_the_repeat_until_a_week_passes_without_one(
    action, clock, lead
):
    sweep(clock, DUE + DAY)
    clock(DUE + 3 * DAY)
    action.post_update(by=lead, note="Waiting for the data from the force.")

    assert sweep(clock, DUE + 8 * DAY).sent == 0
    assert sweep(clock, DUE + 15 * DAY).sent == 2


def test_closing_an_action_stops_its_reminders(action, clock, lead, officer):
    sweep(clock, DUE + DAY)
    clock(DUE + 2 * DAY)
    action.propose_completion(by=lead, note="Briefing note sent.")
    assert sweep(clock, DUE + 8 * DAY).sent == 0
    action.accept_completion(by=officer)
    assert sweep(clock, DUE + 15 * DAY).sent == 0
    assert Action.objects.get(pk=action.pk).next_reminder_on is None


def test_re_timing_an_action_moves_its_reminders_to_the_new_date(action, clock, officer):
    sweep(clock, DUE + DAY)
    clock(DUE + 2 * DAY)
    action.revise_timing(by=officer, timing="31 January 2023", reason="Agreed at the board.")
    new_due = datetime.date(2023, 1, 31)

    assert sweep(clock, DUE + 8 * DAY).sent == 0
    result = sweep(clock, new_due - 7 * DAY)
    assert result.sent == 2
    assert mail.outbox[0].subject.startswith("Due 31 January 2023: ")


def test_question_awaiting_a_response_reminds_the_contacts_of_the_organisation_put_to(
    clock, contact, lead
):
    question = QuestionFactory(put_to=contact.organisation, response_timing="by 14 November")
    assert sweep(clock, DUE).sent == 1
    assert recipients_of(mail.outbox) == ["contact@example.org"]
    assert f"http://127.0.0.1:8000{question.get_absolute_url()}" in mail.outbox[0].body
    assert mail.outbox[0].subject.startswith("Due today: Question ")

    PerformanceQuestion.objects.filter(pk=question.pk).update(status="answered")
    question.refresh_from_db()
    question.save()
    assert sweep(clock, DUE + DAY).sent == 0


def test_an_item_overdue_by_more_than_28_days_is_escalated_to_reviewers_once(
    action, clock, reviewer
):
    UserFactory(role=Role.REVIEWER, is_active=False)
    sweep(clock, DUE + 22 * DAY)
    result = sweep(clock, DUE + 29 * DAY)

    escalations = [m for m in mail.outbox if m.subject.startswith("Escalated: ")]
    assert recipients_of(escalations) == ["reviewer@example.org"]
    assert "is 29 days overdue, so it is escalated to reviewers" in escalations[0].body
    overdue = [m for m in mail.outbox if m.subject.startswith("Overdue by 29 days: ")]
    assert recipients_of(overdue) == ["contact@example.org", "lead@example.org"]
    # and, as it is a Tuesday, the week's digest that Monday's run would have sent
    assert result.sent == 2 + 1 + 1
    sweep(clock, DUE + 30 * DAY)
    assert not [m for m in mail.outbox if m.subject.startswith("Escalated: ")]
    assert Reminder.objects.filter(kind="escalation").count() == 1


# -- digests -----------------------------------------------------------------------------------


@pytest.fixture
def overdue_mix(clock, mps, other_org, lead, officer):
    """Three overdue actions of two leads at two boards, and one question, on 5 December 2022."""
    clock(datetime.date(2022, 10, 1))
    prob = MeetingFactory(board=BoardFactory(name="Performance and Risk Oversight Board"))
    vawg = MeetingFactory(board=BoardFactory(name="VAWG Board"))
    first = ActionFactory(meeting=prob, owners=[mps], lead_user=lead, timing="1 November 2022")
    second = ActionFactory(meeting=prob, owners=[mps], lead_user=lead, timing="28 October 2022")
    third = ActionFactory(meeting=vawg, owners=[other_org], lead="VC", timing="20 November 2022")
    clock(datetime.date(2022, 11, 21))
    second.post_update(by=lead, note="Waiting for the data.")
    QuestionFactory(put_to=mps, response_timing="by 14 November")
    ActionFactory(meeting=vawg, owners=[mps], timing="30 December 2022")  # not overdue
    return first, second, third


def test_weekly_digest_lists_everything_overdue_by_lead_and_board(overdue_mix, clock, reviewer):
    monday = datetime.date(2022, 12, 5)
    result = sweep(clock, monday, weekly_digest=True)

    digests = [m for m in mail.outbox if m.subject.startswith("Weekly digest")]
    assert recipients_of(digests) == ["reviewer@example.org"]
    digest = digests[0]
    assert digest.subject == "Weekly digest, week of 5 December 2022: 4 overdue, 2 escalated"
    body = digest.body
    first, second, third = overdue_mix
    lead_heading = body.index("Alex Person")  # the lead user's name
    assert body.index("MPS / Correspondence") < body.index("VC / VAWG Board")
    assert lead_heading < body.index("VC / VAWG Board")
    prob_lines = body[lead_heading : body.index("MPS / Correspondence")]
    assert "Performance and Risk Oversight Board" in prob_lines
    # most overdue first, with days overdue and the last update
    position = prob_lines.index
    assert position(f"Action {second.number},") < position(f"Action {first.number},")
    assert "38 days overdue (ESCALATED); last update 21 November 2022" in prob_lines
    assert "34 days overdue (ESCALATED); last update none" in prob_lines
    assert "15 days overdue; last update none" in body
    assert "Question " in body[body.index("MPS / Correspondence") :]
    assert f"http://127.0.0.1:8000/actions/{third.pk}/" in body
    html = digest.alternatives[0][0]
    assert "<table>" in html and "Days overdue" in html
    assert Reminder.objects.get(kind="digest").period == monday
    assert result.sent >= 1


def test_the_monday_daily_sweep_leaves_the_digest_to_its_own_run_and_tuesday_catches_up(
    overdue_mix, clock, reviewer
):
    monday = datetime.date(2022, 12, 5)
    sweep(clock, monday)
    assert not Reminder.objects.filter(kind="digest").exists()
    sweep(clock, monday + DAY)
    assert Reminder.objects.get(kind="digest", status="sent").period == monday
    sweep(clock, monday + 2 * DAY, weekly_digest=True)
    assert not [m for m in mail.outbox if m.subject.startswith("Weekly digest")]


def test_a_user_who_chose_the_daily_digest_gets_one_email_for_all_their_reminders(
    clock, lead, contact, mps
):
    contact.reminder_preference = ReminderPreference.DAILY
    contact.save()
    ActionFactory(owners=[mps], lead_user=lead, timing="14 November 2022")
    ActionFactory(owners=[mps], lead_user=lead, timing="21 November 2022")
    ActionFactory(owners=[mps], lead_user=lead, timing="7 November 2022")

    result = sweep(clock, DUE)

    assert result.sent == 6
    assert recipients_of(mail.outbox) == ["contact@example.org"] + ["lead@example.org"] * 3
    digest = next(m for m in mail.outbox if m.to == ["contact@example.org"])
    assert digest.subject == "Your reminders for 14 November 2022: 3 items"
    for headline in ("Due today", "Due 21 November 2022", "Overdue by 7 days"):
        assert headline in digest.body
    assert Reminder.objects.filter(recipient=contact, status="sent").count() == 3
    assert sweep(clock, DUE).sent == 0


# -- once only, and the record ----------------------------------------------------------------


def test_a_repeated_sweep_sends_nothing_new_and_a_second_look_finds_it_already_sent(
    action, clock, officer
):
    first = sweep(clock, DUE)
    again = sweep(clock, DUE)
    assert (first.sent, first.already_sent) == (2, 0)
    assert (again.sent, again.failed, again.already_sent) == (0, 0, 0)  # nothing scheduled

    action.text = "MPS to provide the briefing note on stop and search."
    action.save_edit(by=officer, expected_version=action.version)  # saving reschedules it
    third = sweep(clock, DUE)
    assert (third.sent, third.failed, third.already_sent) == (0, 0, 2)
    assert mail.outbox == []
    assert all(line.startswith("already sent") for line in third.lines)
    assert Reminder.objects.count() == 2


def test_items_written_without_save_are_found_by_the_sweep(action, clock):
    Action.objects.filter(pk=action.pk).update(next_reminder_on=None)
    assert sweep(clock, DUE).sent == 2
    assert Action.objects.get(pk=action.pk).next_reminder_on == DUE + DAY


def test_a_dry_run_lists_what_would_be_sent_and_claims_nothing(action, clock):
    result = sweep(clock, DUE, dry_run=True)
    assert result.sent == 2
    assert all(line.startswith("would send") for line in result.lines)
    assert mail.outbox == []
    assert not Reminder.objects.exists()
    assert Action.objects.get(pk=action.pk).next_reminder_on == DUE - 7 * DAY


def test_emails_escape_user_text_in_html_and_link_to_the_item(clock, lead, mps):
    action = ActionFactory(
        owners=[mps], lead_user=lead, timing="14 November 2022", text="Review <script>x</script>"
    )
    sweep(clock, DUE)
    message = mail.outbox[0]
    html = message.alternatives[0][0]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert f'href="http://127.0.0.1:8000/actions/{action.pk}/"' in html
    assert "Review <script>x</script>" in message.body  # plain text is not HTML-escaped


def test_a_reminder_is_dropped_when_its_item_closes_before_a_retry(action, clock, officer):
    sweep(clock, DUE)
    Reminder.objects.update(status="failed", attempts=1)
    clock(DUE)
    action.drop(by=officer, reason="Merged into the new plan.")
    result = sweep(clock, DUE + DAY)
    assert result.sent == 0
    assert set(Reminder.objects.values_list("status", flat=True)) == {"cancelled"}


def test_saving_only_some_fields_still_reschedules(action, clock):
    clock(DUE + 2 * DAY)
    Action.objects.filter(pk=action.pk).update(status="completion_proposed")
    action.status = "in_progress"
    action.save(update_fields=["status"])
    assert Action.objects.get(pk=action.pk).next_reminder_on == DUE + DAY


def test_weekly_digest_chases_every_item_still_waiting_for_a_date(clock, mps, reviewer):
    clock(datetime.date(2022, 10, 1))
    meeting = MeetingFactory(board=BoardFactory(name="VAWG Board"))
    tbc = ActionFactory(meeting=meeting, owners=[mps], timing="TBC")
    unscheduled = ActionFactory(meeting=meeting, owners=[mps], timing="By next Board")
    unreadable = ActionFactory(meeting=meeting, owners=[mps], timing="soon")
    dated = ActionFactory(meeting=meeting, owners=[mps], timing="30 December 2022")
    QuestionFactory(put_to=mps, response_timing="TBC")
    sweep(clock, datetime.date(2022, 12, 5), weekly_digest=True)
    body = next(m for m in mail.outbox if m.subject.startswith("Weekly digest")).body
    waiting = body[body.index("Waiting for a date: 4 items") :]
    assert f'Action {tbc.number}, {meeting}: Date TBC ("TBC")' in waiting
    assert f"Action {unscheduled.number}, {meeting}: Due at the next meeting" in waiting
    assert f"Action {unreadable.number}, {meeting}: Timing unreadable" in waiting
    assert f"Action {dated.number}," not in waiting
    assert "Question " in waiting
