"""The permission matrix: every named URL x every role x the methods it takes, with the outcome.

The URLs come from the URL configuration itself (`get_resolver()`), so a new view without a row
in MATRIX fails `test_every_named_url_is_in_the_matrix`. Skipped, with the reason: the Django
admin (`admin:*`, Django's own staff-only permission checks) and static files (not a URL name).

Each cell is one request by one role, in a transaction that is undone afterwards, so cells do not
depend on each other. A refused POST (sent to sign in, 401, 403, 404, 405) must leave every table
unchanged: the rows of every model (history tables included) and the version of each record are
compared before and after it.

Outcome codes, one per role in ROLES order (anonymous, officer, lead_a, lead_b, reviewer, admin):
L = redirect to the sign-in page, R = another redirect (302), or the HTTP status (200, 403 ...).
lead_a leads organisation A, which owns every record the URLs point at; lead_b leads B.
A POST is sent empty: an allowed user gets the form back with errors (200) or, where nothing
needs to be typed, the change (R).
"""

import fcntl
import json
from collections import defaultdict
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .security_world import ROLES, build_world, rolled_back

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords", "private_media")]

SKIPPED_NAMESPACES = {"admin"}
COUNTS_FILE = Path(__file__).resolve().parent.parent / "artifacts" / "security-counts.json"


def pk_of(record):
    return lambda w: {"pk": getattr(w, record).pk}


def reset_link(w):
    user = w.users["lead_a"]
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }


def feed_token(w):
    return {"token": w.users["lead_a"].calendar_token}


NONE = lambda w: {}  # noqa: E731

# name -> (kwargs from the world, {method: outcomes per role})
MATRIX = {
    # accounts
    "notices:list": (NONE, {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"}),
    # Only one's own notice can be marked read (tests/test_notices.py); here, none.
    "notices:mark_read": (
        lambda w: {"pk": 999999},
        {"GET": "L 405 405 405 405 405", "POST": "L 404 404 404 404 404"},
    ),
    "notices:mark_all_read": (NONE, {"GET": "L 405 405 405 405 405", "POST": "L R R R R R"}),
    "notices:email_log": (NONE, {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"}),
    "away": (NONE, {"GET": "L 403 200 200 403 403", "POST": "L 403 200 200 403 403"}),
    # Only the lead's own period away can be cancelled (tests/test_delegation.py); here, none.
    "cancel_absence": (
        lambda w: {"pk": 999999},
        {"GET": "L 405 405 405 405 405", "POST": "L 404 404 404 404 404"},
    ),
    "account": (NONE, {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"}),
    "favicon": (NONE, {"GET": "R R R R R R", "POST": "405 405 405 405 405 405"}),
    "home": (NONE, {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"}),
    "login": (NONE, {"GET": "200 200 200 200 200 200", "POST": "200 200 200 200 200 200"}),
    "logout": (NONE, {"GET": "405 405 405 405 405 405", "POST": "R R R R R R"}),
    "password_change": (NONE, {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"}),
    "password_change_done": (
        NONE,
        {"GET": "L 200 200 200 200 200", "POST": "L 405 405 405 405 405"},
    ),
    "revoke_tokens": (NONE, {"GET": "L 405 405 405 405 405", "POST": "L R R R R R"}),
    "password_reset": (NONE, {"GET": "200 200 200 200 200 200", "POST": "200 200 200 200 200 200"}),
    "password_reset_complete": (
        NONE,
        {"GET": "200 200 200 200 200 200", "POST": "405 405 405 405 405 405"},
    ),
    "password_reset_confirm": (reset_link, {"GET": "R R R R R R", "POST": "R R R R R R"}),
    "posts": (NONE, {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"}),
    "post_add": (NONE, {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"}),
    "post_edit": (
        pk_of("post_a"),
        {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"},
    ),
    "password_reset_done": (
        NONE,
        {"GET": "200 200 200 200 200 200", "POST": "405 405 405 405 405 405"},
    ),
    # actions
    "actions:accept": (
        pk_of("action_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "actions:detail": (
        pk_of("action_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    "actions:drop": (
        pk_of("action_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "actions:ask_more_time": (
        pk_of("action_a"),
        {"GET": "L 403 200 404 403 200", "POST": "L 403 200 404 403 200"},
    ),
    "actions:decide_more_time": (
        lambda w: {"pk": w.more_time_a.pk, "decision": "decline"},
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "actions:bulk": (NONE, {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"}),
    "actions:more_time_pending": (
        NONE,
        {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"},
    ),
    "actions:pass_on": (
        pk_of("action_a"),
        {"GET": "L 200 200 404 403 200", "POST": "L 200 200 404 403 200"},
    ),
    "actions:edit": (
        pk_of("action_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "actions:evidence": (
        pk_of("evidence_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    "actions:export_csv": (NONE, {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"}),
    "actions:list": (NONE, {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"}),
    "actions:mine": (NONE, {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"}),
    "actions:post_update": (
        pk_of("action_a"),
        {"GET": "L 200 200 404 403 200", "POST": "L 200 200 404 403 200"},
    ),
    "actions:propose": (
        pk_of("action_a"),
        {"GET": "L 200 200 404 403 200", "POST": "L 200 200 404 403 200"},
    ),
    "actions:reject": (
        pk_of("action_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "actions:reopen": (
        pk_of("action_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "actions:revise_timing": (
        pk_of("action_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "search:search": (NONE, {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"}),
    "actions:supersede": (
        pk_of("action_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    # api
    "api:action-detail": (
        pk_of("action_a"),
        {
            "GET": "401 200 200 404 200 200",
            "POST": "401 405 405 405 405 405",
            "PATCH": "401 405 405 405 405 405",
            "DELETE": "401 405 405 405 405 405",
        },
    ),
    "api:action-list": (
        NONE,
        {"GET": "401 200 200 200 200 200", "POST": "401 400 403 403 403 400"},
    ),
    "api:action-propose-completion": (
        pk_of("action_a"),
        {"GET": "401 405 405 405 405 405", "POST": "401 400 400 404 403 400"},
    ),
    "api:action-updates": (
        pk_of("action_a"),
        {"GET": "401 200 200 404 200 200", "POST": "401 400 400 404 403 400"},
    ),
    "api:api-root": (NONE, {"GET": "401 200 200 200 200 200", "POST": "401 405 405 405 405 405"}),
    "api:board-detail": (
        pk_of("board"),
        {
            "GET": "401 200 403 403 200 200",
            "POST": "401 405 405 405 405 405",
            "PATCH": "401 405 405 405 405 405",
            "DELETE": "401 405 405 405 405 405",
        },
    ),
    "api:board-list": (NONE, {"GET": "401 200 403 403 200 200", "POST": "401 405 405 405 405 405"}),
    "api:docs": (NONE, {"GET": "200 200 200 200 200 200", "POST": "405 405 405 405 405 405"}),
    "api:letter-detail": (
        pk_of("letter_a"),
        {
            "GET": "401 200 200 404 200 200",
            "POST": "401 405 405 405 405 405",
            "PATCH": "401 405 405 405 405 405",
            "DELETE": "401 405 405 405 405 405",
        },
    ),
    "api:letter-list": (
        NONE,
        {"GET": "401 200 200 200 200 200", "POST": "401 405 405 405 405 405"},
    ),
    "api:meeting-detail": (
        pk_of("meeting_a"),
        {
            "GET": "401 200 200 404 200 200",
            "POST": "401 405 405 405 405 405",
            "PATCH": "401 405 405 405 405 405",
            "DELETE": "401 405 405 405 405 405",
        },
    ),
    "api:meeting-list": (
        NONE,
        {"GET": "401 200 200 200 200 200", "POST": "401 405 405 405 405 405"},
    ),
    "api:question-detail": (
        pk_of("question_a"),
        {
            "GET": "401 200 200 404 200 200",
            "POST": "401 405 405 405 405 405",
            "PATCH": "401 405 405 405 405 405",
            "DELETE": "401 405 405 405 405 405",
        },
    ),
    "api:question-list": (
        NONE,
        {"GET": "401 200 200 200 200 200", "POST": "401 405 405 405 405 405"},
    ),
    "api:recommendation-detail": (
        pk_of("recommendation_a"),
        {
            "GET": "401 200 200 404 200 200",
            "POST": "401 405 405 405 405 405",
            "PATCH": "401 405 405 405 405 405",
            "DELETE": "401 405 405 405 405 405",
        },
    ),
    "api:recommendation-list": (
        NONE,
        {"GET": "401 200 200 200 200 200", "POST": "401 405 405 405 405 405"},
    ),
    "api:revoke_token": (NONE, {"GET": "L 405 405 405 405 405", "POST": "L R R R R R"}),
    "api:schema": (NONE, {"GET": "200 200 200 200 200 200", "POST": "405 405 405 405 405 405"}),
    "api:tokens": (NONE, {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"}),
    # letters
    "letters:create": (
        NONE,
        {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"},
    ),
    "letters:detail": (
        pk_of("letter_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    "letters:edit": (
        pk_of("letter_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "letters:set_status": (
        pk_of("letter_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "letters:list": (
        NONE,
        {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"},
    ),
    "letters:undo_sent": (
        pk_of("letter_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "letters:pdf": (
        pk_of("sent_letter_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    # dashboard
    "dashboard:board": (
        pk_of("board"),
        {"GET": "L 200 403 403 200 200", "POST": "L 200 403 403 200 200"},
    ),
    "dashboard:index": (NONE, {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"}),
    # documents
    "documents:letter_annex": (
        pk_of("letter_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    "documents:letter_docx": (
        pk_of("letter_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    "documents:letter_draft_pdf": (
        pk_of("letter_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    "documents:letter_compose": (
        lambda w: {"meeting_pk": w.meeting_a.pk},
        {"GET": "L R 403 404 403 R", "POST": "L R 403 404 403 R"},
    ),
    "documents:letter_edit": (
        pk_of("letter_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "documents:letter_preview": (
        pk_of("letter_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "documents:letter_send": (
        pk_of("letter_a"),
        {"GET": "L 405 405 405 405 405", "POST": "L R 403 404 403 R"},
    ),
    "documents:meeting_annex": (
        pk_of("meeting_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    "documents:meeting_record": (
        pk_of("meeting_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    "documents:board_pack": (
        pk_of("meeting_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    "documents:overdue_report": (
        NONE,
        {"GET": "L 200 403 403 200 200", "POST": "L 200 403 403 200 200"},
    ),
    "documents:overdue_report_pdf": (
        NONE,
        {"GET": "L 200 403 403 200 200", "POST": "L 200 403 403 200 200"},
    ),
    # spreadsheets
    "spreadsheets:export": (
        lambda w: {"kind": "actions", "fmt": "csv"},
        {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"},
    ),
    "spreadsheets:import": (
        NONE,
        {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"},
    ),
    "spreadsheets:import_review": (
        pk_of("pending_import"),
        # Only the officer who uploaded it sees it; another importer is sent to upload again.
        {"GET": "L 200 403 403 403 R", "POST": "L 200 403 403 403 R"},
    ),
    # questions
    "questions:accept": (
        pk_of("question_a"),
        {"GET": "L 405 405 405 405 405", "POST": "L 400 403 403 403 400"},
    ),
    "questions:answer": (
        pk_of("question_a"),
        {"GET": "L 405 405 405 405 405", "POST": "L 400 400 404 403 400"},
    ),
    "questions:ask_again": (
        pk_of("question_a"),
        {"GET": "L 405 405 405 405 405", "POST": "L 400 403 403 403 400"},
    ),
    "questions:create": (NONE, {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"}),
    "questions:detail": (
        pk_of("question_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    "questions:edit": (
        pk_of("question_a"),
        {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"},
    ),
    "questions:list": (NONE, {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"}),
    "questions:withdraw": (
        pk_of("question_a"),
        {"GET": "L 405 405 405 405 405", "POST": "L 400 403 403 403 400"},
    ),
    # meetings
    "actions:add_to_meeting": (
        pk_of("meeting_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "actions:annex_paste": (
        pk_of("meeting_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "reading:letter": (
        pk_of("letter_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "reading:meeting": (
        pk_of("meeting_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "meetings:board_detail": (
        pk_of("board"),
        {"GET": "L 200 403 403 200 200", "POST": "L 200 403 403 200 200"},
    ),
    "meetings:board_list": (
        NONE,
        {"GET": "L 200 403 403 200 200", "POST": "L 200 403 403 200 200"},
    ),
    "meetings:meeting_create": (
        NONE,
        {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"},
    ),
    "meetings:meeting_detail": (
        pk_of("meeting_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    "meetings:meeting_edit": (
        pk_of("meeting_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    "meetings:meeting_list": (
        NONE,
        {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"},
    ),
    "meetings:meeting_status": (
        pk_of("meeting_a"),
        {"GET": "L 200 403 404 403 200", "POST": "L 200 403 404 403 200"},
    ),
    # publication
    "publication:actions": (
        NONE,
        {"GET": "200 200 200 200 200 200", "POST": "200 200 200 200 200 200"},
    ),
    "publication:calendar": (
        NONE,
        {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"},
    ),
    "publication:calendar_actions": (
        feed_token,
        {"GET": "200 200 200 200 200 200", "POST": "200 200 200 200 200 200"},
    ),
    "publication:calendar_meetings": (
        feed_token,
        {"GET": "200 200 200 200 200 200", "POST": "200 200 200 200 200 200"},
    ),
    "publication:calendar_revoke": (NONE, {"GET": "L 405 405 405 405 405", "POST": "L R R R R R"}),
    "publication:change": (
        lambda w: {"kind": "actions", "pk": w.action_a.pk},
        {"GET": "L 405 405 405 405 405", "POST": "L R 403 403 403 R"},
    ),
    "publication:index": (
        NONE,
        {"GET": "200 200 200 200 200 200", "POST": "200 200 200 200 200 200"},
    ),
    "publication:letter": (
        pk_of("published_letter"),
        {"GET": "200 200 200 200 200 200", "POST": "200 200 200 200 200 200"},
    ),
    "publication:letter_pdf": (
        pk_of("published_letter"),
        {"GET": "200 200 200 200 200 200", "POST": "200 200 200 200 200 200"},
    ),
    "publication:manage": (NONE, {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"}),
    "publication:questions": (
        NONE,
        {"GET": "200 200 200 200 200 200", "POST": "200 200 200 200 200 200"},
    ),
    # recommendations
    "recommendations:comments_published": (
        pk_of("report_a"),
        {"GET": "L 405 405 405 405 405", "POST": "L R 403 403 403 R"},
    ),
    "recommendations:create": (
        NONE,
        {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"},
    ),
    "recommendations:detail": (
        pk_of("recommendation_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    "recommendations:edit": (
        pk_of("recommendation_a"),
        {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"},
    ),
    "recommendations:set_status": (
        pk_of("recommendation_a"),
        {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"},
    ),
    "recommendations:inspections": (
        NONE,
        {"GET": "L 200 403 403 200 200", "POST": "L 200 403 403 200 200"},
    ),
    "recommendations:list": (
        NONE,
        {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"},
    ),
    "recommendations:report_create": (
        NONE,
        {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"},
    ),
    "recommendations:report_detail": (
        pk_of("report_a"),
        {"GET": "L 200 200 404 200 200", "POST": "L 200 200 404 200 200"},
    ),
    "recommendations:report_edit": (
        pk_of("report_a"),
        {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"},
    ),
    "recommendations:reports": (
        NONE,
        {"GET": "L 200 200 200 200 200", "POST": "L 200 200 200 200 200"},
    ),
    # reminders
    "reminders:list": (NONE, {"GET": "L 200 403 403 403 200", "POST": "L 200 403 403 403 200"}),
}


def url_names() -> set[str]:
    """Every named URL, as `namespace:name`, except in SKIPPED_NAMESPACES."""
    names = set()

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace in SKIPPED_NAMESPACES:
                    continue
                inner = ":".join(filter(None, [namespace, entry.namespace]))
                walk(entry.url_patterns, inner)
            elif isinstance(entry, URLPattern) and entry.name:
                names.add(f"{namespace}:{entry.name}" if namespace else entry.name)

    walk(get_resolver().url_patterns, "")
    return names


def outcome(response) -> str:
    if response.status_code == 302:
        sign_in = reverse("login") + "?next="
        return "L" if response["Location"].startswith(sign_in) else "R"
    return str(response.status_code)


def snapshot(world) -> dict:
    """Row counts of every table (history tables included), in one query, and every field of
    every record of the world."""
    tables = sorted({model._meta.db_table for model in apps.get_models()})
    counts_sql = "SELECT " + ", ".join(f'(SELECT COUNT(*) FROM "{t}")' for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(counts_sql)
        counts = dict(zip(tables, cursor.fetchone(), strict=True))
    by_model = defaultdict(list)
    for record in world.records.values():
        by_model[type(record)].append(record.pk)
    states = {
        model._meta.label: sorted(
            model._default_manager.filter(pk__in=pks).values(), key=lambda row: row["id"]
        )
        for model, pks in by_model.items()
    }
    return {"counts": counts, "states": states}


REFUSED = {"L", "401", "403", "404", "405"}


def request_cell(world, role, method, url, check_refusal):
    """One request; returns its outcome. A refused POST must change nothing."""
    client = world.clients[role]
    cookies = SimpleCookie(client.cookies)

    def run():
        before = snapshot(world) if check_refusal else None
        response = getattr(client, method.lower())(url)
        result = outcome(response)
        if check_refusal and result in REFUSED:
            assert snapshot(world) == before, f"{method} {url} as {role} changed data"
        return result

    result = rolled_back(run)
    client.cookies = cookies
    return result


def test_every_named_url_is_in_the_matrix():
    missing = sorted(url_names() - MATRIX.keys())
    assert not missing, "add " + ", ".join(missing) + " to the matrix"
    stale = sorted(MATRIX.keys() - url_names())
    assert not stale, "remove " + ", ".join(stale) + " from the matrix: no such URL"


def test_each_role_gets_the_outcome_in_the_matrix(monkeypatch):
    # PDFs: the HTML that would be printed, not WeasyPrint's work (tests/test_documents_* do that).
    monkeypatch.setattr("documents.pdf._weasyprint", lambda html: html.encode())
    world = build_world()
    cells, mismatches = 0, []
    for name, (kwargs_of, methods) in sorted(MATRIX.items()):
        url = reverse(name, kwargs=kwargs_of(world))
        for method, expected in methods.items():
            for role, want in zip(ROLES, expected.split(), strict=True):
                got = request_cell(world, role, method, url, check_refusal=method != "GET")
                cells += 1
                if got != want:
                    mismatches.append(f"{name} {method} {role}: expected {want}, got {got}")
    record_count("matrix_cells_checked", cells)
    assert not mismatches, "\n".join(mismatches)


def record_count(key: str, value: int) -> None:
    """Keep a figure of the last run in artifacts/security-counts.json (quoted in the docs).
    Locked, so that pytest-xdist workers writing at once keep each other's figures."""
    COUNTS_FILE.parent.mkdir(exist_ok=True)
    with COUNTS_FILE.open("a+") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        file.seek(0)
        counts = json.loads(file.read() or "{}")
        counts[key] = value
        file.seek(0)
        file.truncate()
        file.write(json.dumps(counts, indent=2, sort_keys=True) + "\n")
    print(f"{key}: {value}")


# Forms that edit an existing record without a version, and why that is safe.
UNVERSIONED_FORMS = {
    "AccountForm": "a person's own name and reminder preference: only they edit it",
}


def test_every_form_editing_a_record_carries_its_version(monkeypatch):
    """Every page an officer may open that holds a model form of an existing record (not a row
    of a formset, which is saved after its parent's check) uses common.optimistic.VersionedForm,
    so a stale copy of it is refused (tests/test_optimistic_locking.py)."""
    from django.forms import BaseModelForm

    from common.optimistic import VersionedForm

    monkeypatch.setattr("documents.pdf._weasyprint", lambda html: html.encode())
    world = build_world()
    client, checked, unversioned = world.clients["officer"], set(), []
    for name, (kwargs_of, methods) in sorted(MATRIX.items()):
        if methods.get("GET", "").split()[ROLES.index("officer")] != "200":
            continue
        response = client.get(reverse(name, kwargs=kwargs_of(world)))
        for context in response.context or []:
            for value in context.flatten().values():
                if not isinstance(value, BaseModelForm) or value.instance.pk is None:
                    continue
                form = type(value).__name__
                checked.add(form)
                if not isinstance(value, VersionedForm) and form not in UNVERSIONED_FORMS:
                    unversioned.append(f"{name}: {form}")
    record_count("versioned_forms_checked", len(checked))
    assert not unversioned, "\n".join(sorted(set(unversioned)))
    assert {"ActionEditForm", "LetterForm", "QuestionForm", "MeetingForm"} <= checked
