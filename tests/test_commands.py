"""The command-line contract: parse_timing and export_actions."""

# ruff: noqa: E501 -- Annex A is embedded exactly as the seed prints it, one row a line.

import csv
import datetime
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from actions.export import ACTION_COLUMNS, ACTION_ORDER, action_rows
from actions.models import Action

from .factories import ActionFactory, BoardFactory, LetterFactory, MeetingFactory

# Annex A of seed 002 (the DMPC's letter of 20 July 2022), copied from the seed: tab-separated.
ANNEX_A = """\
No.	Action	Timing	Lead
1	MPS to complete evaluation of engagement work in Croydon and share outcome with MOPAC. For discussion at the DMPC-AC Professionalism meeting in October.	October 2022	MPS
2	MPS to provide a briefing note on the issues with recruiting PCSOs. For discussion at the next DMPC-Chief of Corporate Services meeting.	August 2022	MPS
3	MPS to provide the DMPC with a list of the schools which do not have a Safer Schools Officer in place and why.	August 2022	MPS
4	MPS to review the ways of working for Safer Schools Officers and share outcome with MOPAC. For discussion at the DMPC-AC Frontline Policing meeting in October 2022, including the barriers to achieving a named officer in every school and the training provided to support the officers.	October 2022	MPS
5	The MPS undertook to remind BCU Commanders that DWO posts must be filled and not abstracted.		MPS
6	MPS to provide to the DMPC a note detailing what screening out crimes meant in practice and what victims were advised. For discussion at the DMPC-AC Frontline Policing meeting in August 2022.	August 2022	MPS
7	MPS to provide their assessment of when and how the increased number of detectives will have an impact on sanction detection rates.	August 2022	MPS
8	MPS to provide an assessment of the officers and staff needed to meet current and likely future demand, including a breakdown across Business Groups. For discussion with the Acting Commissioner and Deputy prior to the new Commissioner taking up his post.	August 2022	MPS
9	MPS to advise the DMPC on their targets and dates for training officers on the PNC app. For discussion at the next DMPC-AC Professionalism meeting.	August/Sept 2022	MPS
10	DMPC to discuss with AC Frontline Policing at their next meeting, how they assure themselves that improvement in Child Protection is continuing at the pace required.	August 2022	MPS
11	MPS to provide a paper on the pan-London themes arising from community engagement and the actions being taken to address them. The paper to also set out how the MPS assured itself of the impact of its engagement and that it is reaching all the target communities. For discussion at the DMPC-AC Professionalism meeting in December 2022.	December 2022	MPS
12	MPS and MOPAC to work together to align their reviews of community engagement.		MPS and MOPAC
13	MPS to provide to MOPAC the data connecting the use of handcuffing with stop and search. For discussion at the DMPC-AC Frontline Policing meeting in August 2022.	August 2022	MPS
14	MPS undertook to provide MOPAC with their SSO report by 27 June.	Completed	MPS
15	Disproportionality in the misconduct process, including how the Casey Review will assist with this issue, would be discussed in upcoming discussions on the Casey Review.		MPS and MOPAC
"""

PROJECT_DIR = Path(__file__).resolve().parent.parent


def annex_a() -> list[list[str]]:
    return list(csv.reader(io.StringIO(ANNEX_A), delimiter="\t"))


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# -- parse_timing -----------------------------------------------------------------------------


def test_parse_timing_prints_the_later_month_of_a_range():
    assert run("parse_timing", "August/Sept 2022", "--on", "2022-07-20") == "2022-09-30\n"


def test_parse_timing_reads_relative_to_the_date_written():
    assert run("parse_timing", "by 14 November", "--on", "2022-10-14") == "2022-11-14\n"


@pytest.mark.parametrize("text", ["Completed", "", "TBC"])
def test_parse_timing_prints_none_for_a_timing_without_a_date(text):
    assert run("parse_timing", text, "--on", "2022-07-20") == "none\n"


def test_parse_timing_refuses_text_it_cannot_read_with_the_reason():
    with pytest.raises(CommandError, match="no date found in 'soon'"):
        run("parse_timing", "soon", "--on", "2022-07-20")


def test_parse_timing_exits_1_with_a_one_line_reason_on_stderr():
    result = subprocess.run(
        [sys.executable, "manage.py", "parse_timing", "soon", "--on", "2022-07-20"],
        cwd=PROJECT_DIR,
        env={**os.environ, "LOG_LEVEL": "WARNING"},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == ["CommandError: no date found in 'soon'"]


def test_parse_timing_rejects_a_bad_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("parse_timing", "August 2022", "--on", "20/07/2022")


# -- export_actions ---------------------------------------------------------------------------


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo", "--no-users", stdout=io.StringIO())


def test_export_of_the_24_june_2022_board_reproduces_annex_a(demo, tmp_path):
    path = tmp_path / "annex-a.csv"

    run("export_actions", "--meeting", "2022-06-24", "--format", "csv", "-o", str(path))

    with path.open(newline="", encoding="utf-8") as file:
        header, *rows = list(csv.reader(file))
    assert header == [
        *["No", "Action", "Timing", "Lead", "Owner", "Status", "Due date"],
        *["Board", "Meeting date", "Source"],
    ]
    assert [row[:4] for row in rows] == annex_a()[1:]
    assert len(rows) == 15
    assert rows[11][4:7] == ["MPS and MOPAC", "Open", ""]
    assert rows[8][4:7] == ["MPS", "Open", "2022-09-30"]
    assert rows[13][4:7] == ["MPS", "Completed", ""]
    board_and_letter = ["Performance and Risk Oversight Board", "2022-06-24", "MOPAC14072022-D4220"]
    assert {tuple(row[7:]) for row in rows} == {tuple(board_and_letter)}


def test_export_to_stdout_by_meeting_id(demo):
    meeting_id = Action.objects.get(meeting__date="2023-04-28", number=6).meeting_id

    output = run("export_actions", "--meeting", str(meeting_id), "-o", "-")

    header, *rows = list(csv.reader(io.StringIO(output)))
    assert header == ACTION_COLUMNS
    assert [row[0] for row in rows] == [str(n) for n in range(1, 8)]
    assert rows[5][2:7] == ["30 June 2023", "MPS", "MPS", "Open", "2023-06-30"]


def test_export_all_lists_actions_by_meeting_date_then_number(demo):
    _, *rows = list(csv.reader(io.StringIO(run("export_actions", "--all"))))

    expected = Action.objects.order_by("meeting__date", "number")
    assert [(row[0], row[1]) for row in rows] == [(str(a.number), a.text) for a in expected]
    assert len(rows) == 29


@pytest.mark.django_db
def test_export_orders_letter_actions_among_meetings_by_date():
    later = ActionFactory(meeting=MeetingFactory(date=datetime.date(2022, 11, 1)), number=1)
    from_letter = ActionFactory(
        meeting=None, letter=LetterFactory(date=datetime.date(2022, 10, 14)), number=1
    )
    earlier = ActionFactory(meeting=MeetingFactory(date=datetime.date(2022, 6, 24)), number=2)
    first = ActionFactory(meeting=earlier.meeting, number=1)

    ordered = list(Action.objects.order_by(*ACTION_ORDER))

    assert ordered == [first, earlier, from_letter, later]


@pytest.mark.django_db
def test_export_names_no_meeting_on_a_date():
    with pytest.raises(CommandError, match=r"^no meeting on 2022-06-24$"):
        run("export_actions", "--meeting", "2022-06-24")


@pytest.mark.django_db
def test_export_asks_for_the_id_when_several_meetings_share_a_date():
    date = datetime.date(2022, 6, 24)
    one = MeetingFactory(date=date)
    two = MeetingFactory(date=date, board=BoardFactory(name="Finance, Change and People"))

    with pytest.raises(CommandError) as error:
        run("export_actions", "--meeting", "2022-06-24")

    assert str(error.value) == f"2 meetings on 2022-06-24: give the id ({one.pk}, {two.pk})"


@pytest.mark.django_db
def test_export_needs_a_meeting_or_all():
    with pytest.raises(CommandError, match="--meeting --all"):
        run("export_actions")


@pytest.mark.django_db
def test_action_rows_take_a_query_a_chunk_and_one_for_its_owners(
    django_assert_num_queries, monkeypatch, mps, mopac
):
    monkeypatch.setattr("actions.export.CHUNK", 5)
    for _ in range(12):
        ActionFactory(owners=[mps, mopac])

    with django_assert_num_queries(4):  # the actions, and the owners of each of 3 chunks
        rows = list(action_rows(Action.objects.order_by(*ACTION_ORDER)))

    assert len(rows) == 12
    assert {row[4] for row in rows} == {"MPS and MOPAC"}


# -- parse_timing --meeting: board-relative timing ----------------------------------------------


@pytest.fixture
def calendar(db):
    board = BoardFactory(name="Performance and Risk Oversight Board")
    source = MeetingFactory(board=board, date=datetime.date(2023, 1, 13))
    MeetingFactory(board=board, date=datetime.date(2023, 3, 10))
    MeetingFactory(board=BoardFactory(name="Other Board"), date=datetime.date(2023, 2, 1))
    return source


@pytest.mark.parametrize("meeting", ["id", "2023-01-13"])
def test_parse_timing_reads_next_board_from_the_meetings_calendar(calendar, meeting):
    value = str(calendar.pk) if meeting == "id" else meeting
    assert run("parse_timing", "By next Board", "--meeting", value) == "2023-03-10\n"


def test_parse_timing_with_a_meeting_still_reads_other_forms_from_its_date(calendar):
    assert run("parse_timing", "within 4 weeks", "--meeting", str(calendar.pk)) == "2023-02-10\n"
    assert run("parse_timing", "w/c 6 March 2023", "--on", "2023-01-13") == "2023-03-10\n"


def test_parse_timing_prints_none_when_the_next_meeting_is_not_yet_scheduled(db):
    lone = MeetingFactory(date=datetime.date(2023, 1, 13))
    assert run("parse_timing", "next meeting", "--meeting", str(lone.pk)) == "none\n"


def test_parse_timing_asks_for_the_meeting_when_next_board_has_none(db):
    with pytest.raises(CommandError, match="give --meeting ID_OR_DATE"):
        run("parse_timing", "By next Board", "--on", "2023-01-13")


def test_parse_timing_refuses_an_unknown_meeting(db):
    with pytest.raises(CommandError, match="no meeting on 2023-01-14"):
        run("parse_timing", "By next Board", "--meeting", "2023-01-14")
