"""The deadline parser keeps the written text, derives the due date and never guesses."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actions.timing import Timing, TimingKind, parse_timing

pytestmark = []

D = datetime.date
LETTER = D(2022, 10, 14)  # the date of the meeting or letter, unless a test says otherwise


def dated(text: str, written_on: D = LETTER) -> D:
    result = parse_timing(text, written_on)
    assert result.kind is TimingKind.DATED, result.reason
    return result.due_date


# One test per row of the table in the module docstring.


@pytest.mark.parametrize("text", ["August 2022", "Aug 2022", "in August 2022", "august 2022."])
def test_month_and_year_is_due_on_the_last_day_of_that_month(text):
    assert dated(text) == D(2022, 8, 31)


@pytest.mark.parametrize(
    "text",
    ["August/Sept 2022", "Aug-Sep 2022", "August to September 2022", "Aug / Sep 2022"],
)
def test_month_range_is_due_at_the_end_of_the_later_month(text):
    assert dated(text) == D(2022, 9, 30)


@pytest.mark.parametrize(
    ("text", "written_on", "due"),
    [
        ("by 14 November", D(2022, 10, 14), D(2022, 11, 14)),
        ("by 14 November", D(2022, 11, 14), D(2022, 11, 14)),
        ("by 14 November", D(2022, 11, 15), D(2023, 11, 14)),
        ("1st March", D(2022, 10, 14), D(2023, 3, 1)),
        ("29 February", D(2023, 3, 1), D(2024, 2, 29)),
    ],
)
def test_day_and_month_without_year_is_the_next_occurrence_on_or_after_writing(
    text, written_on, due
):
    assert dated(text, written_on) == due


@pytest.mark.parametrize(
    "text",
    [
        "14 November 2022",
        "14th Nov 2022",
        "November 14, 2022",
        "Nov 14th 2022",
        "14/11/2022",
        "2022-11-14",
        "no later than 14 November 2022",
        "due 14 Nov. 2022",
    ],
)
def test_full_date_in_any_common_uk_form_is_that_date(text):
    assert dated(text) == D(2022, 11, 14)


@pytest.mark.parametrize(
    "text",
    ["before the end of the year", "by the end of the year", "end of year", "By end of year."],
)
def test_end_of_year_is_31_december_of_the_year_written(text):
    assert dated(text, D(2022, 2, 3)) == D(2022, 12, 31)


@pytest.mark.parametrize(
    ("text", "written_on", "due"),
    [
        ("by the end of the financial year", D(2022, 7, 20), D(2023, 3, 31)),
        ("end of financial year", D(2023, 2, 10), D(2023, 3, 31)),
        ("end of FY", D(2023, 4, 1), D(2024, 3, 31)),
        ("End of FY", D(2023, 3, 31), D(2023, 3, 31)),
    ],
)
def test_end_of_financial_year_is_the_next_31_march(text, written_on, due):
    assert dated(text, written_on) == due


@pytest.mark.parametrize(
    ("text", "due"),
    [("Q3 2023", D(2023, 9, 30)), ("Q1 2024", D(2024, 3, 31)), ("end of Q4 2023", D(2023, 12, 31))],
)
def test_calendar_quarter_is_due_at_the_end_of_that_quarter(text, due):
    assert dated(text) == due


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Q1 2023/24", D(2023, 6, 30)),
        ("Q2 2023/24", D(2023, 9, 30)),
        ("Q3 2023/24", D(2023, 12, 31)),
        ("Q3 2023-24", D(2023, 12, 31)),
        ("Q4 2023/24", D(2024, 3, 31)),
        ("Q4 2023/2024", D(2024, 3, 31)),
        ("Q4 2099/00", D(2100, 3, 31)),
    ],
)
def test_financial_quarter_is_due_at_the_end_of_that_april_to_march_quarter(text, due):
    assert dated(text) == due


@pytest.mark.parametrize(
    ("text", "written_on", "due"),
    [
        ("end of November", D(2022, 10, 14), D(2022, 11, 30)),
        ("November", D(2022, 11, 30), D(2022, 11, 30)),
        ("November", D(2022, 12, 1), D(2023, 11, 30)),
        ("Sept", D(2022, 10, 14), D(2023, 9, 30)),
        ("by the end of February", D(2023, 1, 5), D(2023, 2, 28)),
    ],
)
def test_month_without_year_is_the_end_of_the_next_such_month(text, written_on, due):
    assert dated(text, written_on) == due


@pytest.mark.parametrize("text", ["Completed", "Complete", "done", "COMPLETED.", " Done "])
def test_completed_has_no_due_date_and_completed_kind(text):
    assert parse_timing(text, LETTER) == Timing(text, TimingKind.COMPLETED, None)


@pytest.mark.parametrize("text", ["", "   ", "\n", None, "Ongoing", "N/A", "-"])
def test_placeholder_means_no_deadline_and_no_due_date(text):
    result = parse_timing(text, LETTER)
    assert (result.kind, result.due_date) == (TimingKind.NO_DEADLINE, None)


@pytest.mark.parametrize("text", ["TBC", "tbd", "TBA.", "To be confirmed", "date TBC"])
def test_tbc_is_its_own_kind_with_no_date_yet(text):
    result = parse_timing(text, LETTER)
    assert (result.kind, result.due_date, result.reason) == (TimingKind.TBC, None, "")


# The forms the papers write (issue 15), each with the date it gives; written on 1 Feb 2023.
PAPERS = D(2023, 2, 1)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("w/c 6 March 2023", D(2023, 3, 10)),  # a Monday: that week's Friday
        ("week commencing 6 March 2023", D(2023, 3, 10)),
        ("W/C 6/3/2023", D(2023, 3, 10)),
        ("w/c 10 March 2023", D(2023, 3, 10)),  # a Friday itself
        ("w/c 6 March", D(2023, 3, 10)),  # no year: the next 6 March
        ("Mid-March 2023", D(2023, 3, 15)),
        ("mid March 2023", D(2023, 3, 15)),
        ("by mid-March", D(2023, 3, 15)),
        ("End Feb 2023", D(2023, 2, 28)),
        ("end of Feb 2024", D(2024, 2, 29)),
        ("Early March 2023", D(2023, 3, 10)),
        ("start of March 2023", D(2023, 3, 10)),
        ("Late March 2023", D(2023, 3, 31)),
        ("late April 2023", D(2023, 4, 30)),
        ("Spring 2023", D(2023, 5, 31)),
        ("Summer 2023", D(2023, 8, 31)),
        ("Autumn 2023", D(2023, 11, 30)),
        ("Winter 2023", D(2024, 2, 29)),  # December 2023 to February 2024
        ("Winter 2022/23", D(2023, 2, 28)),
        ("by Spring", D(2023, 5, 31)),
        ("Winter", D(2023, 2, 28)),  # the winter not yet over
        ("within 4 weeks", D(2023, 3, 1)),
        ("within 10 days", D(2023, 2, 11)),
        ("within 2 months", D(2023, 4, 1)),
        ("within a month", D(2023, 3, 1)),
        ("in two weeks", D(2023, 2, 15)),
        ("By next Board (10 February 2023)", D(2023, 2, 10)),
        ("next meeting (10/02/2023)", D(2023, 2, 10)),
        ("End Feb 2023 (TBC)", D(2023, 2, 28)),
    ],
)
def test_the_papers_timing_forms_give_the_date_stated(text, due):
    assert dated(text, PAPERS) == due


def test_within_months_ends_on_the_months_last_day_when_it_has_no_such_day():
    assert dated("within 1 month", D(2023, 1, 31)) == D(2023, 2, 28)


@pytest.mark.parametrize(
    ("text", "board"),
    [
        ("By next Board", ""),
        ("next meeting", ""),
        ("by the next Board", ""),
        ("By the next board meeting.", ""),
        ("the next Oversight Board", ""),
        ("By next Board (TBC)", ""),
        ("at the next DMPC-AC Professionalism meeting", "dmpc-ac professionalism"),
        ("for the next Performance and Risk Oversight Board", "performance and risk oversight"),
    ],
)
def test_next_meeting_is_left_to_the_boards_calendar_naming_the_board_if_any(text, board):
    result = parse_timing(text, PAPERS)
    assert (result.kind, result.due_date, result.board) == (TimingKind.NEXT_MEETING, None, board)


@pytest.mark.parametrize(
    ("text", "reason_says"),
    [
        ("soon", "no date found in 'soon'"),
        ("Spring 23", "ambiguous"),
        ("31 February 2023", "not a real date"),
        ("31/02/2023", "not a real date"),
        ("14/11/22", "ambiguous"),
        ("Aug 22", "ambiguous"),
        ("Q3 22", "ambiguous"),
        ("Q3 2023/25", "not one financial year"),
        ("Dec/Jan 2023", "out of order"),
        ("by", "no date found"),
        ("the year", "no date found"),
    ],
)
def test_anything_else_is_unreadable_with_a_reason_and_never_guessed(text, reason_says):
    result = parse_timing(text, LETTER)
    assert (result.kind, result.due_date) == (TimingKind.UNREADABLE, None)
    assert reason_says in result.reason
    assert "\n" not in result.reason


def test_text_is_kept_exactly_as_written_not_even_stripped():
    text = "  by 14 November.\n"
    assert parse_timing(text, LETTER) == Timing(text, TimingKind.DATED, D(2022, 11, 14))


def test_written_on_may_be_a_datetime():
    assert dated("November", datetime.datetime(2022, 12, 1, 9, 30)) == D(2023, 11, 30)


# Properties.

WRITTEN_ON = st.dates()
DEADLINE_LIKE = st.lists(
    st.sampled_from(
        [
            "by",
            "end of",
            "the",
            "year",
            "FY",
            "Q3",
            "2023",
            "/24",
            "-",
            "14",
            "th",
            "Nov",
            "Sept",
            "/",
            "29",
            "Feb",
            "0",
            "9999",
            "99",
            ",",
            ".",
            " ",
            "to",
            "Completed",
            "TBC",
            "\u00a0",
        ]
    ),
    max_size=8,
).map("".join)


@given(st.one_of(st.text(), DEADLINE_LIKE), WRITTEN_ON)
def test_any_text_parses_without_raising_and_keeps_the_text(text, written_on):
    result = parse_timing(text, written_on)
    assert result.text == text
    assert isinstance(result.kind, TimingKind)


@given(st.one_of(st.text(), DEADLINE_LIKE), WRITTEN_ON)
def test_only_dated_results_have_a_due_date_and_only_unreadable_ones_a_reason(text, written_on):
    result = parse_timing(text, written_on)
    assert (result.due_date is not None) == (result.kind is TimingKind.DATED)
    assert bool(result.reason) == (result.kind is TimingKind.UNREADABLE)


@pytest.mark.parametrize(
    "fmt", ["%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d %Y", "%d/%m/%Y", "%Y-%m-%d", "%-d %B %Y"]
)
@given(due=st.dates(D(2000, 1, 1), D(2100, 12, 31)), written_on=WRITTEN_ON)
def test_any_full_date_reads_back_as_itself_whenever_written(fmt, due, written_on):
    assert parse_timing(due.strftime(fmt), written_on).due_date == due


# Written before 2101: near year 9999 there is no "next" 14 November to fall on.
@given(
    due=st.dates(D(2000, 1, 1), D(2100, 12, 31)),
    written_on=st.dates(D(2000, 1, 1), D(2100, 12, 31)),
)
def test_day_and_month_without_year_falls_on_or_after_writing_and_matches(due, written_on):
    result = dated(due.strftime("by %d %B"), written_on)
    assert (result.day, result.month) == (due.day, due.month)
    assert (
        written_on
        <= result
        < written_on + datetime.timedelta(days=366 if due.day < 29 else 8 * 366)
    )


@given(text=DEADLINE_LIKE, written_on=WRITTEN_ON)
def test_case_and_surrounding_whitespace_do_not_change_the_reading(text, written_on):
    plain, noisy = parse_timing(text, written_on), parse_timing(f" \t{text.upper()}  ", written_on)
    assert (plain.kind, plain.due_date) == (noisy.kind, noisy.due_date)
