"""The two steps of reading a letter: paste or upload it; then tick, edit and complete items."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict

from accounts.owners import read_owners
from actions.annex import MAX_LEAD, MAX_TEXT, MAX_TIMING
from common.govuk import GovukForm

from .documents import MAX_BYTES, Unreadable, extract

MAX_ITEMS = 200
MAX_PASTE = 100_000


class ReadForm(GovukForm):
    """The letter's text pasted, or its file."""

    text = forms.CharField(
        label="Paste the letter's text",
        required=False,
        max_length=MAX_PASTE,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Everything from the salutation to the signature, and its Annex A if it has one",
    )
    document = forms.FileField(
        label="Or upload the letter",
        required=False,
        help_text=f"A Word document (.docx), a PDF with text, or a .txt file; at most "
        f"{MAX_BYTES // (1024 * 1024)} MB",
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("document")
        if upload:
            if upload.size > MAX_BYTES:
                raise ValidationError({"document": "The file is larger than 5 MB."})
            try:
                cleaned["extracted"] = extract(upload.name, upload.read(MAX_BYTES + 1))
            except Unreadable as error:
                raise ValidationError({"document": str(error)}) from None
        elif not (cleaned.get("text") or "").strip():
            raise ValidationError({"text": "Paste the letter's text or upload its file."})
        return cleaned


class ItemForm(GovukForm):
    """One action or question as read, for the officer to keep or not, edit and complete."""

    ACTION, QUESTION = "action", "question"

    kind = forms.ChoiceField(
        choices=[(ACTION, "Action"), (QUESTION, "Question")], widget=forms.HiddenInput
    )
    keep = forms.BooleanField(label="Save this one", required=False)
    text = forms.CharField(
        label="Text",
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the text, or untick this item."},
    )
    timing = forms.CharField(
        label="Deadline as written",
        max_length=MAX_TIMING,
        required=False,
        help_text="Blank when the letter gives none",
    )
    lead = forms.CharField(label="Lead (person or post)", max_length=MAX_LEAD, required=False)
    owners = forms.CharField(
        label="Owner organisations",
        max_length=200,
        error_messages={"required": "Name the organisation, for example MPS."},
        help_text="Short names, for example MPS or MPS and MOPAC",
    )

    def __init__(self, *args, organisations=None, **kwargs):
        self.organisations = organisations or {}
        super().__init__(*args, **kwargs)
        if self.initial.get("kind", self.data.get(self.add_prefix("kind"))) == self.QUESTION:
            self.fields["owners"].label = "Put to"
            self.fields["owners"].help_text = "One organisation's short name, for example MPS"

    def _clean_fields(self):
        """An unticked item is not checked: it will not be saved."""
        super()._clean_fields()
        if not self.cleaned_data.get("keep"):
            self._errors = ErrorDict()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("keep") or "owners" not in cleaned:
            return cleaned
        found = read_owners(cleaned.get("owners") or "", self.organisations)
        if found.unknown:
            self.add_error("owners", f"Unknown organisation '{found.unknown[0]}'.")
        elif not found.owners:
            self.add_error("owners", self.fields["owners"].error_messages["required"])
        elif cleaned.get("kind") == self.QUESTION and len(found.owners) > 1:
            self.add_error("owners", "A question is put to one organisation.")
        cleaned["organisations"] = found.owners
        return cleaned


class BaseItemFormSet(forms.BaseFormSet):
    def __init__(self, *args, organisations=None, **kwargs):
        self.organisations = organisations
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"organisations": self.organisations}

    def kept(self) -> list[dict]:
        return [form.cleaned_data for form in self.forms if form.cleaned_data.get("keep")]

    def clean(self):
        if not any(self.errors) and not self.kept():
            raise ValidationError("Tick at least one action or question to save.")


ItemFormSet = forms.formset_factory(
    ItemForm,
    formset=BaseItemFormSet,
    extra=0,
    max_num=MAX_ITEMS,
    validate_max=True,
    absolute_max=MAX_ITEMS,
)
