"""What the reminder sweep costs grows with its chunks and send groups, not with each email.

Ten times the due actions costs a few statements more per chunk of CHUNK items or reminders and
two per group of SEND_GROUP emails (claim and outcome), never one per item, reminder or email;
an email several people receive is rendered once.
"""

import math
from collections import Counter

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import ReminderPreference, Role
from actions.models import Action, ActionOwner
from reminders import emails
from reminders.models import Reminder
from reminders.sweep import CHUNK, SEND_GROUP, run_sweep

from .factories import MeetingFactory, UserFactory
from .test_reminders import DAY, DUE, at

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture
def people(mps, lead):
    """The lead and an MPS contact get one email per reminder; a second contact, a daily digest."""
    UserFactory(username="contact", role=Role.LEAD, organisation=mps, is_organisation_contact=True)
    UserFactory(
        username="digest",
        role=Role.LEAD,
        organisation=mps,
        is_organisation_contact=True,
        reminder_preference=ReminderPreference.DAILY,
    )
    return mps, lead


def due_today(count: int, mps, lead) -> None:
    """`count` actions due on DUE, written in bulk (the sweep finds them without a schedule)."""
    meeting = MeetingFactory()
    actions = []
    for number in range(1, count + 1):
        action = Action(meeting=meeting, number=number, text=f"Action {number}", lead_user=lead)
        action.apply_timing("14 November 2022")
        actions.append(action)
    actions = Action.objects.bulk_create(actions)
    ActionOwner.objects.bulk_create(ActionOwner(action=a, organisation=mps) for a in actions)


def statements_of_a_sweep(count: int, people) -> tuple[list[str], int]:
    """The statements and the number of emails of a sweep over `count` due actions."""
    Reminder.objects.all().delete()
    Action.objects.all().delete()
    due_today(count, *people)
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries:
        result = run_sweep(today=DUE)
    assert result.sent == 3 * count  # the lead, the contact and the digest user, per action
    assert len(mail.outbox) == 2 * count + 1
    return [query["sql"] for query in queries], len(mail.outbox)


def test_the_sweep_costs_statements_per_chunk_and_send_group_not_per_email(people, time_machine):
    time_machine.move_to(at(DUE), tick=False)
    small, small_emails = statements_of_a_sweep(60, people)
    large, large_emails = statements_of_a_sweep(600, people)

    groups = math.ceil(large_emails / SEND_GROUP)
    claims_and_outcomes = [sql for sql in large if sql.startswith('UPDATE "reminders_reminder"')]
    assert len(claims_and_outcomes) <= 2 * groups + 1  # and one to release abandoned claims

    # A handful of statements for each CHUNK of items (read, lock, insert, reschedule) and of
    # reminders (what is already sent), two for each group of emails (claim, outcome). SQLite
    # splits a bulk INSERT by its limit on parameters (about 66 reminders a statement);
    # PostgreSQL takes a chunk in one.
    more_groups = groups - math.ceil(small_emails / SEND_GROUP)
    more_chunks = math.ceil(3 * 600 / CHUNK) - math.ceil(3 * 60 / CHUNK)
    more_inserts = len(inserts(large)) - len(inserts(small))
    assert len(large) - len(small) - more_inserts <= 2 * more_groups + 6 * more_chunks
    assert len(large) - len(small) < (600 - 60) / 5


def inserts(statements: list[str]) -> list[str]:
    return [sql for sql in statements if sql.startswith("INSERT")]


def test_an_email_several_people_receive_is_rendered_once(people, time_machine, monkeypatch):
    mps, lead = people
    for name in ("reviewer1", "reviewer2"):
        UserFactory(username=name, role=Role.REVIEWER)
    due_today(3, mps, lead)
    rendered = Counter()
    render = emails.render

    def counting_render(name, context):
        rendered[name] += 1
        return render(name, context)

    monkeypatch.setattr(emails, "render", counting_render)
    time_machine.move_to(at(DUE + DAY), tick=False)  # a Tuesday: the weekly digest goes too

    run_sweep()

    # The lead and the contact get the same 3 overdue reminders, the digest user one daily
    # digest, the two reviewers the same weekly digest.
    assert len(mail.outbox) == 6 + 1 + 2
    assert rendered == {"reminder": 3, "daily_digest": 1, "weekly_digest": 1}
    by_subject = Counter((m.subject, m.body, m.alternatives[0][0]) for m in mail.outbox)
    assert sorted(by_subject.values()) == [1, 2, 2, 2, 2]
