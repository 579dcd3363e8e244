"""Pasting an Annex A table: the parser on its own, then the preview and save-all pages."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse

from accounts.owners import split_owners
from accounts.posts import Directory
from actions.annex import parse_annex
from actions.models import Action
from actions.timing import TimingKind

from .factories import ActionFactory, MeetingFactory

pytestmark = pytest.mark.usefixtures("fast_passwords")

MEETING_DATE = datetime.date(2022, 6, 24)
MPS = SimpleNamespace(short_name="MPS")
MOPAC = SimpleNamespace(short_name="MOPAC")
ORGS = {"mps": MPS, "mopac": MOPAC}

# As copied from the Word table of seed 002 (with the blank line Word left after row 11).
SEED_ANNEX = (
    "No.\tAction\tTiming\tLead\n"
    "1\tMPS to complete evaluation of engagement work in Croydon and share outcome with MOPAC."
    "\tOctober 2022\tMPS\n"
    "9\tMPS to advise the DMPC on their targets and dates for training officers on the PNC app."
    "\tAugust/Sept 2022\tMPS\n"
    "11\tMPS to provide a paper on the pan-London themes.\tDecember 2022\tMPS\n"
    "\n"
    "12\tMPS and MOPAC to work together to align their reviews of community engagement."
    "\t\tMPS and MOPAC\n"
    "14\tMPS undertook to provide MOPAC with their SSO report by 27 June.\tCompleted\tMPS\n"
)


def parse(text, existing=()):
    return parse_annex(
        text, written_on=MEETING_DATE, directory=Directory(ORGS), existing_numbers=existing
    )


# -- the parser ----------------------------------------------------------------------------


def test_seed_annex_parses_with_header_skipped_and_blank_line_ignored():
    parsed = parse(SEED_ANNEX)
    assert parsed.is_valid
    assert [r.number for r in parsed.rows] == [1, 9, 11, 12, 14]
    assert [r.due_date for r in parsed.rows] == [
        datetime.date(2022, 10, 31),
        datetime.date(2022, 9, 30),
        datetime.date(2022, 12, 31),
        None,
        None,
    ]
    assert parsed.rows[3].owners == [MPS, MOPAC]
    assert parsed.rows[3].parsed_timing.kind == TimingKind.NO_DEADLINE
    assert parsed.rows[4].parsed_timing.kind == TimingKind.COMPLETED


def test_header_row_is_optional():
    parsed = parse("3\tMPS to provide a list of schools.\tAugust 2022\tMPS")
    assert parsed.is_valid
    assert parsed.rows[0].number == 3
    assert parsed.rows[0].line == 1


def test_windows_line_endings_and_non_breaking_spaces_are_read():
    parsed = parse("1\tMPS to report.\tAugust\xa02022\tMPS\r\n2\tMOPAC to reply.\tTBC\tMOPAC\r\n")
    assert parsed.is_valid
    assert parsed.rows[0].due_date == datetime.date(2022, 8, 31)


def test_unreadable_timing_is_a_warning_not_an_error():
    parsed = parse("1\tMPS to report.\tSoon\tMPS")
    assert parsed.is_valid
    row = parsed.rows[0]
    assert row.due_date is None
    assert "no date found in 'Soon'" in row.timing_unreadable


def test_cell_of_several_paragraphs_continues_the_row_above():
    parsed = parse("1\tMPS to review Safer Schools.\nInclude the training.\tOctober 2022\tMPS")
    assert parsed.is_valid, parsed.rows[0].errors
    assert parsed.rows[0].text == "MPS to review Safer Schools.\nInclude the training."
    assert parsed.rows[0].timing == "October 2022"


def test_excel_quoted_cell_with_line_break_is_one_cell():
    parsed = parse('1\t"First ""quoted"" line\nsecond line"\tAugust 2022\tMPS')
    assert parsed.is_valid, parsed.rows[0].errors
    assert parsed.rows[0].text == 'First "quoted" line\nsecond line'


@pytest.mark.parametrize(
    ("lead", "owners"),
    [
        ("MPS and MOPAC", ["MPS", "MOPAC"]),
        ("MPS, MOPAC", ["MPS", "MOPAC"]),
        ("MPS & MOPAC", ["MPS", "MOPAC"]),
        ("mps AND mopac", ["mps", "mopac"]),
        ("MPS", ["MPS"]),
        ("", []),
    ],
)
def test_lead_column_is_split_into_owner_names(lead, owners):
    assert split_owners(lead) == owners


def test_a_lead_naming_no_owner_is_a_row_error_when_the_board_has_no_usual_owner():
    parsed = parse("1\tMPS to report.\tAugust 2022\tHMICFRS")
    assert not parsed.is_valid
    assert parsed.rows[0].errors == [
        "'HMICFRS' names no organisation and is not in the directory of posts, and the board "
        "has no usual owner: name the owner organisation."
    ]


def test_a_lead_naming_an_organisation_among_other_words_is_owned_by_it():
    parsed = parse("1\tMPS to report.\tAugust 2022\tMPS and HMICFRS")
    assert parsed.is_valid
    assert parsed.rows[0].owners == [MPS]


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("1\t\tAugust 2022\tMPS", "The action text is blank."),
        ("x\tMPS to report.\tAugust 2022\tMPS", "'x' is not an action number"),
        ("0\tMPS to report.\tAugust 2022\tMPS", "'0' is not an action number"),
        ("1\tMPS to report.\tAugust 2022\t", "The Lead is blank"),
        ("1\tMPS to report.\tAugust 2022\tMPS\tOpen\tExtra", "more than 5 columns"),
        ("1\tMPS to report.\tAugust 2022\tMPS\tSoonish", "'Soonish' is not a status"),
    ],
)
def test_bad_rows_are_reported_with_a_reason(line, error):
    parsed = parse(line)
    assert not parsed.is_valid
    assert any(error in e for e in parsed.rows[0].errors), parsed.rows[0].errors


def test_number_used_twice_in_the_paste_is_an_error_on_both_rows():
    parsed = parse("4\tFirst.\tAugust 2022\tMPS\n4\tSecond.\tAugust 2022\tMPS")
    assert [r.errors for r in parsed.rows] == [["No. 4 is used more than once in this paste."]] * 2


def test_number_clashing_with_an_existing_action_is_an_error():
    parsed = parse("4\tFirst.\tAugust 2022\tMPS\n5\tSecond.\tAugust 2022\tMPS", existing={5})
    assert parsed.rows[0].errors == []
    assert parsed.rows[1].errors == ["Action 5 already exists in this meeting."]


def test_empty_paste_is_an_error():
    parsed = parse("\n  \nNo.\tAction\tTiming\tLead\n")
    assert not parsed.is_valid
    assert parsed.errors == ["Paste at least one row of the Annex A table."]


def test_control_characters_are_dropped():
    parsed = parse("1\tMPS\x00 to report.\tAugust 2022\tMPS")
    assert parsed.rows[0].text == "MPS to report."


# -- the pages -----------------------------------------------------------------------------


@pytest.fixture
def meeting(db):
    return MeetingFactory(date=MEETING_DATE)


@pytest.fixture
def officer_client(client, officer, mps, mopac):
    client.force_login(officer)
    return client


def paste_url(meeting):
    return reverse("actions:annex_paste", args=[meeting.pk])


def test_preview_shows_due_dates_and_saves_nothing(officer_client, meeting):
    response = officer_client.post(paste_url(meeting), {"annex": SEED_ANNEX, "preview": "1"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "31 October 2022" in body
    assert "30 September 2022" in body
    assert "Save all 5 actions" in body
    assert Action.objects.count() == 0


def test_preview_flags_unreadable_timing_and_shows_row_errors(officer_client, meeting):
    text = "1\tMPS to report.\tSoon\tMPS\n2\t\tAugust 2022\tNOBODY"
    response = officer_client.post(paste_url(meeting), {"annex": text, "preview": "1"})
    body = response.content.decode()
    assert "Timing unreadable" in body
    assert "Line 2: The action text is blank." in body
    assert "Nothing has been saved: 1 problem to fix" in body
    assert "Save all" not in body


def test_save_all_creates_every_row_with_owners_due_dates_and_history(
    officer_client, officer, meeting, mps, mopac
):
    response = officer_client.post(paste_url(meeting), {"annex": SEED_ANNEX, "save": "1"})
    assert response.status_code == 302
    assert response.url == meeting.get_absolute_url()
    actions = {a.number: a for a in Action.objects.filter(meeting=meeting)}
    assert sorted(actions) == [1, 9, 11, 12, 14]
    assert actions[9].timing == "August/Sept 2022"
    assert actions[9].due_date == datetime.date(2022, 9, 30)
    assert set(actions[12].owners.all()) == {mps, mopac}
    assert actions[12].lead == "MPS and MOPAC"
    assert actions[14].status == Action.Status.CLOSED
    created = actions[1].history.earliest()
    assert created.history_user == officer
    assert created.history_change_reason == "Added from Annex A"


def test_unreadable_timing_is_saved_as_written_and_flagged(officer_client, meeting):
    text = "1\tMPS to report.\tSoon\tMPS"
    officer_client.post(paste_url(meeting), {"annex": text, "save": "1"})
    action = Action.objects.get(meeting=meeting)
    assert action.timing == "Soon"
    assert action.timing_kind == TimingKind.UNREADABLE
    assert action.timing_problem


def test_one_bad_row_saves_nothing(officer_client, meeting):
    text = SEED_ANNEX + "15\t\t\tMPS and MOPAC\n"
    response = officer_client.post(paste_url(meeting), {"annex": text, "save": "1"})
    assert response.status_code == 200
    assert "The action text is blank." in response.content.decode()
    assert Action.objects.count() == 0


def test_save_refuses_numbers_taken_since_the_preview(officer_client, meeting, mps):
    ActionFactory(meeting=meeting, number=9, owners=[mps])
    response = officer_client.post(paste_url(meeting), {"annex": SEED_ANNEX, "save": "1"})
    assert "Action 9 already exists in this meeting." in response.content.decode()
    assert Action.objects.filter(meeting=meeting).count() == 1


def test_lead_cannot_paste(client, lead, meeting, mps):
    ActionFactory(meeting=meeting, owners=[mps])  # the lead can see the meeting
    client.force_login(lead)
    assert client.get(paste_url(meeting)).status_code == 403
    response = client.post(paste_url(meeting), {"annex": SEED_ANNEX, "save": "1"})
    assert response.status_code == 403
    assert Action.objects.count() == 1


def test_reviewer_cannot_paste(client, reviewer, meeting):
    client.force_login(reviewer)
    assert client.post(paste_url(meeting), {"annex": SEED_ANNEX, "save": "1"}).status_code == 403
