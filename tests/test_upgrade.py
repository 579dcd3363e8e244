"""An existing database upgrades with nothing lost.

`fixtures/demo-before-domain-core.sqlite3.gz` was made by main before the domain core (commit
e2307eb): `migrate`, `load_demo`, then a progress note with evidence, a completion proposed and
accepted, a timing revision, a question answered, a recommendation linked to an action and a
reminder sweep, so that every table the move touches has rows and history. Letters then lived in
`meetings`, questions, reports and recommendations in `actions`, the question timeline in an app
called `inquiries`.
"""

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "demo-before-domain-core.sqlite3.gz"

# What the ORM reads after the upgrade, per model, through each model's new home.
READ_BACK = """
import json
from django.contrib.contenttypes.models import ContentType
from letters.models import Letter
from questions.models import PerformanceQuestion, QuestionEvent
from recommendations.models import Recommendation, Report
from actions.models import Action, ActionUpdate, Evidence, TimingRevision
from reminders.models import Reminder
counts = {
    "meetings_letter": Letter.objects.count(),
    "meetings_historicalletter": Letter.history.count(),
    "actions_performancequestion": PerformanceQuestion.objects.count(),
    "actions_historicalperformancequestion": PerformanceQuestion.history.count(),
    "inquiries_questionevent": QuestionEvent.objects.count(),
    "actions_report": Report.objects.count(),
    "actions_recommendation": Recommendation.objects.count(),
    "actions_historicalrecommendation": Recommendation.history.count(),
    "actions_recommendation_actions": Recommendation.actions.through.objects.count(),
    "actions_action": Action.objects.count(),
    "actions_historicalaction": Action.history.count(),
    "actions_actionupdate": ActionUpdate.objects.count(),
    "actions_evidence": Evidence.objects.count(),
    "actions_timingrevision": TimingRevision.objects.count(),
    "reminders_reminder": Reminder.objects.filter(question__isnull=False).count(),
}
labels = sorted(
    f"{ct.app_label}.{ct.model}"
    for ct in ContentType.objects.filter(
        model__in=["letter", "performancequestion", "questionevent", "recommendation", "report"]
    )
)
answered = PerformanceQuestion.objects.filter(events__isnull=False).values_list(
    "response", flat=True
)
print(json.dumps({"counts": counts, "labels": labels, "answered": list(answered)}))
"""


def _manage(database: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DATABASE_"))}
    env.update(DATABASE_URL=f"sqlite:///{database}", DEBUG="true")
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def _rows(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def _schema(database: Path) -> dict[str, str]:
    """CREATE statements of the project's tables and indexes, by name (Django's own aside)."""
    with sqlite3.connect(database) as connection:
        return {
            name: sql
            for name, sql in connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                "AND tbl_name NOT LIKE 'django_%' AND tbl_name NOT LIKE 'sqlite_%'"
            )
        }


def _permissions_by_model(database: Path) -> dict[str, int]:
    """How many permissions each model has, as "app_label.model"."""
    with sqlite3.connect(database) as connection:
        return dict(
            connection.execute(
                "SELECT ct.app_label || '.' || ct.model, COUNT(*) FROM auth_permission p "
                "JOIN django_content_type ct ON ct.id = p.content_type_id GROUP BY 1"
            )
        )


# Models added since the fixture was made: each brings its four permissions (add, change,
# delete, view) when migrate runs, and nothing else in the tables the fixture already has.
NEW_MODELS = [
    "accounts.absence",  # cover while someone is away (deputies)
    "accounts.passwordresetrequest",
    "accounts.post",  # posts named as Leads (accounts/posts.py)
    "actions.actiontally",  # the dashboard's counts kept as data; its migration fills it
    "actions.moretimerequest",
    "letters.sendingbody",  # its migration also writes the sending bodies, in its own new table
    "notices.notice",
    "spreadsheets.pendingimport",
]


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("upgrade")
    database = folder / "before.sqlite3"
    with gzip.open(FIXTURE) as packed, database.open("wb") as out:
        shutil.copyfileobj(packed, out)
    before = _rows(database)
    _manage(database, "migrate", "--noinput")
    fresh = folder / "fresh.sqlite3"
    _manage(fresh, "migrate", "--noinput")
    return {
        "before": before,
        "after": _rows(database),
        "permissions": _permissions_by_model(database),
        "orm": json.loads(_manage(database, "shell", "-c", READ_BACK).strip().splitlines()[-1]),
        "schema": _schema(database),
        "fresh_schema": _schema(fresh),
    }


def test_every_table_keeps_every_row(upgraded):
    before, after = upgraded["before"], upgraded["after"]
    project_tables = [t for t in before if not t.startswith("django_")]
    assert len(project_tables) > 30
    # The models added since bring their four permissions each, and no permission is lost.
    assert {model: upgraded["permissions"].get(model) for model in NEW_MODELS} == dict.fromkeys(
        NEW_MODELS, 4
    )
    assert after["auth_permission"] - before["auth_permission"] == 4 * len(NEW_MODELS)
    kept = [t for t in project_tables if t != "auth_permission"]
    assert {t: after.get(t) for t in kept} == {t: before[t] for t in kept}


def test_the_moved_records_and_their_history_are_read_from_their_new_apps(upgraded):
    before, counts = upgraded["before"], upgraded["orm"]["counts"]
    assert counts["reminders_reminder"] > 0
    del counts["reminders_reminder"]  # counted with a filter: all the fixture's are questions'
    assert counts == {table: before[table] for table in counts}
    assert min(counts.values()) > 0, "every moved table must have rows to prove anything"
    assert upgraded["orm"]["answered"] == ["Our answer"]


def test_content_types_follow_the_moved_models(upgraded):
    assert upgraded["orm"]["labels"] == [
        "letters.letter",
        "questions.performancequestion",
        "questions.questionevent",
        "recommendations.recommendation",
        "recommendations.report",
    ]


def test_the_upgraded_schema_is_the_schema_of_a_new_database(upgraded):
    assert upgraded["schema"] == upgraded["fresh_schema"]
