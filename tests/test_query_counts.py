"""Every list page, the API list and "my actions" take at most ten queries, and the action page
and the dashboard a fixed few more, for 60 actions as for 600 (seed_scale data).

A page with an empty section skips that section's prefetch, so a small database may take a
query or two fewer; a query per row would take dozens more."""

import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import Organisation, User
from actions.models import Action
from benchmarks.seed import BENCH_USERS

# Each page: +1 for the header's count of unread notices (notices/context_processors.py).
QUERIES_MAX = 11
# The dashboard (see docs/dashboard.md): the session and the user, its five count tables in two
# queries, the organisations (to leave organisation-only Leads out of the lead table), the
# earliest agreement date (the whole history's first month), the recorded month ends, the
# letters awaiting a reply, the two "oldest" lists (the actions' owners in one more), the closure
# chart, the boards, and the header's count of unread notices.
DASHBOARD_QUERIES_MAX = 14
# The action page: the action with its relations (read once, for the permission check and the
# page), then one query for each kind of thing its timeline shows (requests for more time too),
# the pending request for more time, and the header's count of unread notices.
ACTION_PAGE_QUERIES_MAX = 13


def pages() -> dict[str, tuple[str, str]]:
    mps = Organisation.objects.get(short_name="MPS").pk
    action = Action.objects.filter(owners=mps).order_by("pk").first()
    return {
        "list": ("officer", "/actions/"),
        "list_filtered": ("officer", f"/actions/?status=open&owner={mps}&overdue=1"),
        "list_search": ("officer", "/actions/?q=MPS"),
        "list_sorted": ("officer", "/actions/?sort=status&page=2"),
        "my_actions_lead": ("lead", "/actions/mine/"),
        "my_actions_officer": ("officer", "/actions/mine/"),
        "action_page": ("officer", f"/actions/{action.pk}/"),
        "api_list": ("officer", "/api/actions/"),
        "api_list_lead": ("lead", "/api/actions/?overdue=1"),
        "dashboard": ("reviewer", "/dashboard/"),
    }


def query_counts(actions: int) -> dict[str, int]:
    """Seed `actions` actions, count each page's queries, and roll the data back."""
    with transaction.atomic():
        call_command(
            "seed_scale",
            f"--actions={actions}",
            "--users=40",
            "--today=2026-06-15",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
        counts = {}
        for name, (role, url) in pages().items():
            client = Client()
            client.force_login(User.objects.get(username=BENCH_USERS[role][0]))
            client.get(url)  # the session's first write is not part of a page
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200, url
            counts[name] = len(captured)
        transaction.set_rollback(True)
    return counts


@pytest.mark.django_db
def test_pages_take_the_same_few_queries_for_ten_times_the_actions(time_machine):
    time_machine.move_to("2026-06-15 12:00", tick=False)
    small, large = query_counts(60), query_counts(600)
    assert {
        name: (small[name], count) for name, count in large.items() if count > small[name] + 2
    } == {}
    for counts in (small, large):
        assert counts.pop("dashboard") <= DASHBOARD_QUERIES_MAX
        assert counts.pop("action_page") <= ACTION_PAGE_QUERIES_MAX
        assert {name: count for name, count in counts.items() if count > QUERIES_MAX} == {}
