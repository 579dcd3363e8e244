"""Faults: a database connection dropped under a running server, imports failing half-way, two
people saving one action at once, a reminder sweep killed mid-send.

Reminder delivery faults proved elsewhere (not repeated here): SMTP failing, retried and never
doubled, a stale claim of a dead sweep, two sweeps at once, the broker down while saving
(tests/test_reminders_delivery.py), and a real Celery worker (tests/test_reminders_worker.py).

Tests that need PostgreSQL skip without it, and fail under CI=true (tests/services.py).
"""

import datetime
import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.owners import organisations_by_name
from accounts.posts import Directory
from actions.annex import create_actions, parse_annex
from actions.models import Action, StaleEdit
from reminders.models import Reminder
from reminders.sweep import run_sweep
from spreadsheets.importer import guess_mapping
from spreadsheets.services import import_actions

from .factories import ActionFactory, MeetingFactory, OrganisationFactory, UserFactory
from .services import database_url, project_env, require_postgres, running, wait_for
from .test_permission_matrix import record_count
from .test_processes import free_port

ROOT = Path(__file__).resolve().parent.parent
FAULTS = {"count": 0}


def fault_injected():
    FAULTS["count"] += 1
    record_count("faults_injected", FAULTS["count"])


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


class Boom(RuntimeError):
    """The injected failure."""


def fail_on_save(monkeypatch, model, nth: int):
    """Make the nth save() of `model` raise Boom."""
    original = model.save
    calls = {"n": 0}

    def save(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == nth:
            raise Boom(f"injected failure on save {nth}")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(model, "save", save)


# -- imports are all or nothing ----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("nth", [1, 3, 5])
def test_a_spreadsheet_import_failing_half_way_leaves_the_database_as_it_was(monkeypatch, nth):
    mps = OrganisationFactory(short_name="MPS")
    officer = UserFactory()
    meeting = MeetingFactory()
    existing = ActionFactory(meeting=meeting, number=1, owners=[mps], text="Before")
    header = ["No.", "Action", "Timing", "Lead", "Owner", "Status"]
    table = [(2, ["1", "After", "August 2022", "", "MPS", ""])] + [
        (n + 2, [str(n), f"Action {n}", "August 2022", "", "MPS", ""]) for n in range(2, 7)
    ]
    before = row_counts()
    fail_on_save(monkeypatch, Action, nth)
    with pytest.raises(Boom):
        import_actions(meeting, table, guess_mapping(header), by=officer, filename="annex.xlsx")
    fault_injected()
    assert row_counts() == before
    existing.refresh_from_db()
    assert (existing.text, existing.version) == ("Before", 1)


@pytest.mark.django_db
def test_a_pasted_annex_failing_half_way_saves_none_of_its_actions(monkeypatch):
    OrganisationFactory(short_name="MPS")
    officer = UserFactory()
    meeting = MeetingFactory()
    text = "\n".join(f"{n}\tAction {n}\tAugust 2022\tMPS" for n in range(1, 6))
    parsed = parse_annex(
        text, written_on=meeting.date, directory=Directory(organisations_by_name())
    )
    assert not any(row.errors for row in parsed.rows)
    before = row_counts()
    fail_on_save(monkeypatch, Action, 4)
    with pytest.raises(Boom):
        create_actions(meeting, parsed.rows, by=officer, reason="Pasted")
    fault_injected()
    assert row_counts() == before


# -- two people save one action at once --------------------------------------------------------


@pytest.mark.django_db
def test_the_second_of_two_edits_from_the_same_version_is_refused_with_a_message(client):
    mps = OrganisationFactory(short_name="MPS")
    first, second = UserFactory(username="first"), UserFactory(username="second")
    action = ActionFactory(owners=[mps], text="Original")
    url = reverse("actions:edit", args=[action.pk])
    history = action.history.count()
    form = {"lead": action.lead, "owners": [mps.pk], "version": action.version}
    client.force_login(first)
    assert client.post(url, {**form, "text": "First's text"}).status_code == 302
    client.force_login(second)
    response = client.post(url, {**form, "text": "Second's text"})
    assert response.status_code == 200
    assert "Your changes have not been saved" in response.content.decode()
    action.refresh_from_db()
    assert (action.text, action.version) == ("First's text", 2)
    assert action.history.count() == history + 1  # the first edit only


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_edits_of_one_action_exactly_one_wins():
    """Two threads (two database connections) save from the same version at the same moment."""
    require_postgres()
    mps = OrganisationFactory(short_name="MPS")
    users = [UserFactory(username="one"), UserFactory(username="two")]
    action = ActionFactory(owners=[mps], text="Original")
    history = action.history.count()
    start = threading.Barrier(2)
    outcomes = {}

    def edit(user):
        try:
            mine = Action.objects.get(pk=action.pk)
            mine.text = f"Text by {user.username}"
            start.wait(timeout=10)
            mine.save_edit(by=user, expected_version=1)
            outcomes[user.username] = "saved"
        except StaleEdit:
            outcomes[user.username] = "stale"
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=[user]) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    fault_injected()
    assert sorted(outcomes.values()) == ["saved", "stale"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    action.refresh_from_db()
    assert (action.text, action.version) == (f"Text by {winner}", 2)
    assert action.history.count() == history + 1


# -- the database drops the connection under a running server -----------------------------------


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def terminate_other_backends() -> int:
    """pg_terminate_backend on every other connection to this test database: what a PostgreSQL
    restart does to the server's connections, without stopping the shared server."""
    with psycopg.connect(database_url(), autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return len(rows)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_the_server_recovers_when_the_database_drops_its_connections(tmp_path):
    """gunicorn keeps connections open (DATABASE_CONN_MAX_AGE); after the database ends them,
    the next request still succeeds: CONN_HEALTH_CHECKS finds the dead connection first."""
    require_postgres()
    connection.close()  # this test's own connection must not hold locks the server waits on
    port = free_port()
    url = f"http://127.0.0.1:{port}/public/"
    env = project_env(
        DEBUG="true",
        DATABASE_URL=database_url(),
        DATABASE_CONN_MAX_AGE="600",
        ALLOWED_HOSTS="127.0.0.1",
    )
    env.pop("CI", None)
    log = tmp_path / "gunicorn.log"
    args = ["gunicorn", "oversight.wsgi", f"--bind=127.0.0.1:{port}", "--workers=1"]
    with running(args, env, log) as server:
        wait_for(
            lambda: status_of(url) == 200, timeout=60, what="gunicorn", process=server, log=log
        )
        for _ in range(3):
            assert terminate_other_backends() >= 1, "the server should hold a connection"
            fault_injected()
            statuses = [status_of(url) for _ in range(3)]
            assert statuses == [200, 200, 200], log.read_text()[-2000:]


# -- a reminder sweep killed mid-send ---------------------------------------------------------


class HangingBackend(BaseEmailBackend):
    """Says it started sending (a file appears), then hangs until the process is killed."""

    def send_messages(self, messages):
        Path(os.environ["HANGING_BACKEND_MARKER"]).write_text("sending")
        time.sleep(600)
        return 0


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_sweep_killed_mid_send_loses_nothing_and_doubles_nothing(tmp_path, time_machine):
    require_postgres()
    mps = OrganisationFactory(short_name="MPS")
    lead = UserFactory(username="lead", role="lead", organisation=mps, email="lead@example.org")
    today = timezone.localdate()
    for number in range(1, 4):
        ActionFactory(
            owners=[mps], number=number, lead_user=lead, timing=today.strftime("%-d %B %Y")
        )
    marker = tmp_path / "sending"
    env = project_env(
        DATABASE_URL=database_url(),
        EMAIL_BACKEND="tests.test_faults.HangingBackend",
        HANGING_BACKEND_MARKER=str(marker),
    )
    connection.close()
    log = tmp_path / "sweep.log"
    with log.open("wb") as output:
        sweep = subprocess.Popen(
            [sys.executable, "manage.py", "send_reminders"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(marker.exists, timeout=60, what="the sweep to start sending", process=sweep)
            sweep.kill()  # SIGKILL: no cleanup, as when a worker's machine dies
        finally:
            sweep.wait(30)
    fault_injected()
    claimed = Reminder.objects.filter(status=Reminder.Status.SENDING).count()
    assert claimed >= 1, log.read_text()
    # The next sweep leaves a fresh claim alone (its sweep might still be sending) ...
    mail.outbox.clear()
    run_sweep()
    assert Reminder.objects.filter(status=Reminder.Status.SENDING).count() == claimed
    # ... and sends it once the claim is stale; later sweeps send nothing again.
    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=11), tick=False)
    run_sweep()
    run_sweep()
    reminders = Reminder.objects.all()
    assert {r.status for r in reminders} == {Reminder.Status.SENT}
    # One email per reminder (the lead gets each as it is due): none lost, none doubled.
    assert len(mail.outbox) == len(reminders) == 3


# -- a stored file gone from the disk ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("fast_passwords", "private_media")
def test_a_stored_file_missing_from_the_disk_is_a_404_not_a_server_error(client):
    """Files live outside the database (PRIVATE_MEDIA_ROOT): after a restore without them, or a
    lost disk, their downloads say they are missing."""
    from .security_world import build_world

    world = build_world()
    client.force_login(world.users["officer"])
    world.evidence_a.file.delete(save=False)
    world.sent_letter_a.pdf.storage.delete(world.sent_letter_a.pdf.name)
    fault_injected()
    for url in [
        reverse("actions:evidence", args=[world.evidence_a.pk]),
        reverse("letters:pdf", args=[world.sent_letter_a.pk]),
        reverse("letters:pdf", args=[world.sent_letter_a.pk]),
    ]:
        assert client.get(url).status_code == 404, url
