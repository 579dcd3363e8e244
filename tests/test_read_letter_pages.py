"""Reading a letter in the browser's pages: the preview, saving all or nothing, the Annex A
hand-over; and questions shown on their meeting's page and offered to its follow-up letter."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Post, Role
from actions.models import Action
from letters.models import Letter
from questions.models import PerformanceQuestion

from .factories import ActionFactory, LetterFactory, MeetingFactory, QuestionFactory, UserFactory
from .test_read_letter import docx_letter

pytestmark = pytest.mark.django_db

LETTER_TEXT = """\
Dear Mark
Key actions from that discussion were:
- The Deputy Commissioner will discuss, before the end of the year, the options for a hub.
- It was agreed that the MPS and MOPAC will improve the survey.
I would be particularly grateful for your views on the following:
- What is the expected impact of attending all burglaries?
I would be grateful if an update could be provided, by 14 November, to my team on progress.
Yours sincerely,
"""


@pytest.fixture
def letter(mps, mopac):
    meeting = MeetingFactory(date=datetime.date(2022, 10, 14))
    return LetterFactory(meeting=meeting, sender_organisation=mopac, recipient_organisation=mps)


def url(letter):
    return reverse("reading:letter", args=[letter.pk])


def preview(client, letter, **data):
    response = client.post(url(letter), {"read": "1", "text": LETTER_TEXT, **data})
    assert response.status_code == 200
    return response


def save_data(response, **changes) -> dict:
    """What the preview's form posts back, with `changes` ({"items-0-owners": "X"})."""
    formset = response.context["formset"]
    data = {"save": "1", "annex_text": ""}
    data.update({f"{formset.prefix}-{k}": v for k, v in formset.management_form.initial.items()})
    for form in formset.forms:
        for name, value in form.initial.items():
            if name == "keep":
                if value:
                    data[form.add_prefix(name)] = "on"
            else:
                data[form.add_prefix(name)] = value
    return data | changes


def test_the_preview_shows_each_item_with_only_its_own_deadline(client, officer, letter):
    client.force_login(officer)
    response = preview(client, letter)
    items = [
        (heading, form["text"].value(), timing.due_date)
        for heading, form, timing in response.context["items"]
    ]
    assert items == [
        (
            "Action 1",
            "The Deputy Commissioner will discuss, before the end of the year, the "
            "options for a hub.",
            datetime.date(2022, 12, 31),
        ),
        ("Action 2", "It was agreed that the MPS and MOPAC will improve the survey.", None),
        ("Question 1", "What is the expected impact of attending all burglaries?", None),
        (
            "Question 2",
            "I would be grateful if an update could be provided, by 14 November, to "
            "my team on progress.",
            datetime.date(2022, 11, 14),
        ),
    ]
    page = response.content.decode()
    assert "31 December 2022" in page and "14 November 2022" in page
    assert not Action.objects.exists()  # a preview saves nothing


def test_saving_creates_the_actions_on_the_meeting_and_the_questions_on_the_letter(
    client, officer, letter, mps, mopac
):
    client.force_login(officer)
    data = save_data(preview(client, letter), **{"items-0-lead": "Deputy Commissioner"})
    response = client.post(url(letter), data)
    assert response.status_code == 302
    first, second = Action.objects.filter(meeting=letter.meeting).order_by("number")
    assert (first.number, first.lead, first.due_date) == (
        1,
        "Deputy Commissioner",
        datetime.date(2022, 12, 31),
    )
    assert list(first.owners.all()) == [mps]  # the letter's addressee: the usual owner
    assert set(second.owners.all()) == {mps, mopac}  # named in the text
    questions = list(PerformanceQuestion.objects.filter(letter=letter).order_by("number"))
    assert [(q.number, q.put_to, q.response_due) for q in questions] == [
        (1, mps, None),
        (2, mps, datetime.date(2022, 11, 14)),
    ]
    history = first.history.first()
    assert (history.history_user, history.history_change_reason) == (
        officer,
        "Read from the letter",
    )


def test_unticked_items_are_not_saved(client, officer, letter):
    client.force_login(officer)
    data = save_data(preview(client, letter), **{"items-1-text": ""})  # unticked: not checked
    del data["items-1-keep"], data["items-2-keep"]
    assert client.post(url(letter), data).status_code == 302
    assert Action.objects.count() == 1
    assert PerformanceQuestion.objects.count() == 1


def test_one_wrong_item_saves_nothing_and_says_which(client, officer, letter):
    client.force_login(officer)
    data = save_data(
        preview(client, letter), **{"items-3-owners": "Nobody Known", "items-0-text": ""}
    )
    response = client.post(url(letter), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing has been saved: 2 problems to fix" in page
    assert "Unknown organisation &#x27;Nobody Known&#x27;" in page
    assert "Enter the text, or untick this item." in page
    assert not Action.objects.exists() and not PerformanceQuestion.objects.exists()


def test_an_uploaded_docx_with_an_annex_a_table_goes_to_the_annex_a_preview(
    client, officer, letter
):
    client.force_login(officer)
    upload = SimpleUploadedFile("letter.docx", docx_letter())
    response = client.post(url(letter), {"read": "1", "text": "", "document": upload})
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("actions:annex_paste", args=[letter.meeting.pk]) in page
    assert response.context["annex_text"].startswith("No.\tAction\tTiming\tLead")
    # The Annex A rows are left to the Annex A preview; the questions are read here.
    assert [h for h, _, _ in response.context["items"]] == ["Question 1", "Question 2"]
    # The hand-over: the Annex A preview reads the table's rows.
    annex = client.post(
        reverse("actions:annex_paste", args=[letter.meeting.pk]),
        {"preview": "1", "annex": response.context["annex_text"]},
    )
    assert [row.number for row in annex.context["parsed"].rows] == [1, 2]


def test_an_upload_that_cannot_be_read_is_an_error_on_the_field(client, officer, letter):
    client.force_login(officer)
    upload = SimpleUploadedFile("letter.docx", b"not a zip")
    response = client.post(url(letter), {"read": "1", "document": upload})
    assert "not a Word document" in response.content.decode()
    assert response.context["formset"] is None


def test_only_officers_read_letters(client, lead, letter):
    client.force_login(lead)
    assert client.get(url(letter)).status_code in (403, 404)


def test_a_meetings_record_is_read_into_the_meeting(client, officer, mps):
    meeting = MeetingFactory(date=datetime.date(2023, 4, 28))
    client.force_login(officer)
    text = "2.6. The MPS would share with MOPAC its plans (Action 4).\n"
    target = reverse("reading:meeting", args=[meeting.pk])
    response = client.post(target, {"read": "1", "text": text})
    client.post(target, save_data(response))
    [action] = meeting.actions.all()
    assert (action.number, action.text) == (1, "The MPS would share with MOPAC its plans.")


# -- questions on their meeting's page and its follow-up letter --------------------------------


def test_the_meeting_page_lists_its_questions_in_few_queries(
    client, officer, mps, django_assert_max_num_queries
):
    meeting = MeetingFactory()
    for n in range(1, 13):
        QuestionFactory(letter=None, meeting=meeting, number=n, put_to=mps, text=f"Question {n}?")
    letter = LetterFactory(meeting=meeting, recipient_organisation=mps)
    QuestionFactory(letter=letter, number=1, put_to=mps, text="Asked in its letter?")
    QuestionFactory(put_to=mps, text="Asked elsewhere?")
    client.force_login(officer)
    with django_assert_max_num_queries(12):  # as many as for one question
        response = client.get(meeting.get_absolute_url())
    page = response.content.decode()
    assert "Questions put at this meeting or in its letters" in page
    assert all(f"Question {n}?" in page for n in range(1, 13))
    assert "Asked in its letter?" in page and letter.reference in page
    assert "Asked elsewhere?" not in page


def test_a_lead_sees_only_the_questions_put_to_their_organisation(client, lead, mps, other_org):
    meeting = MeetingFactory()
    ActionFactory(meeting=meeting, owners=[mps])  # a lead sees the meetings of their actions
    QuestionFactory(letter=None, meeting=meeting, number=1, put_to=mps, text="To the MPS?")
    QuestionFactory(letter=None, meeting=meeting, number=2, put_to=other_org, text="To the VC?")
    client.force_login(lead)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "To the MPS?" in page and "To the VC?" not in page


def test_the_follow_up_letter_offers_the_meetings_questions(client, officer, mps):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    asked = QuestionFactory(
        letter=None,
        meeting=meeting,
        number=1,
        put_to=mps,
        text="How many schools have an officer?",
        response_timing="",
    )
    QuestionFactory(
        letter=None,
        meeting=meeting,
        number=2,
        put_to=mps,
        text="When will the review end?",
        response_timing="by 30 September 2022",
    )
    client.force_login(officer)
    compose = reverse("documents:letter_compose", args=[meeting.pk])
    page = client.get(compose).content.decode()
    assert "Questions put at the meeting" in page
    assert "How many schools have an officer?" in page
    data = {
        "reference": "MOPAC20072022-D4220",
        "date": "20/07/2022",
        "subject": "Follow-up",
        "recipient": "Sir Stephen House",
        "recipient_organisation": mps.pk,
        "salutation": "Dear Steve",
        "body": "This letter follows up on the meeting.",
        "signatory": "Sophie Linden",
        "signatory_title": "DMPC",
        "questions": [asked.pk, asked.pk + 1],
    }
    assert client.post(compose, data).status_code == 302
    body = Letter.objects.get(meeting=meeting).body
    assert body.endswith(
        "At the meeting the following questions were put to you:\n\n"
        "- How many schools have an officer?\n"
        "- When will the review end? (by 30 September 2022)"
    )


def test_a_lead_is_resolved_through_the_directory_of_posts_as_in_the_paste(
    client, officer, letter, mopac
):
    """The Deputy Commissioner is a post of MOPAC's in the directory here (not the addressee's
    MPS): the preview proposes MOPAC, and the saved action's lead account is the post's holder."""
    holder = UserFactory(username="deputy", role=Role.LEAD, organisation=mopac)
    Post.objects.create(title="Deputy Commissioner", organisation=mopac, holder=holder)
    client.force_login(officer)
    response = preview(client, letter)
    assert response.context["formset"].forms[0].initial["owners"] == "MOPAC"
    assert client.post(url(letter), save_data(response)).status_code == 302
    first = Action.objects.get(meeting=letter.meeting, number=1)
    assert (list(first.owners.all()), first.lead_user) == ([mopac], holder)
