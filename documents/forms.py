"""The follow-up letter form, and the board filter of the overdue report."""

import datetime
import re

from django import forms

from accounts.models import Organisation
from common.as_at import HINT as AS_AT_HINT
from common.as_at import LABEL as AS_AT_LABEL
from common.as_at import PastDateField
from common.govuk import DateField, GovukForm, GovukModelForm
from common.optimistic import VersionedForm
from letters.forms import BODY_HELP, KeepsSendingBody
from letters.models import Letter
from letters.services import letter_save_draft, suggest_reference
from meetings.models import Board, Meeting

# MOPAC's references: MOPAC, the date as ddmmyyyy, "-D" and a number: MOPAC14072022-D4220.
REFERENCE_PATTERN = re.compile(r"^MOPAC(\d{2})(\d{2})(\d{4})-D(\d{1,6})$")
BODY_MAX_LENGTH = 20_000
BLOCK_MAX_LENGTH = 1_000


def letter_initial(meeting: Meeting, today: datetime.date) -> dict:
    """A new letter's starting point: the last letter's addressee and signatory, a reference,
    and an opening paragraph naming the meeting."""
    previous = (
        Letter.objects.filter(direction=Letter.Direction.OUT)
        .exclude(signatory="")
        .order_by("-date", "-pk")
        .first()
    )
    initial = {
        "reference": suggest_reference(today),
        "date": today,
        "subject": f"Follow-up to the {meeting.board.name} meeting on {meeting.date:%-d %B %Y}",
        "recipient_organisation": Organisation.objects.filter(short_name="MPS").first(),
        "body": (
            f"This letter follows up on the {meeting.board.name} meeting we held on "
            f"{meeting.date:%-d %B}.\n\n"
            "A number of actions were agreed at the meeting, and these are set out in Annex A."
        ),
    }
    if previous:
        for name in ("recipient", "recipient_organisation", "addressee_block", "salutation"):
            initial[name] = getattr(previous, name)
        initial["sending_body"] = previous.sending_body_id
        initial["signatory"] = previous.signatory
        initial["signatory_title"] = previous.signatory_title
        initial["cc"] = previous.cc
    return initial


class LetterForm(VersionedForm, KeepsSendingBody, GovukModelForm):
    """A follow-up letter, composed by an officer from a meeting. Every field has a length limit."""

    date = DateField(label="Date of the letter")
    addressee_block = forms.CharField(
        label="Address block",
        max_length=BLOCK_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=(
            "As printed at the top of the letter: name, title, organisation, postal address, email"
        ),
    )
    body = forms.CharField(
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=BODY_HELP,
    )
    salutation = forms.CharField(max_length=100, help_text="For example, Dear Steve")
    signatory = forms.CharField(max_length=200)
    signatory_title = forms.CharField(label="Signatory's title", max_length=200)
    cc = forms.CharField(
        label="Copied to (cc)",
        max_length=BLOCK_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Letter
        fields = [
            "sending_body",
            "reference",
            "date",
            "subject",
            "recipient",
            "recipient_organisation",
            "addressee_block",
            "salutation",
            "body",
            "signatory",
            "signatory_title",
            "cc",
        ]
        labels = {
            "recipient": "Addressee",
            "recipient_organisation": "Addressee's organisation",
            "sending_body": "Sent under the letterhead of",
        }
        help_texts = {
            "reference": "MOPAC's format: MOPAC, the date as ddmmyyyy, -D and a number",
            "recipient": "Name and title, for example Sir Stephen House QPM, Acting Commissioner",
            "subject": "Used as the title of the PDF",
        }

    questions = forms.ModelMultipleChoiceField(
        label="Questions put at the meeting",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Ticked questions are added to the end of the letter's text as a list, with "
        "their deadlines; a question already in the text is not added again",
    )

    def __init__(
        self,
        *args,
        sender_organisation: Organisation | None,
        meeting: Meeting | None = None,
        **kwargs,
    ):
        # Set before the base class styles the fields, which validates a bound form.
        self.sender_organisation = sender_organisation
        super().__init__(*args, **kwargs)
        # The meeting's questions, through the relation the questions app declares.
        offered = meeting.questions.order_by("number") if meeting is not None else None
        if offered is None or not offered.exists():
            del self.fields["questions"]
        else:
            self.fields["questions"].queryset = offered
            self.fields["questions"].label_from_instance = _question_choice
        self.fields["sending_body"].required = False

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip()
        match = REFERENCE_PATTERN.match(reference)
        if not match:
            raise forms.ValidationError(
                "Enter a reference in MOPAC's format, for example MOPAC14072022-D4220"
            )
        day, month, year = (int(part) for part in match.groups()[:3])
        try:
            datetime.date(year, month, day)
        except ValueError:
            raise forms.ValidationError("The date in the reference is not a real date") from None
        return reference

    def clean(self):
        cleaned = super().clean()
        if self.sender_organisation is None:
            raise forms.ValidationError(
                "Your account has no organisation to send the letter from; ask an administrator"
            )
        return cleaned

    def save_draft(self, *, meeting: Meeting, by) -> Letter:
        """Save as a draft follow-up letter of the meeting, sent by the signatory, with the
        ticked questions added to its text.

        Raises IllegalTransition if the letter is no longer a draft, StaleEdit if it was saved
        since the form was opened (letters.services)."""
        letter = self.save(commit=False)
        letter.body = with_questions(letter.body, self.cleaned_data.get("questions") or [])
        letter.meeting = meeting
        letter.direction = Letter.Direction.OUT
        letter.sender = ", ".join(filter(None, [letter.signatory, letter.signatory_title]))
        letter.sender_organisation = self.sender_organisation
        if letter.created_by_id is None:
            letter.created_by = by
        return letter_save_draft(letter, by=by, expected_version=self.expected_version)


QUESTIONS_INTRODUCTION = "At the meeting the following questions were put to you:"


def _question_choice(question) -> str:
    due = f" (response {question.response_timing})" if question.response_timing else ""
    return f"{question.number}. {question.text}{due}"


def with_questions(body: str, questions) -> str:
    """The letter's text with the questions it does not yet contain as a list ("- " lines, the
    letter's list syntax), each with its deadline as written."""
    new = [q for q in questions if q.text.strip() not in body]
    if not new:
        return body
    lines = [
        f"- {q.text.strip()}" + (f" ({q.response_timing})" if q.response_timing else "")
        for q in new
    ]
    return f"{body.rstrip()}\n\n{QUESTIONS_INTRODUCTION}\n\n" + "\n".join(lines)


class OverdueReportForm(GovukForm):
    """Which board the overdue report is for (blank: every board)."""

    board = forms.ModelChoiceField(
        queryset=Board.objects.filter(is_active=True),
        required=False,
        empty_label="All boards",
        help_text="The report lists what is overdue or due before this board's next meeting",
    )
    as_at = PastDateField(required=False, label=AS_AT_LABEL, help_text=AS_AT_HINT)
