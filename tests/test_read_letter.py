"""Reading a letter: the actions and questions each seed records, with its deadlines where the
letter puts them; letters written here in the same styles, as text, .docx and PDF; the limits."""

# ruff: noqa: RUF001 -- the seeds' own typographic quotes

import datetime
import io
import json
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command

from reading.deadlines import find_deadline
from reading.documents import MAX_BYTES, Unreadable, extract
from reading.letter import read_paper

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def seed(number: str) -> str:
    return next(SEEDS.glob(f"{number}_*.txt")).read_text()


def read_seed(number: str, date: str) -> dict:
    return read_paper(seed(number), datetime.date.fromisoformat(date)).as_json()


# -- the seeds ----------------------------------------------------------------------------------


def test_seed_000_key_actions_with_their_leads_and_one_deadline():
    actions = read_seed("000", "2022-10-14")["actions"]
    assert [a["lead"] for a in actions] == [
        "MPS",
        "Deputy Commissioner",
        "Victims’ Commissioner",
        "Deputy Commissioner, Deputy Mayor and the Victims' Commissioner",
        "MPS and MOPAC",
        "Deputy Commissioner",
        "Deputy Commissioner",
    ]
    assert actions[0]["text"].startswith("MPS will share with MOPAC the slides")
    assert actions[3]["timing"] == "before the end of the year"
    assert actions[3]["due_date"] == "2022-12-31"
    assert [a["due_date"] for i, a in enumerate(actions) if i != 3] == [None] * 6


def test_seed_000_thirteen_questions_and_by_14_november_only_on_the_update():
    questions = read_seed("000", "2022-10-14")["questions"]
    assert len(questions) == 13
    assert questions[0]["text"] == (
        "What is the expected performance impact of the Met’s commitment to attend all "
        "residential burglaries?"
    )
    assert questions[9]["text"] == "That cases are being properly identified and investigated."
    update = questions[12]
    assert update["text"].startswith("MOPAC’s paper to the Board set out my areas of concern")
    assert update["text"].endswith(
        "an update provided separately, by 14 November, to my team on progress."
    )
    assert (update["timing"], update["due_date"]) == ("by 14 November", "2022-11-14")
    assert all(q["timing"] == "" and q["due_date"] is None for q in questions[:12])
    # The web page's footer after the signature is not a question.
    assert not any("accessible format" in q["text"] for q in questions)


def test_seed_001_the_mayors_reply_records_no_action_and_asks_nothing():
    assert read_seed("001", "2019-05-03") == {"actions": [], "questions": []}


def test_seed_002_annex_a_rows_with_their_timing_column():
    reading = read_seed("002", "2022-07-20")
    actions = reading["actions"]
    assert len(actions) == 15
    assert actions[0]["text"].startswith("MPS to complete evaluation of engagement work")
    assert (actions[0]["timing"], actions[0]["due_date"]) == ("October 2022", "2022-10-31")
    assert (actions[8]["timing"], actions[8]["due_date"]) == ("August/Sept 2022", "2022-09-30")
    assert (actions[13]["timing"], actions[13]["due_date"]) == ("Completed", None)
    assert actions[11]["lead"] == "MPS and MOPAC"
    assert (actions[4]["timing"], actions[4]["due_date"]) == ("", None)
    # Its requests in the prose are the Annex A rows 3, 7 and 8: not read twice as questions.
    assert reading["questions"] == []


def test_seed_003_minute_actions_one_to_seven():
    reading = read_paper(seed("003"), datetime.date(2023, 4, 28))
    assert [a.number for a in reading.actions] == [1, 2, 3, 4, 5, 6, 7]
    actions = reading.as_json()["actions"]
    assert actions[0]["text"].endswith(
        "The MPS would update MOPAC on the outcome of this work once it was completed."
    )
    assert actions[1]["text"].startswith("The Deputy Mayor requested that before detailed")
    # "respond as quickly as possible" is no date; the end of the financial year is the aim
    # for the PCSOs, in another sentence: Action 3 has no deadline.
    assert actions[2]["text"].startswith("The MPS would consider the feasibility")
    assert (actions[2]["timing"], actions[2]["due_date"]) == ("", None)
    assert (actions[5]["timing"], actions[5]["due_date"]) == ("30 June 2023", "2023-06-30")
    assert actions[6]["text"] == (
        "MPS and MOPAC to discuss how they align on what is needed for addressing the low trust "
        "and confidence that LGBTQ+ communities have in the MPS, and the next steps."
    )
    assert [a["lead"] for a in actions] == ["MPS"] * 4 + ["MPS and MOPAC", "MPS", "MPS and MOPAC"]
    assert reading.questions == []


def test_seed_004_the_committees_letter_makes_recommendations_not_actions():
    # Its form's "Is there a part 2 form? NO" is not a question either.
    assert read_seed("004", "2023-03-17") == {"actions": [], "questions": []}


# -- letters in the same styles ------------------------------------------------------------------

LETTER = """\
Dear Mark
We met on 3 March. Key actions from that discussion were:
- MPS will share with MOPAC the custody audit by 30 April 2023.
- The Director of Professionalism undertook to review vetting appeals.
On stop and search, I would be grateful if you could set out, by 31 May 2023, the following:
- How many searches led to an arrest in the last quarter?
- What training supervisors receive.
I also note that 13 November is the anniversary of the plan.
What is the MPS doing about call handling?
I would be grateful for responses to the remaining questions in this letter by 30 June 2023.
Yours sincerely,
Sophie Linden
"""


def test_a_deadline_governs_only_what_it_is_written_in():
    reading = read_paper(LETTER, datetime.date(2023, 3, 10)).as_json()
    actions, questions = reading["actions"], reading["questions"]
    assert [(a["lead"], a["due_date"]) for a in actions] == [
        ("MPS", "2023-04-30"),
        ("Director of Professionalism", None),
    ]
    assert [(q["text"], q["timing"], q["due_date"]) for q in questions] == [
        ("How many searches led to an arrest in the last quarter?", "by 31 May 2023", "2023-05-31"),
        ("What training supervisors receive.", "by 31 May 2023", "2023-05-31"),
        ("What is the MPS doing about call handling?", "by 30 June 2023", "2023-06-30"),
    ]


def test_prose_actions_are_read_when_there_is_no_list():
    text = "It was agreed that the MPS will brief the Board on 12 June 2023. Thank you."
    [action] = read_paper(text, datetime.date(2023, 5, 1)).actions
    assert (action.lead, action.timing, action.due_date) == (
        "MPS",
        "12 June 2023",
        datetime.date(2023, 6, 12),
    )


@pytest.mark.parametrize(
    ("sentence", "timing", "due"),
    [
        (
            "an update provided separately, by 14 November, to my team",
            "by 14 November",
            datetime.date(2022, 11, 14),
        ),
        (
            "will discuss, before the end of the year, the options",
            "before the end of the year",
            datetime.date(2022, 12, 31),
        ),
        ("to the Board meeting on 30 June 2023.", "30 June 2023", datetime.date(2023, 6, 30)),
        ("report back by the next Board", "by the next Board", None),
    ],
)
def test_deadlines_found_in_a_sentence(sentence, timing, due):
    found = find_deadline(sentence, datetime.date(2022, 10, 14))
    assert (found.timing, found.due_date) == (timing, due)


@pytest.mark.parametrize(
    "sentence",
    [
        "13 November will be the two-year anniversary",
        "in early August, the MPS informed us",
        "by 31 February 2023",
    ],
)
def test_dates_in_passing_are_not_deadlines(sentence):
    assert find_deadline(sentence, datetime.date(2022, 10, 14)) is None


# -- .docx and PDF ----------------------------------------------------------------------------


def docx_letter() -> bytes:
    document = docx.Document()
    document.add_paragraph("Dear Steve")
    document.add_paragraph("A number of actions were agreed, set out in Annex A.")
    document.add_paragraph("I would be particularly grateful for your views on the following:")
    document.add_paragraph("How will the plan be resourced?", style="List Bullet")
    document.add_paragraph("When will it be evaluated?", style="List Bullet")
    document.add_paragraph("Yours sincerely,")
    document.add_paragraph("Annex A")
    table = document.add_table(rows=1, cols=4)
    for cell, title in zip(table.rows[0].cells, ("No.", "Action", "Timing", "Lead"), strict=True):
        cell.text = title
    for row in (
        ("1", "MPS to share the SSO report.", "August 2022", "MPS"),
        ("2", "MPS and MOPAC to align reviews.", "", "MPS and MOPAC"),
    ):
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_docx_with_an_annex_a_table():
    extracted = extract("letter.docx", docx_letter())
    assert extracted.annex_table.splitlines()[0] == "No.\tAction\tTiming\tLead"
    reading = read_paper(extracted.text, datetime.date(2022, 7, 20), extracted.annex_table)
    assert [(a.number, a.text, a.due_date, a.lead) for a in reading.actions] == [
        (1, "MPS to share the SSO report.", datetime.date(2022, 8, 31), "MPS"),
        (2, "MPS and MOPAC to align reviews.", None, "MPS and MOPAC"),
    ]
    assert [q.text for q in reading.questions] == [
        "How will the plan be resourced?",
        "When will it be evaluated?",
    ]


def pdf_letter() -> bytes:
    from weasyprint import HTML

    html = (
        "<p style='width: 9cm'>We met on 14 October and I would be particularly grateful for "
        "your views, by 14 November 2022, on the following:</p><ul>"
        "<li>What is the expected performance impact of attending all residential "
        "burglaries?</li><li>How will the attendance be resourced?</li></ul>"
        "<p>Key actions from that discussion were:</p><ul><li>MPS will share the Project Peel "
        "slides with MOPAC.</li></ul>"
    )
    return HTML(string=html).write_pdf()


def test_a_text_pdf():
    extracted = extract("letter.pdf", pdf_letter())
    reading = read_paper(extracted.text, datetime.date(2022, 10, 14)).as_json()
    assert [(q["text"], q["due_date"]) for q in reading["questions"]] == [
        (
            "What is the expected performance impact of attending all residential burglaries?",
            "2022-11-14",
        ),
        ("How will the attendance be resourced?", "2022-11-14"),
    ]
    assert [a["text"] for a in reading["actions"]] == [
        "MPS will share the Project Peel slides with MOPAC."
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("letter.exe", b"MZ", "must be a .docx"),
        ("letter.txt", b"x" * (MAX_BYTES + 1), "larger than"),
        ("letter.docx", b"not a zip", "not a Word document"),
        ("letter.pdf", b"%PDF-1.4 nonsense", "not a PDF"),
    ],
)
def test_uploads_that_cannot_be_read_are_refused_with_a_reason(name, data, message):
    with pytest.raises(Unreadable, match=message):
        extract(name, data)


# -- the command --------------------------------------------------------------------------------


def run(*args) -> dict:
    out = io.StringIO()
    call_command("read_letter", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize(
    ("number", "date", "actions", "questions"),
    [
        ("000", "2022-10-14", 7, 13),
        ("001", "2019-05-03", 0, 0),
        ("002", "2022-07-20", 15, 0),
        ("003", "2023-04-28", 7, 0),
        ("004", "2023-03-17", 0, 0),
    ],
)
def test_read_letter_on_each_seed(number, date, actions, questions):
    result = run(str(next(SEEDS.glob(f"{number}_*.txt"))), "--date", date)
    assert (len(result["actions"]), len(result["questions"])) == (actions, questions)
    for item in result["actions"]:
        assert set(item) == {"text", "timing", "due_date", "lead"}
    for item in result["questions"]:
        assert set(item) == {"text", "timing", "due_date"}


def test_read_letter_reads_a_docx_and_a_pdf(tmp_path):
    (tmp_path / "letter.docx").write_bytes(docx_letter())
    (tmp_path / "letter.pdf").write_bytes(pdf_letter())
    assert len(run(str(tmp_path / "letter.docx"), "--date", "2022-07-20")["actions"]) == 2
    assert run(str(tmp_path / "letter.pdf"), "--date", "2022-10-14")["actions"][0]["lead"] == "MPS"


@pytest.mark.django_db
def test_read_letter_refuses_a_bad_date_and_an_unknown_meeting(tmp_path):
    letter = tmp_path / "l.txt"
    letter.write_text("Hello")
    with pytest.raises(CommandError, match="not a date"):
        run(str(letter), "--date", "14/10/2022")
    with pytest.raises(CommandError, match="no meeting"):
        run(str(letter), "--date", "2022-10-14", "--meeting", "999")
