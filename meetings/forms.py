"""Forms for meetings (with attendees and minute items) and for adding actions fast.

Formsets grow without JavaScript: the "Add another row" button posts the formset back and
`with_another_row` returns it with one more empty form, showing no errors yet.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

from accounts.fields import OwnersField
from common.govuk import DateField, GovukModelForm

from .annex import MAX_TEXT, ActionRow, number_errors
from .models import Attendee, Board, Meeting, MinuteItem

ADD_ROW = "add_row"  # name of the submit button that adds a row
MAX_ROWS = 50


class MeetingForm(GovukModelForm):
    date = DateField(label="Date of the meeting")

    class Meta:
        model = Meeting
        fields = ["board", "date", "focus", "status"]
        labels = {"focus": "Focus of the meeting"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board"].empty_label = "Choose a board"
        self.fields["board"].queryset = Board.objects.filter(is_active=True) | Board.objects.filter(
            pk=getattr(self.instance, "board_id", None)
        )


class MeetingStatusForm(GovukModelForm):
    class Meta:
        model = Meeting
        fields = ["status"]
        widgets = {"status": forms.RadioSelect}


class RowStyle:
    """A row of a table of forms: GOV.UK classes on the widgets (the template marks errors)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for bound in self:
            widget = bound.field.widget
            if bound.help_text:
                widget.attrs.setdefault("aria-describedby", f"{bound.auto_id}-hint")
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
                widget.attrs.setdefault("class", "govuk-checkboxes__input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "govuk-select")
            elif isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("class", "govuk-textarea")
            elif not isinstance(widget, forms.HiddenInput):
                widget.attrs.setdefault("class", "govuk-input")


class AttendeeForm(RowStyle, forms.ModelForm):
    class Meta:
        model = Attendee
        fields = ["name", "title", "organisation"]
        labels = {"title": "Title or post"}


class MinuteItemForm(RowStyle, forms.ModelForm):
    class Meta:
        model = MinuteItem
        fields = ["number", "heading", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"number": "Minute No."}

    def save(self, commit=True):
        """Keep minute items in the order of their numbers: 2.3 before 10.1."""
        parts = [*re.findall(r"[0-9]+", self.instance.number)[:2], "0", "0"]
        self.instance.position = min(int(parts[0]), 99_999) * 1000 + min(int(parts[1]), 999)
        return super().save(commit)


AttendeeFormSet = forms.inlineformset_factory(
    Meeting, Attendee, form=AttendeeForm, extra=1, can_delete=True, max_num=MAX_ROWS
)
MinuteItemFormSet = forms.inlineformset_factory(
    Meeting, MinuteItem, form=MinuteItemForm, extra=1, can_delete=True, max_num=MAX_ROWS
)


def with_another_row(formset_class, data, prefix, new_row=None, **kwargs):
    """The posted formset again, with one more form, holding `new_row(index)`'s values if given.

    Templates show no errors for it: the officer has not finished filling it in.
    """
    data = data.copy()
    total_key = f"{prefix}-TOTAL_FORMS"
    try:
        total = min(int(data.get(total_key) or 0), MAX_ROWS - 1)
    except ValueError:
        total = 0
    data[total_key] = str(total + 1)
    for name, value in (new_row(total) if new_row else {}).items():
        data[f"{prefix}-{total}-{name}"] = str(value)
    return formset_class(data, prefix=prefix, **kwargs)


# -- several actions at once -------------------------------------------------------------------


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


def error_links(*forms_and_formsets) -> list[tuple[str, str]]:
    """(field id, message) for every error of the forms and formsets given, for the summary."""
    links = []
    for item in forms_and_formsets:
        if isinstance(item, forms.BaseFormSet):
            links += [("", error) for error in item.non_form_errors()]
            for form in item.forms:
                links += error_links(form)
            continue
        links += [("", error) for error in item.non_field_errors()]
        row = (item.prefix or "").rsplit("-", 1)[-1]
        where = f"Row {int(row) + 1}, " if row.isdigit() else ""
        for field in item:
            links += [(field.id_for_label, f"{where}{field.label}: {e}") for e in field.errors]
    return links
