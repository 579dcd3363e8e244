"""Counts of long lists: exact when small, PostgreSQL's estimate ("about N") past
common.counting.EXACT_UP_TO, and pages that still lead to the end either way."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import common.listing
from actions.models import Action
from common import counting
from common.counting import RowCount, row_count
from common.listing import ListPaginator

from .factories import ActionFactory
from .services import require_postgres

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

LIST = reverse("actions:list")


@pytest.fixture
def five_actions(mps):
    return ActionFactory.create_batch(5, owners=[mps])


def test_a_small_list_is_counted_exactly_in_one_query(five_actions):
    with CaptureQueriesContext(connection) as queries:
        count = row_count(Action.objects.all())

    assert count == RowCount(5)
    assert str(count) == "5"
    assert len(queries) == 1


def test_the_list_page_says_the_exact_number_of_a_small_list(client, officer, five_actions):
    client.force_login(officer)
    response = client.get(LIST)

    assert not response.context["page_obj"].paginator.estimated
    assert '<p class="govuk-heading-m govuk-!-margin-bottom-2" id="match-count">5 actions</p>' in (
        response.content.decode()
    )


def test_a_long_list_is_estimated_by_the_planner_in_two_queries(five_actions, monkeypatch):
    require_postgres()
    monkeypatch.setattr(counting, "EXACT_UP_TO", 3)

    with CaptureQueriesContext(connection) as queries:
        count = row_count(Action.objects.all())

    assert count.estimated
    assert count.value >= 4  # never below the bound the list passed
    assert str(count) == f"about {count.value:,}"
    assert len(queries) == 2
    assert queries[0]["sql"].startswith("SELECT COUNT(*) FROM (SELECT")
    assert "LIMIT 4" in queries[0]["sql"]
    assert queries[1]["sql"].startswith("EXPLAIN (FORMAT JSON) SELECT")


def test_no_estimate_below_the_bound_whatever_the_planner_thinks(five_actions, monkeypatch):
    """The bounded count decides, so the planner's guess never labels a small list "about"."""
    require_postgres()
    monkeypatch.setattr(counting, "planned_rows", lambda queryset: 1_000_000)

    assert row_count(Action.objects.all()) == RowCount(5)


def test_the_list_page_says_about_and_pages_to_the_end_when_estimated(
    client, officer, five_actions, monkeypatch
):
    require_postgres()
    monkeypatch.setattr(counting, "EXACT_UP_TO", 3)
    monkeypatch.setattr("actions.views.list.PAGE_SIZE", 2)
    client.force_login(officer)

    seen, page, pages = [], 1, []
    while page:
        response = client.get(LIST, {"page": page})
        page_obj = response.context["page_obj"]
        assert page_obj.paginator.estimated
        pages.append(page_obj.number)
        seen += list(page_obj.object_list)
        page = page_obj.next_page_number() if page_obj.has_next() else None
    text = response.content.decode()

    assert pages == [1, 2, 3]
    assert sorted(seen) == sorted(action.pk for action in five_actions)
    count = response.context["page_obj"].paginator.count
    assert f'id="match-count">About {count:,} actions</p>' in text
    assert "Page 3 of about " in text


def test_the_api_says_when_its_count_is_an_estimate(client, officer, five_actions, monkeypatch):
    require_postgres()
    client.force_login(officer)
    assert client.get("/api/actions/").json()["count_estimated"] is False

    monkeypatch.setattr(counting, "EXACT_UP_TO", 3)
    body = client.get("/api/actions/").json()

    assert body["count_estimated"] is True
    assert body["count"] >= 4
    assert len(body["results"]) == 5
    assert body["next"] is None


def test_the_search_page_says_about_for_a_long_section(client, officer, mps, monkeypatch):
    require_postgres()
    ActionFactory.create_batch(25, owners=[mps], text="Briefing on knife crime in Croydon")
    monkeypatch.setattr(counting, "EXACT_UP_TO", 3)
    client.force_login(officer)

    response = client.get(reverse("search:search"), {"q": "Croydon"})

    actions = response.context["sections"][0]
    assert actions.count.estimated
    assert f"Actions ({actions.count})" in response.content.decode()
    assert str(actions.count).startswith("about ")
    assert f"See all the matching actions ({actions.count})</a>" in response.content.decode()
    assert response.context["total"].estimated


class _Estimated:
    """A count the planner got wrong, for the paginator to cope with (on any database)."""

    def __init__(self, value):
        self.value = value

    def __call__(self, queryset):
        return RowCount(self.value, estimated=True)


@pytest.mark.parametrize("estimate", [2, 40])  # far below and far above the 7 rows
def test_an_estimated_list_pages_to_its_real_end(estimate, monkeypatch):
    monkeypatch.setattr(common.listing, "row_count", _Estimated(estimate))
    paginator = ListPaginator(list(range(7)), 3)

    pages = [paginator.page(1)]
    while pages[-1].has_next():
        pages.append(paginator.page(pages[-1].next_page_number()))

    assert [list(page) for page in pages] == [[0, 1, 2], [3, 4, 5], [6]]
    assert pages[-1].end_index() == 7
    assert paginator.get_page(9).number == 1  # past the real end: the first page
    assert paginator.get_page("x").number == 1
