"""The letter form for officers, with its optional PDF."""

from django import forms
from django.core.exceptions import ValidationError

from common.govuk import DateField, GovukModelForm
from common.optimistic import VersionedForm
from letters.models import Letter
from meetings.models import Meeting

from .workflow import register_statuses

PDF_MAX_BYTES = 10 * 1024 * 1024


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


class LetterForm(VersionedForm, GovukModelForm):
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
            "recipient",
            "recipient_organisation",
            "cc",
            "subject",
            "meeting",
            "in_reply_to",
            "body",
            "pdf",
            "response_due",
        ]
        widgets = {
            "cc": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.select_related("board")
        replies_to = Letter.objects.only("reference", "subject")
        if self.instance.pk:
            replies_to = replies_to.exclude(pk=self.instance.pk)
        self.fields["in_reply_to"].queryset = replies_to
        # The letter's own status and those an officer may set here (letters/workflow.py):
        # publishing is done item by item on the publication page, with a date.
        offered = register_statuses(self.instance.status)
        self.fields["status"].choices = [c for c in Letter.Status.choices if c[0] in offered]
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
