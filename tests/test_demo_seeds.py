"""The demo matches the seed papers item by item, one class per seed: what each paper records,
with the dates it gives them, and nothing it does not give (a reference, a date) filled in.

The demo is loaded once for the module, inside a transaction rolled back at the end.
"""

# ruff: noqa: E501, RUF001 -- texts are the seeds' own, one item a line.

import datetime

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Organisation
from actions.models import Action
from demo.loader import load_demo
from letters.models import Letter
from meetings.models import Board, Meeting
from recommendations.models import Recommendation, Report

from .documents_pdf import pdf_text

PROB = "Performance and Risk Oversight Board"
FCPOB = "Finance, Change and People Oversight Board"
COMMITTEE = "Police and Crime Committee"
D = datetime.date


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo(password=None)
        yield
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def meeting(date: datetime.date, board: str = PROB) -> Meeting:
    return Meeting.objects.get(board__name=board, date=date)


def history_days(obj) -> list[datetime.date]:
    """The days of the record's history rows, oldest first, as London reads them."""
    rows = obj.history.order_by("history_date", "history_id")
    return [timezone.localdate(row.history_date) for row in rows]


def attendees(record: Meeting) -> list[tuple]:
    return [
        (a.name, a.title, a.organisation.short_name, a.absent)
        for a in record.attendees.order_by("position")
    ]


class TestSeed000DmpcLetterAfterOctober2022Board:
    """Seed 000: the DMPC's letter after the board of 14 October 2022."""

    @pytest.fixture
    def letter(self):
        return Letter.objects.get(meeting=meeting(D(2022, 10, 14)))

    def test_the_meeting_has_the_people_the_letter_names_and_the_commissioner_absent(self):
        board = meeting(D(2022, 10, 14))

        assert board.status == Meeting.Status.HELD
        assert attendees(board) == [
            ("Sophie Linden", "Deputy Mayor for Policing and Crime", "MOPAC", False),
            ("Victims’ Commissioner for London", "", "VC", False),
            ("Deputy Commissioner", "", "MPS", False),
            ("DAC Jane Connors", "", "MPS", False),
            ("Commander Nick Johns", "", "MPS", False),
            ("Sir Mark Rowley", "Commissioner of Police of the Metropolis", "MPS", True),
        ]
        assert history_days(board) == [D(2022, 10, 14)]

    def test_the_letter_has_no_reference_and_is_dated_by_its_board(self, letter):
        assert letter.reference == ""
        assert letter.label == "Letter of 14 October 2022"
        assert letter.date == D(2022, 10, 14)
        assert letter.salutation == "Dear Mark"
        assert history_days(letter) == [D(2022, 10, 14)]

    def test_seven_key_actions_as_printed_recorded_on_the_board_date(self):
        actions = Action.objects.filter(meeting=meeting(D(2022, 10, 14))).order_by("number")

        assert [a.number for a in actions] == [1, 2, 3, 4, 5, 6, 7]
        assert actions[0].text == (
            "MPS will share with MOPAC the slides setting out the work of Project Peel. The "
            "Deputy Mayor and MOPAC were invited to visit the Project Peel team."
        )
        assert actions[6].text.startswith(
            "The Deputy Commissioner agreed that the MPS recommendations log"
        )
        assert [(a.timing, a.due_date) for a in actions] == [("", None)] * 3 + [
            ("before the end of the year", D(2022, 12, 31))
        ] + [("", None)] * 3
        for action in actions:
            assert history_days(action) == [D(2022, 10, 14)] * 2  # the action, then its owners
            assert action.created_at.date() == D(2022, 10, 14)

    def test_only_the_update_on_the_mayors_action_plan_is_due_by_14_november(self, letter):
        questions = list(letter.questions.order_by("number"))

        assert len(questions) == 13
        assert questions[0].text == (
            "What is the expected performance impact of the Met’s commitment to attend all "
            "residential burglaries?"
        )
        assert questions[9].text == "That cases are being properly identified and investigated."
        update = questions[12]
        assert "an update provided separately, by 14 November, to my team" in update.text
        assert (update.response_timing, update.response_due) == ("by 14 November", D(2022, 11, 14))
        assert {(q.response_timing, q.response_due) for q in questions[:12]} == {("", None)}
        assert {day for q in questions for day in history_days(q)} == {D(2022, 10, 14)}

    def test_the_peel_findings_the_letter_reports_in_its_words(self):
        peel = Report.objects.get(kind=Report.Kind.INSPECTION)
        findings = list(peel.recommendations.order_by("pk"))

        assert [f.text for f in findings] == [
            "HMICFRS identified “a barely adequate standard of crime recording accuracy”, particularly in relation to anti-social behaviour.",
            "HMICFRS identified “performance falling far short of national standards for the handling of emergency and non-emergency calls” as one of the key concerns leading to the MPS entering the Engage phase.",
            "The PEEL report identified three areas for improvement for the MPS in relation to Crime Data Integrity.",
            "HMICFRS identified a “failure to record the grounds for [stop and search] in sufficient detail” as an area of concern.",
            "HMICFRS raised concerns around public protection and RUI and bail.",
            "HMICFRS raised concerns in relation to “the absence of an effective personal annual appraisal system”.",
            "HMICFRS raised concerns in relation to “an insufficient understanding of the force’s training requirements”.",
            "HMICFRS raised concerns in relation to a “failure to optimise the productivity of MPS resources and assets, including failure to effectively manage the force’s digital programme, fleet and estate”.",
            "HMICFRS raised concerns in relation to “the lack of a detailed understanding of capacity and capability across all aspects of policing, and an insufficiently comprehensive understanding of demand”.",
        ]
        assert {(f.reference, f.kind, f.owner.short_name) for f in findings} == {
            ("", Recommendation.Kind.FINDING, "MPS")
        }
        assert history_days(findings[0]) == [peel.published_on]

    def test_the_next_finance_board_is_recorded_by_the_letter(self):
        ahead = meeting(D(2023, 1, 24), FCPOB)

        assert ahead.status == Meeting.Status.SCHEDULED
        assert history_days(ahead) == [D(2022, 10, 14)]


class TestSeed001MayorsReplyOf3May2019:
    """Seed 001: the Mayor's reply to the Police and Crime Committee's letter of 19 March 2019."""

    def test_the_reply_answers_the_committees_letter_which_has_no_reference(self):
        reply = Letter.objects.get(reference="MGLA190319-8293")
        asked = reply.in_reply_to

        assert reply.date == D(2019, 5, 3)
        assert (asked.reference, asked.date, asked.body) == ("", D(2019, 3, 19), "")
        assert asked.sender_organisation.short_name == COMMITTEE
        assert "MAYOR OF LONDON" not in reply.body
        assert history_days(reply) == [D(2019, 5, 3)]
        assert history_days(asked) == [D(2019, 3, 19)]

    def test_the_four_recommendations_each_with_the_mayors_answer(self):
        report = Report.objects.get(kind=Report.Kind.COMMITTEE, published_on=D(2019, 3, 19))
        recommendations = list(report.recommendations.order_by("reference"))
        reply = Letter.objects.get(reference="MGLA190319-8293")

        assert report.body.short_name == COMMITTEE
        assert [(r.reference, r.text) for r in recommendations] == [
            (
                "1",
                "An assessment of how wider changes, such as the introduction of the crime assessment policy, more telephone investigations and the increase in the volume and complexity of crime, may be impacting on the success of local priorities, and how this can be mitigated.",
            ),
            ("2", "An assessment of falling victim satisfaction."),
            ("3", "The transparency of data, including sanction detections (SDs)."),
            (
                "4",
                "Actions to improve the awareness and understanding of Londoners about the local priority approach.",
            ),
        ]
        answers = [r.response for r in recommendations]
        assert answers[0].startswith("Your letter requests an assessment of how wider changes")
        assert answers[0].endswith(
            "this will, of course, include discussion of the wider factors affecting recorded crime."
        )
        assert answers[1].startswith(
            "Your second recommendation calls for an assessment of falling victim satisfaction."
        )
        assert answers[2].startswith(
            "Regarding the transparency of data, including sanction detections (SDs)"
        )
        assert answers[2].endswith("must go hand in hand with detecting crimes.")
        assert answers[3].startswith("The fourth recommendation asks for actions")
        assert answers[3].endswith("as planned.")
        assert all(answer in reply.body for answer in answers)
        for recommendation in recommendations:
            assert recommendation.response_letter == reply
            assert history_days(recommendation) == [D(2019, 3, 19), D(2019, 5, 3)]


class TestSeed002LetterOf20July2022AndAnnexA:
    """Seed 002: the DMPC's letter of 20 July 2022 and its Annex A."""

    def test_annex_a_as_printed_recorded_on_the_board_date(self):
        actions = Action.objects.filter(meeting=meeting(D(2022, 6, 24))).order_by("number")

        assert list(actions.values_list("number", "timing", "lead")) == [
            (1, "October 2022", "MPS"),
            (2, "August 2022", "MPS"),
            (3, "August 2022", "MPS"),
            (4, "October 2022", "MPS"),
            (5, "", "MPS"),
            (6, "August 2022", "MPS"),
            (7, "August 2022", "MPS"),
            (8, "August 2022", "MPS"),
            (9, "August/Sept 2022", "MPS"),
            (10, "August 2022", "MPS"),
            (11, "December 2022", "MPS"),
            (12, "", "MPS and MOPAC"),
            (13, "August 2022", "MPS"),
            (14, "Completed", "MPS"),
            (15, "", "MPS and MOPAC"),
        ]
        assert (
            actions.get(number=14).text
            == "MPS undertook to provide MOPAC with their SSO report by 27 June."
        )
        for action in actions.exclude(number=14):
            assert history_days(action) == [D(2022, 6, 24)] * 2
            assert action.status == Action.Status.OPEN

    def test_no_14_is_completed_by_the_letter_of_20_july_2022(self):
        done = Action.objects.get(meeting=meeting(D(2022, 6, 24)), number=14)

        assert done.status == Action.Status.CLOSED
        assert timezone.localdate(done.closed_at) == D(2022, 7, 20)
        assert done.created_at.date() == D(2022, 6, 24)
        assert (done.original_timing, done.due_date) == ("", None)
        assert history_days(done) == [D(2022, 6, 24)] * 2 + [D(2022, 7, 20)] * 2
        assert "MOPAC14072022-D4220" in done.history.latest().history_change_reason
        assert [timezone.localdate(u.created_at) for u in done.updates.all()] == [D(2022, 7, 20)]
        revision = done.timing_revisions.get()
        assert (revision.timing_after, revision.changed_by) == ("Completed", None)
        assert timezone.localdate(revision.changed_at) == D(2022, 7, 20)

    def test_the_letter_and_the_meeting_it_names(self):
        letter = Letter.objects.get(reference="MOPAC14072022-D4220")

        assert letter.date == D(2022, 7, 20)
        assert letter.meeting == meeting(D(2022, 6, 24))
        assert history_days(letter) == [D(2022, 7, 20)]
        assert history_days(meeting(D(2022, 7, 19), FCPOB)) == [D(2022, 7, 20)]


class TestSeed003RecordOf28April2023:
    """Seed 003: the record of the board of 28 April 2023."""

    def test_attendees_and_minutes_as_printed(self):
        record = meeting(D(2023, 4, 28))
        people = attendees(record)

        assert len(people) == 14
        assert people[0] == (
            "Sophie Linden",
            "Deputy Mayor for Policing and Crime (DMPC)",
            "MOPAC",
            False,
        )
        assert people[-1][0] == "Alexis Boon"
        assert not any(person[3] for person in people)
        assert record.minute_items.count() == 15
        assert history_days(record) == [D(2023, 4, 28)]

    def test_seven_actions_and_action_3_has_no_date(self):
        actions = meeting(D(2023, 4, 28)).actions.order_by("number")

        assert [a.number for a in actions] == [1, 2, 3, 4, 5, 6, 7]
        quickly = actions.get(number=3)
        assert "respond as quickly as possible" in quickly.text
        assert (quickly.timing, quickly.due_date) == ("", None)
        assert actions.get(number=6).due_date == D(2023, 6, 30)
        for action in actions:
            assert history_days(action) == [D(2023, 4, 28)] * 2

    def test_the_meetings_it_names_are_recorded_by_it(self):
        assert history_days(meeting(D(2023, 2, 10))) == [D(2023, 4, 28)]
        assert history_days(meeting(D(2023, 6, 30), FCPOB)) == [D(2023, 4, 28)]


class TestSeed004CommitteeResponseToTheTurnaroundPlan:
    """Seed 004: the Police and Crime Committee's letter of 17 March 2023 (MDA 1486)."""

    @pytest.fixture
    def asks(self):
        report = Report.objects.get(
            title="Police and Crime Committee response to the MPS Turnaround Plan 2023-2025"
        )
        return list(report.recommendations.order_by("pk"))

    def test_the_letter_has_no_reference_and_the_committee_is_not_pcc(self):
        letter = Letter.objects.get(date=D(2023, 3, 17))

        assert letter.reference == ""
        assert letter.sender_organisation.short_name == COMMITTEE
        assert history_days(letter) == [D(2023, 3, 17)]
        assert history_days(meeting(D(2023, 2, 22), COMMITTEE)) == [D(2023, 3, 17)]

    def test_every_ask_whole_sentences_bold_and_plain(self, asks):
        body = " ".join(Letter.objects.get(date=D(2023, 3, 17)).body.split())
        texts = [r.text for r in asks]

        assert len(texts) == 32
        assert texts[0] == (
            "While the Committee welcomes this commitment, it believes further detail on "
            "timescales and how the Met will report on these measures of success is needed to "
            "allow for effective monitoring and scrutiny of the Met's reform."
        )
        assert (
            texts[-1]
            == "The Committee asks that the Met ensures the Board is open and transparent and publishes regular updates on its work."
        )
        # Bold text that starts mid-sentence is given its whole sentence.
        assert (
            "We hope that the Met will use the final Turnaround Plan as an opportunity to help support and strengthen the role of SNBs."
            in texts
        )
        assert (
            "We therefore urge you to progress the work you are doing with the College of Policing and national leads as swiftly as possible to ensure the Met is well equipped with specialist expertise to better protect victims and bring more perpetrators to justice."
            in texts
        )
        assert (
            "We also urge you to ensure the Met removes corrupt officers at pace and takes every opportunity to tell Londoners about this work."
            in texts
        )
        # Plain-text recommendations are there too.
        assert (
            "We recommend that children in these cases must be seen first and foremost as victims."
            in texts
        )
        assert (
            "The Committee asks that the Met ensures the final Turnaround Plan provides sufficient focus on online crimes, including fraud."
            in texts
        )
        for text in texts:
            assert text[0].isupper() and text.endswith((".", '".'))
            assert text in body
        assert {(r.reference, r.kind, r.owner.short_name) for r in asks} == {
            ("", Recommendation.Kind.RECOMMENDATION, "MPS")
        }
        assert {day for r in asks for day in history_days(r)} == {D(2023, 3, 17)}


def test_no_organisation_or_board_of_the_demo_is_called_pcc():
    assert not Organisation.objects.filter(short_name="PCC").exists()
    assert not Board.objects.filter(short_name="PCC").exists()


class TestPagesShowWhatThePapersGive:
    """The meeting and letter pages, and their PDFs, with what a paper gives and no more."""

    def test_the_meeting_page_lists_who_attended_and_who_did_not(self, client, officer):
        client.force_login(officer)

        page = client.get(meeting(D(2022, 10, 14)).get_absolute_url()).content.decode()

        attended, absent = page.split("Did not attend", 1)
        assert "DAC Jane Connors" in attended and "Sir Mark Rowley" not in attended
        assert "Sir Mark Rowley, Commissioner of Police of the Metropolis (MPS)" in absent

    def test_the_record_pdf_lists_who_did_not_attend(self, client, officer):
        client.force_login(officer)
        # The papers give no minutes of 14 October 2022, and a meeting without minute items
        # has no record; 28 April 2023 has its minutes, so one of its attendees is made absent.
        no_minutes = meeting(D(2022, 10, 14))
        with_minutes = meeting(D(2023, 4, 28))
        with_minutes.attendees.filter(name="Sir Mark Rowley").update(absent=True)

        missing = client.get(reverse("documents:meeting_record", args=[no_minutes.pk]))
        response = client.get(reverse("documents:meeting_record", args=[with_minutes.pk]))

        assert missing.status_code == 404
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        attended, absent = pdf_text(response.content).split("Did not attend", 1)
        assert "Dame Lynne Owens" in attended and "Sir Mark Rowley" not in attended
        assert "Sir Mark Rowley, Commissioner (MPS)" in absent

    def test_a_letter_without_a_reference_is_named_by_its_date(self, client, officer):
        client.force_login(officer)
        letter = Letter.objects.get(meeting=meeting(D(2022, 10, 14)))

        page = client.get(letter.get_absolute_url()).content.decode()
        listing = client.get(reverse("letters:list")).content.decode()
        annex = client.get(reverse("documents:letter_annex", args=[letter.pk]))
        preview = client.get(reverse("documents:letter_preview", args=[letter.pk])).content.decode()

        assert "<title>Letter of 14 October 2022" in page
        assert ">Letter of 14 October 2022</a>" in listing
        assert "annex-a-letter-2022-10-14.pdf" in annex["Content-Disposition"]
        assert "Our ref" not in preview

    def test_a_recommendation_shows_the_answer_and_its_letter(self, client, officer):
        client.force_login(officer)
        answered = Recommendation.objects.get(reference="2", response_letter__isnull=False)

        page = client.get(answered.get_absolute_url()).content.decode()

        assert "Your second recommendation calls for an assessment" in page
        assert ">MGLA190319-8293</a>, 3 May 2019" in page
