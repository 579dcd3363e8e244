"""The import wizard's forms: the file and meeting, then the column mapping."""

from django import forms

from accounts.models import Organisation
from common.govuk import GovukForm, style_fields
from meetings.models import Meeting

from .importer import FIELD_LABELS, FIELDS
from .readers import MAX_BYTES

REQUIRED = ("number", "text")


class UploadForm(GovukForm):
    meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.select_related("board"),
        label="Meeting the actions were agreed at",
        help_text="Timings are read relative to its date; rows with a No. it already has are "
        "updated",
    )
    default_owner = forms.ModelChoiceField(
        queryset=Organisation.objects.all(),
        to_field_name="short_name",
        required=False,
        label="Owner of rows that name none",
        help_text="For a table without an Owner column, such as an Annex A, whose Leads name "
        "no organisation and no post in the directory of posts. Left empty, the board's usual "
        "owner is assumed, as the preview shows",
    )
    file = forms.FileField(
        label="Spreadsheet",
        help_text="An Excel workbook (.xlsx) or a CSV file, up to 5 MB, with a header row",
        widget=forms.FileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("The file must be smaller than 5 MB.")
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError("Choose an Excel workbook (.xlsx) or a CSV file.")
        return upload


class MappingForm(GovukForm):
    """One select per field, listing the file's header cells."""

    def __init__(self, *args, header: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "Not in this file")] + [
            (str(i), name or f"Column {i + 1} (no heading)") for i, name in enumerate(header)
        ]
        for name in FIELDS:
            self.fields[name] = forms.TypedChoiceField(
                label=f"Column for {FIELD_LABELS[name]}",
                choices=choices,
                coerce=int,
                empty_value=None,
                required=name in REQUIRED,
            )
        style_fields(self)

    def mapping(self) -> dict[str, int | None]:
        return {name: self.cleaned_data.get(name) for name in FIELDS}
