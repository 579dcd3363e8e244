"""The letter form for officers, with its optional PDF."""

from django import forms
from django.core.exceptions import ValidationError

from common.govuk import DateField, GovukForm, GovukModelForm
from common.optimistic import VersionedForm
from letters.models import Letter, SendingBody, default_sending_body
from meetings.models import Meeting

from .workflow import register_statuses

PDF_MAX_BYTES = 10 * 1024 * 1024
BODY_HELP = (
    "Markdown: a blank line between paragraphs; ## for a heading; **bold**; a line starting "
    "with - or 1. for a list; [^1] for a footnote, its text on a line of its own: [^1]: Source"
)


def validate_pdf(upload) -> None:
    """A PDF by name and by content, no bigger than PDF_MAX_BYTES."""
    if upload.size > PDF_MAX_BYTES:
        raise ValidationError("The PDF must be smaller than 10 MB.")
    if not upload.name.lower().endswith(".pdf"):
        raise ValidationError("The file must be a PDF.")
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError("The file must be a PDF.")


def offer_register_statuses(field, status: str) -> None:
    """The letter's own status and those an officer may set in the register
    (letters/workflow.py): publishing is done on the publication page, with a date."""
    offered = register_statuses(status)
    field.choices = [choice for choice in Letter.Status.choices if choice[0] in offered]


class LetterStatusForm(VersionedForm, GovukModelForm):
    """A recorded letter's status, changed as its own step (letters.services.letter_set_status)."""

    class Meta:
        model = Letter
        fields = ["status"]
        labels = {"status": "Status"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_register_statuses(self.fields["status"], self.instance.status)


class KeepsSendingBody:
    """A letter form's "sending body": a select that starts on the letter's own (MOPAC's for a
    new letter); a post without it keeps that one."""

    def clean_sending_body(self):
        chosen = self.cleaned_data.get("sending_body")
        if chosen is not None:
            return chosen
        return SendingBody.objects.get(pk=self.instance.sending_body_id or default_sending_body())


class LetterForm(VersionedForm, KeepsSendingBody, GovukModelForm):
    date = DateField(label="Date of the letter")
    response_due = DateField(label="Response due", required=False)
    pdf = forms.FileField(
        label="Attach the letter as a PDF",
        required=False,
        help_text="PDF only, up to 10 MB. Replaces any PDF already attached.",
        widget=forms.FileInput(attrs={"accept": "application/pdf"}),
    )
    remove_pdf = forms.BooleanField(label="Remove the attached PDF", required=False)

    class Meta:
        model = Letter
        fields = [
            "reference",
            "date",
            "direction",
            "status",
            "sender",
            "sender_organisation",
            "sending_body",
            "recipient",
            "recipient_organisation",
            "cc",
            "subject",
            "meeting",
            "in_reply_to",
            "salutation",
            "body",
            "signatory",
            "signatory_title",
            "signature",
            "annex_lists_meeting_actions",
            "pdf",
            "response_due",
        ]
        widgets = {
            "cc": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {"body": BODY_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sending_body"].required = False
        self.fields["meeting"].queryset = Meeting.objects.select_related("board")
        replies_to = Letter.objects.only("reference", "subject")
        if self.instance.pk:
            replies_to = replies_to.exclude(pk=self.instance.pk)
        self.fields["in_reply_to"].queryset = replies_to
        if self.instance.pk:  # a recorded letter's status changes on its own page only
            del self.fields["status"]
        else:
            offer_register_statuses(self.fields["status"], self.instance.status)
        if not self.instance.pdf:
            del self.fields["remove_pdf"]

    def clean_pdf(self):
        upload = self.cleaned_data.get("pdf")
        if upload and hasattr(upload, "content_type"):
            validate_pdf(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        reply_to = cleaned.get("in_reply_to")
        if reply_to and self.instance.pk:
            ancestor, steps = reply_to, 0
            while ancestor is not None and steps < 50:
                if ancestor.pk == self.instance.pk:
                    self.add_error("in_reply_to", "A letter cannot reply to one of its replies.")
                    break
                ancestor, steps = ancestor.in_reply_to, steps + 1
        return cleaned

    def save(self, commit=True):
        letter = super().save(commit=False)
        if self.cleaned_data.get("remove_pdf") and not self.files.get("pdf"):
            letter.pdf = ""
        return letter


class UndoSentForm(GovukForm):
    """Why a sent letter goes back to draft: kept in its history."""

    reason = forms.CharField(
        label="Why does the letter go back to draft?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the letter's history. The copy stored when it was sent is deleted.",
        error_messages={"required": "Enter why the letter goes back to draft"},
    )
