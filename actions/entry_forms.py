"""Forms for adding a meeting's actions fast: several rows at once, or a pasted Annex A."""

from django import forms
from django.core.exceptions import ValidationError

from accounts.fields import OwnersField
from accounts.models import Organisation
from accounts.posts import Directory, resolve_lead
from common.formsets import MAX_ROWS, RowStyle
from common.govuk import GovukForm
from meetings.models import Board

from .annex import MAX_TEXT, ActionRow, number_errors

_OWNER = "Choose at least one owner organisation."
_NO_OWNER = (
    "Choose the owner organisation: '{lead}' names none and is not in the directory of posts."
)


class ActionRowForm(RowStyle, forms.Form):
    number = forms.IntegerField(label="No.", min_value=1, max_value=100_000)
    text = forms.CharField(
        label="Action", max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3})
    )
    timing = forms.CharField(
        label="Timing", required=False, max_length=200, help_text="As written: August 2022"
    )
    lead = forms.CharField(label="Lead (person or post)", required=False, max_length=200)
    owners = OwnersField(
        label="Owners",
        required=False,
        help_text="Leave empty to take them from the Lead: an organisation it names, or the "
        "post's organisation in the directory of posts",
    )
    forum = forms.ModelChoiceField(
        label="For discussion at",
        queryset=Board.objects.filter(is_active=True),
        required=False,
        empty_label="Not set",
    )

    def row(self) -> ActionRow:
        data = self.cleaned_data
        return ActionRow(
            number=data["number"],
            text=data["text"].strip(),
            timing=data["timing"].strip(),
            lead=data["lead"].strip(),
            owners=list(data["owners"]),
            forum=data["forum"],
        )


class BaseActionRowFormSet(forms.BaseFormSet):
    """Rows left untouched are skipped; numbers are prefilled and must be new in the meeting."""

    def __init__(self, *args, first_number=1, existing_numbers=(), directory=None, **kwargs):
        self.first_number = first_number
        self.existing_numbers = set(existing_numbers)
        self.directory = directory or Directory({})
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"initial": {"number": self.first_number + index}}

    def filled_forms(self):
        return [form for form in self.forms if form.has_changed() and form.is_valid()]

    def clean(self):
        if any(self.errors):
            return
        forms_by_row = [(form, form.row()) for form in self.filled_forms()]
        if not forms_by_row:
            raise ValidationError("Fill in at least one action.")
        number_errors([row for _, row in forms_by_row], self.existing_numbers, "form")
        for form, row in forms_by_row:
            for error in row.errors:
                form.add_error("number", error)
            if not row.owners and not self._resolve(row).owners:
                form.add_error("owners", _NO_OWNER.format(lead=row.lead) if row.lead else _OWNER)

    def _resolve(self, row: ActionRow):
        """Owners from the Lead (never the board's usual owner: this form has no preview to
        confirm an assumption) and the lead's account, by `accounts.posts.resolve_lead`."""
        return resolve_lead(row.lead, directory=self.directory, usual_owner=None)

    def rows(self) -> list[ActionRow]:
        rows = []
        for form in self.filled_forms():
            row = form.row()
            resolution = self._resolve(row)
            row.lead_user = resolution.lead_user
            if not row.owners:
                row.owners, row.owner_source = resolution.owners, resolution.source
            rows.append(row)
        return rows


ActionRowFormSet = forms.formset_factory(
    ActionRowForm, formset=BaseActionRowFormSet, extra=3, max_num=MAX_ROWS, validate_max=True
)


class AnnexPasteForm(forms.Form):
    annex = forms.CharField(
        label="Paste the Annex A table",
        help_text="Copy the table from Word or Excel, with the columns No., Action, Timing, Lead. "
        "The header row is optional.",
        widget=forms.Textarea(attrs={"rows": 12, "class": "govuk-textarea", "spellcheck": "false"}),
        max_length=200_000,
        strip=False,
        error_messages={"required": "Paste at least one row of the Annex A table."},
    )


class PostOwnerForm(GovukForm):
    """The owner an officer confirms, in the paste preview, for a post not in the directory."""

    title = forms.CharField(widget=forms.HiddenInput, max_length=200)
    owner = forms.ModelChoiceField(queryset=Organisation.objects.all(), label="Owner")
    record = forms.BooleanField(
        required=False, initial=True, label="Add this post to the directory of posts"
    )


PostOwnerFormSet = forms.formset_factory(PostOwnerForm, extra=0, max_num=MAX_ROWS)
