"""seed_scale makes realistic data deterministically, and the bench runs end to end on it."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from accounts.models import Role, User
from actions import tallies
from actions.models import Action, ActionOwner, ActionUpdate
from actions.workflow import Status
from benchmarks import loadtest
from benchmarks import seed as seed_module
from benchmarks.loadtest import parse_wrk
from benchmarks.measure import SEQ_SCAN_ON_ACTIONS
from benchmarks.seed import BENCH_USERS
from benchmarks.urls import EMPTY_PAGE
from questions.models import PerformanceQuestion
from recommendations.models import Recommendation

TODAY = "2026-06-15"
SEED = ["--actions=300", "--users=60", "--seed=7", f"--today={TODAY}"]


def seed(*args):
    call_command("seed_scale", *args, stdout=io.StringIO(), stderr=io.StringIO())


def snapshot() -> list[tuple]:
    """What the seeded actions say, without their database keys."""
    rows = Action.objects.order_by("pk").values_list(
        "number", "text", "timing", "timing_kind", "due_date", "status", "lead", "slip_count"
    )
    owners = ActionOwner.objects.order_by("pk").values_list("organisation__short_name", flat=True)
    return [*rows, tuple(owners)]


@pytest.mark.django_db
def test_seed_scale_creates_every_kind_of_record_at_the_size_asked():
    seed(*SEED)
    assert Action.objects.count() == 300
    assert User.objects.count() == 60
    assert set(Action.objects.values_list("status", flat=True)) == set(Status.values)
    overdue = Action.objects.overdue(datetime.date.fromisoformat(TODAY)).count()
    assert 0.03 * 300 <= overdue <= 0.2 * 300
    assert not Action.objects.filter(owners=None).exists()
    assert ActionUpdate.objects.count() > 300
    assert Action.history.count() > 300
    assert PerformanceQuestion.objects.exists() and Recommendation.objects.exists()
    assert User.objects.filter(role=Role.LEAD, is_organisation_contact=True).exists()
    for username, role, _ in BENCH_USERS.values():
        assert User.objects.get(username=username).role == role
    # Every timing was read by parse_timing: dated ones have their due date.
    assert not Action.objects.filter(timing_kind="dated", due_date=None).exists()
    assert tallies.rebuild(check=True) == []  # the dashboard's tally counts them all


@pytest.mark.django_db
def test_seed_scale_gives_the_same_rows_for_the_same_seed_and_refuses_a_filled_database():
    with transaction.atomic():
        seed(*SEED)
        first = snapshot()
        with pytest.raises(CommandError, match="already has actions"):
            seed(*SEED)
        transaction.set_rollback(True)
    seed(*SEED)
    assert snapshot() == first


@pytest.mark.django_db
def test_bench_runs_end_to_end_and_ends_with_one_line_of_json():
    seed("--actions=120", "--users=40", "--seed=3")
    out = io.StringIO()
    call_command(
        "bench",
        "--repeat=2",
        "--annex-rows",
        "15",
        "--load-seconds=0",
        stdout=out,
        stderr=io.StringIO(),
    )
    lines = out.getvalue().strip().splitlines()
    figures = json.loads(lines[-1])
    assert "median ms" in out.getvalue()
    assert figures["actions"] == 120
    assert set(figures["pages"]) == {
        "list",
        "list_filtered",
        "list_search",
        "action_page",
        "dashboard",
        "my_actions",
        "api_list",
    }
    for page in figures["pages"].values():
        assert page["median_ms"] > 0 and page["p95_ms"] >= page["median_ms"]
        assert page["admin_median_ms"] > 0 and page["queries"] > 0
    assert figures["sweep"]["seconds"] >= 0 and "sweep_half" in figures
    assert figures["annex"]["15"]["annex_s"] > 0
    assert figures["peak_memory_mib"] > 0
    assert {
        "list_vs_admin",
        "search_no_seq_scan",
        "sweep_under_10s",
        "load_rps",
        "load_vs_ceiling",
    } <= set(figures["targets"])


WRK_OUTPUT = """Running 15s test @ http://127.0.0.1:40001/actions/
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   310.12ms   90.50ms   1.20s    80.00%
    Req/Sec     6.50      3.10    20.00     70.00%
  Latency Distribution
     50%  290.00ms
     75%  350.00ms
     90%  420.00ms
     99%    1.10s
  196 requests in 15.02s, 9.80MB read
  Non-2xx or 3xx responses: 2
Requests/sec:     13.05
Transfer/sec:    668.00KB
"""


def test_wrk_output_gives_requests_per_second_p99_and_errors():
    assert parse_wrk(WRK_OUTPUT) == {
        "requests_per_second": 13.1,
        "p99_ms": 1100.0,
        "requests": 196,
        "non_2xx": 2,
        "socket_errors": "",
    }


@pytest.mark.parametrize(
    ("plan_line", "whole_scan"),
    [
        ("Seq Scan on actions_action", True),
        ("Parallel Seq Scan on actions_action", True),
        ("Seq Scan on actions_action a0", True),
        ("Seq Scan on actions_actionowner", False),  # the owners table: no whole scan of actions
        ("Index Scan using action_counted on actions_action", False),
    ],
)
def test_the_bench_flags_only_a_whole_scan_of_the_actions_table(plan_line, whole_scan):
    assert bool(SEQ_SCAN_ON_ACTIONS.match(plan_line)) is whole_scan


@pytest.mark.django_db
@pytest.mark.urls("benchmarks.urls")
def test_the_bench_server_has_the_signed_in_empty_page_and_every_page_of_the_app(client, officer):
    assert client.get(EMPTY_PAGE)["Location"].startswith("/accounts/login/")
    client.force_login(officer)
    response = client.get(EMPTY_PAGE)
    assert (response.status_code, response.content) == (200, b"Signed in.")
    assert client.get("/actions/").status_code == 200


def test_the_ceiling_is_the_empty_page_around_the_list_and_the_list_a_share_of_it():
    page = {"requests_per_second": 30.0}
    empty = [
        {"requests_per_second": 100.0, "p99_ms": 20.0, "non_2xx": 0},
        {"requests_per_second": 140.0, "p99_ms": 25.0, "non_2xx": 1},
    ]
    assert loadtest.ceiling_figures(page, empty) == {
        "ceiling_url": EMPTY_PAGE,
        "ceiling_rps": 120.0,
        "ceiling_p99_ms": 25.0,
        "ceiling_non_2xx": 1,
        "ratio_to_ceiling": 0.25,
    }


def test_the_load_test_refuses_to_start_without_the_built_assets(monkeypatch, tmp_path):
    monkeypatch.setattr(loadtest, "BUILT_ASSETS", tmp_path / "main.css")
    monkeypatch.setattr(loadtest.shutil, "which", lambda name: f"/usr/bin/{name}")
    with pytest.raises(RuntimeError, match="run `make assets` first"):
        loadtest.run_load_test(None, "/actions/", 1)


@pytest.mark.django_db
def test_seed_scale_builds_and_writes_the_actions_a_chunk_at_a_time(monkeypatch):
    """At most CHUNK actions (with their owners, timelines and history) are held at once, so
    memory does not grow with the number of actions; docs/performance.md has the peaks."""
    monkeypatch.setattr(seed_module, "CHUNK", 100)
    held = []
    write_actions = seed_module.ScaleSeeder._write_actions

    def spy(seeder, actions, progress):
        held.append((len(actions), len(seeder.owners_of)))
        write_actions(seeder, actions, progress)
        assert seeder.owners_of == {}  # forgotten once written

    monkeypatch.setattr(seed_module.ScaleSeeder, "_write_actions", spy)
    seed(*SEED)
    assert [count for count, _ in held] == [100, 100, 100]
    assert all(owners == count for count, owners in held)
    assert Action.objects.count() == ActionOwner.objects.values("action").distinct().count()
