"""Forms for adding a meeting's actions fast: several rows at once, or a pasted Annex A."""

from django import forms
from django.core.exceptions import ValidationError

from accounts.fields import OwnersField
from common.formsets import MAX_ROWS, RowStyle
from meetings.models import Board

from .annex import MAX_TEXT, ActionRow, number_errors


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
        label="Owners", error_messages={"required": "Choose at least one owner organisation."}
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

    def __init__(self, *args, first_number=1, existing_numbers=(), **kwargs):
        self.first_number = first_number
        self.existing_numbers = set(existing_numbers)
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

    def rows(self) -> list[ActionRow]:
        return [form.row() for form in self.filled_forms()]


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
