"""The list filters' choices of whole small tables (organisations, boards, themes) are kept per
process and read again as soon as one of those tables changes (common.choices)."""

import django_filters
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actions.filters import ActionFilter
from common.choices import choices_changed
from common.filter_widgets import ModelChoiceFilter
from meetings.models import Board

from .factories import BoardFactory, OrganisationFactory, ThemeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

LIST = reverse("actions:list")
TABLES = ('"accounts_organisation"', '"meetings_board"', '"actions_theme"')


def form_html(user=None) -> str:
    return str(ActionFilter({}, user=user).form)


def table_reads(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].startswith("SELECT") and any(
        f"FROM {table}" in q["sql"] for table in TABLES
    )]  # fmt: skip


@pytest.fixture
def tables(mps):
    BoardFactory(name="Audit Panel")
    ThemeFactory(name="Knife crime")


def test_the_choices_are_read_once_then_only_their_version(tables):
    with CaptureQueriesContext(connection) as first:
        form_html()
    with CaptureQueriesContext(connection) as second:
        html = form_html()

    assert len(table_reads(first.captured_queries)) == 3  # before: three on every page
    assert len(second.captured_queries) == 1  # after: the version, for the whole form
    assert "common_choicesversion" in second.captured_queries[0]["sql"]
    assert ">Audit Panel</option>" in html
    assert ">Knife crime</option>" in html
    assert ">MPS</option>" in html


def test_the_action_list_reads_the_tables_on_its_first_page_only(client, officer, tables):
    client.force_login(officer)
    client.get(LIST)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST)

    assert response.status_code == 200
    assert table_reads(queries.captured_queries) == []
    assert ">Audit Panel</option>" in response.content.decode()


def test_a_new_renamed_or_deleted_board_shows_at_once(tables):
    form_html()

    new = BoardFactory(name="Race Action Plan Board")
    assert ">Race Action Plan Board</option>" in form_html()

    new.name = "Police Race Action Plan Board"
    new.save()
    assert ">Police Race Action Plan Board</option>" in form_html()

    new.delete()
    assert "Race Action Plan" not in form_html()


def test_a_new_organisation_and_theme_show_at_once(tables):
    form_html()
    OrganisationFactory(short_name="IOPC")
    ThemeFactory(name="Stop and search")

    html = form_html()

    assert ">IOPC</option>" in html
    assert ">Stop and search</option>" in html


def test_a_change_made_elsewhere_shows_once_the_version_changes(tables):
    """Another process's save reaches this one through the version it commits: a write that
    skips save() (a bulk insert) is not seen until the version changes."""
    form_html()
    Board.objects.bulk_create([Board(name="Written in bulk")])
    assert "Written in bulk" not in form_html()

    choices_changed()

    assert ">Written in bulk</option>" in form_html()


class ActiveBoards(django_filters.FilterSet):
    board = ModelChoiceFilter(queryset=Board.objects.filter(is_active=True))

    class Meta:
        model = Board
        fields: list[str] = []


def test_a_narrowed_select_is_read_each_time(tables):
    """Only a whole table is kept: a select of some of its rows (what a user may see, say) is
    not, whatever narrows it."""
    str(ActiveBoards({}).form)
    with CaptureQueriesContext(connection) as queries:
        html = str(ActiveBoards({}).form)

    assert len(table_reads(queries.captured_queries)) == 1
    assert ">Audit Panel</option>" in html
