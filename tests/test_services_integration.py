"""A real Celery worker process, fed through Redis, writes to the PostgreSQL test database."""

import uuid

import pytest

from actions.models import Action
from actions.tasks import touch_action
from oversight.celery import app as celery_app

from .factories import ActionFactory
from .services import (
    database_url,
    project_env,
    require_postgres,
    require_redis,
    running_worker,
    wait_for,
)

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_a_celery_worker_on_redis_runs_a_task_that_writes_to_the_database(tmp_path, mps):
    require_postgres()
    broker = require_redis()
    action = ActionFactory(owners=[mps])
    Action.objects.filter(pk=action.pk).update(last_update_at=None)
    queue = f"test-worker-{uuid.uuid4().hex[:12]}"
    log = tmp_path / "worker.log"
    env = project_env(DATABASE_URL=database_url(), CELERY_BROKER_URL=broker)

    with running_worker(queue, env, log) as worker:
        celery_app.conf.task_always_eager = False  # the celery_eager fixture restores it
        with celery_app.connection_for_write(broker) as connection:
            touch_action.apply_async(args=[action.pk], queue=queue, connection=connection)

        wait_for(
            lambda: Action.objects.filter(pk=action.pk, last_update_at__isnull=False).exists(),
            timeout=30,
            what="the worker to set the action's last_update_at",
            process=worker,
            log=log,
        )

    assert "actions.tasks.touch_action" in log.read_text(errors="replace")
