"""Owner text (accounts/owners.py): one reading for the Annex A paste's Lead and the spreadsheet
import's Owner column, so both accept the same text. An Owner column refuses a name it does not
know; a Lead is a post or person as written, so it is resolved (tests/test_lead_resolution.py)."""

import datetime

import pytest

from accounts.owners import organisations_by_name, read_owners, split_owners
from accounts.posts import Directory
from actions.annex import parse_annex
from spreadsheets.importer import guess_mapping
from spreadsheets.services import check_import

from .factories import MeetingFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

MEETING_DATE = datetime.date(2022, 6, 24)
HEADER = ["No.", "Action", "Timing", "Lead", "Owner", "Status"]

ACCEPTED = [
    ("MPS", ["MPS"]),
    ("MPS and MOPAC", ["MPS", "MOPAC"]),
    ("MPS/MOPAC", ["MPS", "MOPAC"]),
    ("MPS & MOPAC", ["MPS", "MOPAC"]),
    ("MPS, MOPAC", ["MPS", "MOPAC"]),
    ("MPS; MOPAC", ["MPS", "MOPAC"]),
    ("MPS + MOPAC", ["MPS", "MOPAC"]),
    ("mps AND Mopac", ["MPS", "MOPAC"]),
    ("MOPAC and MPS and MPS", ["MOPAC", "MPS"]),
    ("Metropolitan Police Service", ["MPS"]),
    ("metropolitan  police SERVICE / mopac", ["MPS", "MOPAC"]),
    # A full name with "and" in it is read whole.
    ("Mayor's Office for Policing And Crime", ["MOPAC"]),
    ("MPS and Mayor's Office for Policing And Crime", ["MPS", "MOPAC"]),
    ("London Assembly Police and Crime Committee, MPS", ["Police and Crime Committee", "MPS"]),
]
REFUSED = [
    ("MPS and HMICFRS", "HMICFRS"),
    ("Metropolitan Police", "Metropolitan Police"),
    ("MPS/Crime", "Crime"),
    ("MPSand MOPAC", "MPSand MOPAC"),
    ("Mayor's Office for Policing", "Mayor's Office for Policing"),
]


@pytest.fixture
def organisations(mps, mopac):
    OrganisationFactory(
        short_name="Police and Crime Committee", name="London Assembly Police and Crime Committee"
    )


@pytest.fixture
def meeting(organisations):
    return MeetingFactory(date=MEETING_DATE)


def pasted(meeting, owner_text: str):
    """(owner short names, errors) of an Annex A row whose Lead column is `owner_text`."""
    text = f"1\tMPS to report.\tAugust 2022\t{owner_text}"
    parsed = parse_annex(
        text, written_on=meeting.date, directory=Directory(organisations_by_name())
    )
    (row,) = parsed.rows
    return [o.short_name for o in row.owners], row.errors


def imported(meeting, owner_text: str):
    """(owner short names, errors) of a spreadsheet row whose Owner column is `owner_text`."""
    cells = ["1", "MPS to report.", "August 2022", "DAC Smith", owner_text, ""]
    (row,) = check_import(meeting, [(2, cells)], guess_mapping(HEADER))
    return row.owners, row.errors


@pytest.mark.parametrize(("text", "owners"), ACCEPTED)
def test_both_channels_accept_the_same_owner_text(meeting, text, owners):
    assert pasted(meeting, text) == (owners, [])
    assert imported(meeting, text) == (owners, [])


@pytest.mark.parametrize(("text", "unknown"), REFUSED)
def test_the_owner_column_refuses_text_naming_an_unknown_part(meeting, text, unknown):
    _, errors = imported(meeting, text)
    assert errors == [f"Unknown organisation '{unknown}' in the Owner column."]


def test_a_blank_owner_column_falls_back_on_the_lead_and_a_blank_lead_on_the_usual_owner(
    meeting,
):
    assert imported(meeting, "") == (["MPS"], [])  # "DAC Smith": the board's usual owner
    assert pasted(meeting, " ")[1] == [
        "The Lead is blank and the board has no usual owner: name the owner organisation."
    ]


# -- the parser on its own -------------------------------------------------------------------


def test_the_parser_needs_no_database_and_keeps_the_order_written():
    names = {"MPS": "mps", "Metropolitan Police Service": "mps", "VC": "vc"}
    found = read_owners("VC / metropolitan police service and MPS, nobody", names)
    assert (found.owners, found.unknown) == (["vc", "mps"], ["nobody"])


def test_without_names_owner_text_splits_at_every_separator():
    assert split_owners("Mayor's Office for Policing And Crime") == [
        "Mayor's Office for Policing",
        "Crime",
    ]
    assert split_owners(" , and ") == []


def test_hostile_owner_text_is_read_quickly():
    names = {"A and B and C and D": 1}
    found = read_owners(" and ".join(["x"] * 5000), names)
    assert found.unknown == ["x"] * 5000
