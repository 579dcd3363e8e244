"""render_annex, render_letter and bench_documents from the command line."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from actions.models import Action
from letters.models import Letter
from meetings.models import Meeting

from .documents_pdf import pdf_text, squashed
from .factories import ActionFactory, BoardFactory, LetterFactory, MeetingFactory


@pytest.fixture
def meeting(mps):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    ActionFactory(meeting=meeting, number=2, text="Second action.", owners=[mps])
    ActionFactory(meeting=meeting, number=1, text="First action.", timing="Completed", owners=[mps])
    return meeting


@pytest.mark.parametrize("which", ["id", "date"])
def test_render_annex_writes_the_annex_of_a_meeting_by_id_or_date(meeting, tmp_path, which):
    output = tmp_path / "annex.pdf"
    value = str(meeting.pk) if which == "id" else "2022-06-24"

    call_command("render_annex", "--meeting", value, "-o", str(output), stdout=io.StringIO())

    text = squashed(pdf_text(output.read_bytes()))
    assert text.index("1Firstaction.CompletedMPS") < text.index("2Secondaction.")
    assert "Status" not in text


def test_render_annex_can_add_the_status_column(meeting, tmp_path):
    output = tmp_path / "annex.pdf"

    call_command(
        "render_annex",
        "--meeting",
        str(meeting.pk),
        "--status",
        "-o",
        str(output),
        stdout=io.StringIO(),
    )

    assert "Status" in pdf_text(output.read_bytes())


def test_render_annex_says_when_no_meeting_matches(db, tmp_path):
    with pytest.raises(CommandError, match="no meeting on 2022-06-24"):
        call_command("render_annex", "--meeting", "2022-06-24", "-o", str(tmp_path / "a.pdf"))


def test_render_annex_says_when_several_meetings_match(meeting, tmp_path):
    MeetingFactory(board=BoardFactory(name="Finance Board"), date=datetime.date(2022, 6, 24))

    with pytest.raises(CommandError, match="2 meetings on 2022-06-24: give the id"):
        call_command("render_annex", "--meeting", "2022-06-24", "-o", str(tmp_path / "a.pdf"))
    assert not (tmp_path / "a.pdf").exists()


def test_render_letter_writes_the_letter_with_its_annex_and_leaves_it_unchanged(meeting, tmp_path):
    letter = LetterFactory(
        reference="MOPAC14072022-D4220",
        meeting=meeting,
        body="Thank you.",
        salutation="Dear Steve",
        signatory="Sophie Linden",
        status=Letter.Status.DRAFT,
    )
    output = tmp_path / "letter.pdf"

    call_command(
        "render_letter", "--letter", "MOPAC14072022-D4220", "-o", str(output), stdout=io.StringIO()
    )

    text = squashed(pdf_text(output.read_bytes()))
    assert (
        text.index("Ourref:MOPAC14072022-D4220") < text.index("AnnexA") < text.index("1Firstaction")
    )
    letter.refresh_from_db()
    assert letter.status == Letter.Status.DRAFT
    assert not letter.pdf


def test_render_letter_says_when_the_reference_is_unknown(db, tmp_path):
    with pytest.raises(CommandError, match="no letter with reference 'MOPAC-NOPE'"):
        call_command("render_letter", "--letter", "MOPAC-NOPE", "-o", str(tmp_path / "l.pdf"))


def test_bench_documents_prints_both_timings_and_saves_nothing(db):
    out = io.StringIO()

    call_command("bench_documents", "--sizes", "3", "--repeat", "1", stdout=out)

    lines = out.getvalue().splitlines()
    assert "Annex A wall/CPU (s)" in lines[0]
    assert lines[1].split()[0] == "3"
    assert "Goals:" in lines[-1]
    assert not Meeting.objects.exists()
    assert not Action.objects.exists()
