"""A real Celery worker, fed by the beat schedule's entries through Redis, sends each reminder once.

Needs PostgreSQL (DATABASE_URL) and Redis (CELERY_BROKER_URL); skipped without them, except
under CI=true. The worker writes emails with Django's file backend into a temporary directory.
"""

import re
import uuid

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.models import Role
from oversight.celery import app as celery_app
from reminders.models import Reminder

from .factories import ActionFactory, UserFactory
from .services import (
    database_url,
    project_env,
    require_postgres,
    require_redis,
    running_worker,
    wait_for,
)

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("fast_passwords"),
]


def delivered(mail_dir) -> list[tuple[str, str]]:
    """(recipient, subject) of every message the file backend wrote."""
    messages = []
    for path in sorted(mail_dir.glob("*")):
        text = path.read_text(errors="replace")
        recipients = re.findall(r"^To: (.+)$", text, re.MULTILINE)
        subjects = re.findall(r"^Subject: (.+)$", text, re.MULTILINE)
        messages += list(zip(recipients, subjects, strict=True))
    return sorted(messages)


def test_a_worker_runs_the_scheduled_sweeps_and_delivers_each_reminder_once(
    tmp_path, mps, lead, reviewer
):
    require_postgres()
    broker = require_redis()
    UserFactory(username="contact", role=Role.LEAD, organisation=mps, is_organisation_contact=True)
    today = timezone.localdate()
    ActionFactory(owners=[mps], lead_user=lead, timing=f"{today:%-d %B %Y}")
    queue = f"test-reminders-{uuid.uuid4().hex[:12]}"
    mail_dir = tmp_path / "mail"
    log = tmp_path / "worker.log"
    env = project_env(
        DATABASE_URL=database_url(),
        CELERY_BROKER_URL=broker,
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_dir),
    )
    # What beat queues: the daily sweep, and on Mondays the sweep with the weekly digest.
    entries = [
        settings.CELERY_BEAT_SCHEDULE["reminders-daily-sweep"],
        settings.CELERY_BEAT_SCHEDULE["reminders-weekly-digest"],
    ]

    with running_worker(queue, env, log) as worker:
        celery_app.conf.task_always_eager = False  # the celery_eager fixture restores it
        for _ in range(2):  # each entry twice: the second round must send nothing
            for entry in entries:
                with celery_app.connection_for_write(broker) as connection:
                    task_id = celery_app.send_task(
                        entry["task"],
                        kwargs=entry.get("kwargs", {}),
                        queue=queue,
                        connection=connection,
                    ).id
                wait_for(
                    lambda task_id=task_id: f"[{task_id}] succeeded" in log.read_text(),
                    timeout=60,
                    what=f"the sweep task {task_id} to succeed",
                    process=worker,
                    log=log,
                )

    action_subject = "Due today: Action "
    messages = delivered(mail_dir)
    assert [to for to, _ in messages] == [
        "contact@example.org",
        "lead@example.org",
        "reviewer@example.org",
    ]
    assert all(subject.startswith(action_subject) for _, subject in messages[:2])
    assert messages[2][1].startswith("Weekly digest, week of ")
    assert Reminder.objects.filter(status="sent").count() == 3
    summaries = re.findall(r"succeeded in [\d.]+s: '(.+)'", log.read_text())
    assert len(summaries) == 4
    assert all(summary.startswith("sent 0, failed 0, ") for summary in summaries[2:])
