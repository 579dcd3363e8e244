"""Reminders are delivered exactly once: failures, retries, dead sweeps, concurrency, broker down.

The concurrency test needs PostgreSQL (DATABASE_URL=postgres://...); it is skipped on SQLite,
whose writes are serialised anyway, except under CI=true, where it must run.
"""

import datetime
import smtplib
import threading
import time

import kombu.exceptions
import pytest
import redis
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from actions.models import Action
from oversight.celery import app as celery_app
from reminders import sweep as sweep_module
from reminders.models import MAX_ATTEMPTS, Reminder
from reminders.sweep import run_sweep
from reminders.tasks import run_reminder_sweep

from .factories import ActionFactory, UserFactory
from .services import require_postgres
from .test_reminders import DAY, DUE, at

pytestmark = pytest.mark.usefixtures("fast_passwords")

CLOSED_PORT_BROKER = "redis://127.0.0.1:1/0"


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class SlowBackend(LocmemBackend):
    """The test outbox, a little slow, so two sweeps overlap while sending."""

    def send_messages(self, messages):
        time.sleep(0.01)
        return super().send_messages(messages)


class FlakyBackend(LocmemBackend):
    """The test outbox, counting the connections opened, refusing the third message sent and
    failing to close after that."""

    opened = 0
    offered = 0

    def open(self):
        FlakyBackend.opened += 1
        return True

    def send_messages(self, messages):
        FlakyBackend.offered += 1
        if FlakyBackend.offered == 3:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)

    def close(self):
        if FlakyBackend.offered > 3:
            raise smtplib.SMTPException("QUIT refused")


@pytest.fixture
def due_today(time_machine, mps, lead):
    """An action due on DUE, with its lead and an MPS contact; the clock at 07:00 on DUE."""
    time_machine.move_to(at(DUE - 30 * DAY), tick=False)
    UserFactory(username="contact", role=Role.LEAD, organisation=mps, is_organisation_contact=True)
    action = ActionFactory(owners=[mps], lead_user=lead, timing="14 November 2022")
    time_machine.move_to(at(DUE), tick=False)
    return action


def statuses():
    return sorted(Reminder.objects.values_list("status", "attempts"))


# -- failed sends ------------------------------------------------------------------------------


def test_a_failed_send_is_recorded_and_retried_by_the_next_sweep_once(
    due_today, settings, time_machine
):
    settings.EMAIL_BACKEND = "tests.test_reminders_delivery.RefusingBackend"
    first = run_sweep()
    assert (first.sent, first.failed) == (0, 2)
    assert statuses() == [("failed", 1), ("failed", 1)]
    error = Reminder.objects.first().last_error
    assert error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert all("(attempt 1)" in line for line in first.lines)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_machine.move_to(at(DUE + DAY), tick=False)
    second = run_sweep()
    assert (second.sent, second.failed) == (4, 0)
    assert len(mail.outbox) == 2 + 2  # the two retried "due today" and two new "overdue"
    assert sorted(m.subject.split(":")[0] for m in mail.outbox) == [
        "Due today",
        "Due today",
        "Overdue by 1 day",
        "Overdue by 1 day",
    ]
    due_today_rows = Reminder.objects.filter(kind="due_today")
    assert sorted(due_today_rows.values_list("status", "attempts")) == [("sent", 2), ("sent", 2)]
    assert set(due_today_rows.values_list("last_error", flat=True)) == {""}

    third = run_sweep()
    assert (third.sent, third.failed) == (0, 0)
    assert len(mail.outbox) == 4


def test_a_reminder_that_keeps_failing_stops_after_the_last_attempt(due_today, settings):
    settings.EMAIL_BACKEND = "tests.test_reminders_delivery.RefusingBackend"
    for _ in range(MAX_ATTEMPTS + 2):
        run_sweep()
    assert statuses() == [("failed", MAX_ATTEMPTS), ("failed", MAX_ATTEMPTS)]


def test_a_group_of_emails_goes_over_one_connection_reopened_after_a_failure(
    due_today, mps, lead, settings, monkeypatch
):
    settings.EMAIL_BACKEND = "tests.test_reminders_delivery.FlakyBackend"
    monkeypatch.setattr(FlakyBackend, "opened", 0)
    monkeypatch.setattr(FlakyBackend, "offered", 0)
    for _ in range(29):
        ActionFactory(owners=[mps], lead_user=lead, timing="14 November 2022")

    result = run_sweep()  # 60 emails: a group of 50 and one of 10

    assert (result.sent, result.failed) == (59, 1)
    assert len(mail.outbox) == 59
    assert FlakyBackend.opened == 3  # one per group, and once more after the failure
    assert statuses() == [("failed", 1)] + [("sent", 1)] * 59
    failed = Reminder.objects.get(status="failed")
    assert failed.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"


def test_a_save_between_the_sweeps_read_and_its_claim_keeps_its_own_schedule(
    due_today, mps, lead, monkeypatch
):
    other = ActionFactory(owners=[mps], lead_user=lead, timing="14 November 2022")
    plan = sweep_module._plan
    saved = {}

    def plan_then_re_time(source, items, recipients, today):
        rows = plan(source, items, recipients, today)
        action = Action.objects.get(pk=due_today.pk)  # someone re-times it meanwhile
        action.apply_timing("24 November 2022")
        action.save()
        saved["next_reminder_on"] = action.next_reminder_on
        return rows

    monkeypatch.setattr(sweep_module, "_plan", plan_then_re_time)
    run_sweep()

    assert Action.objects.get(pk=due_today.pk).next_reminder_on == saved["next_reminder_on"]
    assert Action.objects.get(pk=other.pk).next_reminder_on == DUE + DAY  # moved on


# -- a sweep that died mid-send ----------------------------------------------------------------


def test_a_stale_claim_left_by_a_dead_sweep_is_retried_and_a_fresh_one_is_not(
    due_today, time_machine
):
    run_sweep()
    mail.outbox.clear()
    dead, busy = Reminder.objects.order_by("pk")
    now = timezone.now()
    Reminder.objects.filter(pk=dead.pk).update(
        status="sending", claimed_at=now - datetime.timedelta(minutes=11), sent_at=None
    )
    Reminder.objects.filter(pk=busy.pk).update(
        status="sending", claimed_at=now - datetime.timedelta(minutes=1), sent_at=None
    )

    result = run_sweep()

    assert result.sent == 1
    assert [m.to for m in mail.outbox] == [[dead.email]]
    assert Reminder.objects.get(pk=dead.pk).status == "sent"
    assert Reminder.objects.get(pk=dead.pk).attempts == 2
    assert Reminder.objects.get(pk=busy.pk).status == "sending"

    time_machine.move_to(at(DUE) + datetime.timedelta(minutes=10), tick=False)
    assert run_sweep().sent == 1
    assert Reminder.objects.get(pk=busy.pk).status == "sent"


# -- two sweeps at once ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_send_each_reminder_exactly_once(
    time_machine, mps, lead, settings, monkeypatch
):
    require_postgres()
    settings.EMAIL_BACKEND = "tests.test_reminders_delivery.SlowBackend"
    monkeypatch.setattr("reminders.sweep.SEND_GROUP", 4)  # the sweeps take turns claiming groups
    time_machine.move_to(at(DUE - 30 * DAY), tick=False)
    UserFactory(username="contact", role=Role.LEAD, organisation=mps, is_organisation_contact=True)
    actions = [
        ActionFactory(owners=[mps], lead_user=lead, timing="14 November 2022") for _ in range(25)
    ]
    time_machine.move_to(at(DUE), tick=False)

    start = threading.Barrier(2)
    results, errors = [], []

    def sweep():
        try:
            start.wait()
            results.append(run_sweep(today=DUE))
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert errors == []
    expected = 2 * len(actions)
    sent = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert len(sent) == expected
    assert len(set(sent)) == expected
    assert sum(result.sent for result in results) == expected
    assert sum(result.failed for result in results) == 0
    assert Reminder.objects.filter(status="sent").count() == expected
    assert set(Reminder.objects.values_list("attempts", flat=True)) == {1}


# -- the broker down ---------------------------------------------------------------------------


@pytest.fixture
def broker_down(settings, monkeypatch, celery_broker):
    """CELERY_BROKER_URL at a closed port, tasks no longer run in-process, and any attempt to
    reach the broker recorded (it would otherwise retry for minutes)."""
    settings.CELERY_BROKER_URL = CLOSED_PORT_BROKER
    settings.CELERY_TASK_ALWAYS_EAGER = False
    celery_broker(CLOSED_PORT_BROKER)
    celery_app.conf.task_always_eager = False  # the celery_eager fixture restores both
    attempts = []

    def refuse(connection, *args, **kwargs):
        attempts.append(connection.hostname)
        raise kombu.exceptions.OperationalError("the broker is down")

    monkeypatch.setattr(kombu.Connection, "_ensure_connection", refuse)
    return attempts


def test_with_the_broker_down_saving_an_action_succeeds_fast_and_the_next_sweep_catches_up(
    due_today, broker_down, client, lead, time_machine
):
    with pytest.raises(redis.ConnectionError):  # the broker really is unreachable
        redis.Redis.from_url(CLOSED_PORT_BROKER, socket_connect_timeout=1).ping()

    time_machine.move_to(at(DUE + DAY), tick=False)
    client.force_login(lead)
    response = client.post(
        reverse("actions:post_update", args=[due_today.pk]), {"note": "Draft circulated."}
    )
    assert response.status_code == 302
    due_today.revise_timing(by=lead, timing="21 November 2022", reason="Data arrives late.")
    # Nothing on the way tried to reach the broker, so nothing waited for it (a retry against
    # a dead broker takes minutes); timings are not asserted.
    assert broker_down == []

    action = Action.objects.get(pk=due_today.pk)
    assert action.last_update_at is not None
    assert action.next_reminder_on == datetime.date(2022, 11, 14)
    result = run_sweep()
    assert result.sent == 2
    assert all(m.subject.startswith("Due 21 November 2022: ") for m in mail.outbox)

    with pytest.raises(kombu.exceptions.OperationalError):  # the detector above does detect
        run_reminder_sweep.delay()
    assert broker_down == ["127.0.0.1"]


# -- the task and the command ------------------------------------------------------------------


def test_the_task_runs_the_sweep_and_returns_its_summary(due_today):
    assert run_reminder_sweep.delay().get() == "sent 2, failed 0, already sent 0"
    assert run_reminder_sweep.acks_late
    assert run_reminder_sweep.delay(weekly_digest=True).get() == "sent 0, failed 0, already sent 0"


def test_the_beat_schedule_runs_the_sweep_daily_and_the_digest_on_monday_mornings(settings):
    entries = settings.CELERY_BEAT_SCHEDULE
    daily, weekly = entries["reminders-daily-sweep"], entries["reminders-weekly-digest"]
    assert daily["task"] == weekly["task"] == run_reminder_sweep.name
    assert (daily["schedule"].hour, daily["schedule"].minute) == ({7}, {0})
    assert (weekly["schedule"].hour, weekly["schedule"].minute) == ({7}, {30})
    assert weekly["schedule"].day_of_week == {1}
    assert weekly["kwargs"] == {"weekly_digest": True}
    assert settings.CELERY_TIMEZONE == "Europe/London"
    assert not any("options" in entry for entry in (daily, weekly))  # no ETA or countdown


def test_the_command_prints_a_line_per_reminder_and_the_totals(due_today, capsys, time_machine):
    time_machine.move_to(at(DUE + 5 * DAY), tick=False)  # the command's --now wins
    call_command("send_reminders", "--now", "2022-11-14")
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert len(lines) == 3
    assert all(line.startswith("sent ") and "Due today" in line for line in lines[:2])
    assert lines[-1] == "sent 2, failed 0, already sent 0"
    assert "2 of 2 reminders handled" in err

    call_command("send_reminders", "--now", "2022-11-15", "--dry-run")
    out, _ = capsys.readouterr()
    assert "would send" in out
    assert out.strip().splitlines()[-2:] == [
        "Dry run: nothing was claimed or sent.",
        "sent 2, failed 0, already sent 0",
    ]
    assert Reminder.objects.count() == 2


def test_the_command_refuses_a_date_it_cannot_read(db):
    with pytest.raises(Exception, match="YYYY-MM-DD"):
        call_command("send_reminders", "--now", "14/11/2022")


def test_a_long_run_reports_its_progress_on_stderr(due_today, mps, lead, capsys):
    for _ in range(29):
        ActionFactory(owners=[mps], lead_user=lead, timing="14 November 2022")
    call_command("send_reminders", "--now", "2022-11-14")
    out, err = capsys.readouterr()
    assert err.splitlines() == ["50 of 60 reminders handled", "60 of 60 reminders handled"]
    assert out.strip().splitlines()[-1] == "sent 60, failed 0, already sent 0"
