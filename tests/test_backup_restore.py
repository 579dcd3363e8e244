"""Backup and restore give back every record, with its history (docs/security-and-reliability.md).

Two procedures, each tested:
- PostgreSQL (production): `pg_dump --format=custom` and `pg_restore` into an empty database; every
  table has the same rows, compared table by table.
- Any database (and moving between them): `manage.py dumpdata` of every app, history included,
  keeping primary keys,
  then `flush` and `loaddata`; every model has the same number of rows, and sampled values
  (an action's text, version and due date, its history with author and reason, a letter's body,
  a password hash) come back unchanged.
Uploaded files (evidence, letter PDFs) are not in the database: they are copied with the
directory PRIVATE_MEDIA_ROOT, as the documentation says.
"""

import json
import shutil
import subprocess
import uuid

import psycopg
import pytest
from django.apps import apps
from django.core.management import call_command

from .security_world import build_world
from .services import database_url, require_postgres

pytestmark = [pytest.mark.usefixtures("fast_passwords", "private_media")]

# Rebuilt by `migrate` itself, or not worth keeping (sessions: everyone signs in again).
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


def counts() -> dict[str, int]:
    skipped = {"contenttypes.ContentType", "auth.Permission", "sessions.Session", "admin.LogEntry"}
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.label not in skipped
    }


def samples(world) -> dict:
    """Field values that must survive exactly, history included."""
    action = type(world.action_a).objects.get(pk=world.action_a.pk)
    history = [
        (h.history_type, h.history_user_id, h.history_change_reason, h.status, h.version)
        for h in action.history.order_by("history_id")
    ]
    return {
        "action": (action.text, action.version, action.due_date, action.status, action.timing),
        "owners": sorted(action.owners.values_list("short_name", flat=True)),
        "history": history,
        "letter": type(world.letter_a).objects.get(pk=world.letter_a.pk).body,
        "password": type(world.users["lead_a"]).objects.get(username="lead_a").password,
        "evidence": world.evidence_a.file.name,
    }


@pytest.mark.django_db(transaction=True)
def test_dumpdata_flush_loaddata_gives_back_every_record_and_its_history(tmp_path):
    world = build_world()
    world.action_a.revise_timing(
        by=world.users["officer"], timing="Q3 2023", reason="Moved to autumn"
    )
    before, sampled = counts(), samples(world)
    assert sum(before.values()) > 50
    assert before["actions.HistoricalAction"] >= 4
    dump = tmp_path / "backup.json"
    call_command(
        "dumpdata",
        exclude=EXCLUDED,
        natural_foreign=True,  # content types by name: `migrate` may number them differently
        indent=1,
        output=str(dump),
        verbosity=0,
    )
    json.loads(dump.read_text())  # a readable file
    call_command("flush", interactive=False, verbosity=0)
    assert counts()["actions.Action"] == 0
    call_command("loaddata", str(dump), verbosity=0)
    assert counts() == before
    assert samples(world) == sampled


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_pg_dump_and_pg_restore_give_back_every_row_of_every_table(tmp_path):
    require_postgres()
    if not shutil.which("pg_dump") or not shutil.which("pg_restore"):
        pytest.fail("pg_dump and pg_restore are needed (apt-get install postgresql-client)")
    world = build_world()
    world.action_a.revise_timing(by=world.users["officer"], timing="Q3 2023", reason="Later")
    source = database_url()
    dump = tmp_path / "tracker.dump"
    run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source])
    target_name = f"oat_restore_{uuid.uuid4().hex[:12]}"
    target = source.rsplit("/", 1)[0] + "/" + target_name
    with psycopg.connect(source, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{target_name}"')
    try:
        run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={target}", str(dump)])
        assert table_rows(target) == table_rows(source)
        assert sum(table_rows(target).values()) > 50
    finally:
        with psycopg.connect(source, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target_name}" WITH (FORCE)')


def run(args):
    result = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def table_rows(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables
        }
