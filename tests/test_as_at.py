"""As at a past day: each action as its history said at the end of that day (status, timing,
due date, lead, owners); actions not yet recorded by then are absent."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command

from actions import as_at
from actions.models import Action

from .as_at_history import make_history

pytestmark = pytest.mark.django_db


def export(*args) -> list[dict]:
    out = io.StringIO()
    call_command("export_actions", "--all", *args, stdout=out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


@pytest.fixture
def history(officer, lead, mps, mopac):
    return make_history(officer, lead, mps, mopac)


def test_each_action_is_as_its_history_said_at_the_end_of_the_day(history):
    def rows(day):
        return {r["No"]: (r["Status"], r["Due date"], r["Owner"]) for r in export("--as-at", day)}

    assert rows("2022-06-30") == {}  # nothing recorded yet
    assert rows("2022-07-01") == {"1": ("Open", "2022-08-31", "MPS")}
    assert rows("2022-08-14") == {"1": ("In progress", "2022-08-31", "MPS")}
    assert rows("2022-08-15") == {
        "1": ("In progress", "2022-08-31", "MPS"),
        "2": ("Open", "2022-12-31", "MPS"),
    }
    assert rows("2022-09-01")["1"] == ("In progress", "2022-11-30", "MPS and MOPAC")
    assert rows("2022-10-01")["1"][0] == "Completion proposed"
    assert rows("2022-10-02")["1"][0] == Action.objects.get(number=1).get_status_display()
    # As at today is today's export.
    assert export("--as-at", datetime.date.today().isoformat()) == export()


def test_the_as_at_export_keeps_the_columns_and_the_order(history):
    rows = export("--as-at", "2022-08-20")
    assert list(rows[0]) == [
        *["No", "Action", "Timing", "Lead", "Owner", "Status", "Due date"],
        *["Board", "Meeting date", "Source"],
    ]
    assert [r["No"] for r in rows] == ["1", "2"]


def test_records_on_reads_each_action_once_in_a_fixed_number_of_queries(
    history, django_assert_num_queries
):
    with django_assert_num_queries(1):
        records = list(as_at.records_on(Action.objects.all(), datetime.date(2022, 9, 30)))
    assert sorted(record.id for record in records) == sorted(
        Action.objects.values_list("pk", flat=True)
    )
    with django_assert_num_queries(1):
        names = as_at.owner_names_on([record.history_id for record in records])
    assert sorted(names.values()) == ["MPS", "MPS and MOPAC"]
