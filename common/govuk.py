"""GOV.UK Design System styling for Django forms, shared by every app's forms, and the one date
field they all use."""

import datetime
import re

from django import forms

_WIDGET_CLASSES = [
    (forms.CheckboxSelectMultiple, "govuk-checkboxes__input"),
    (forms.CheckboxInput, "govuk-checkboxes__input"),
    (forms.RadioSelect, "govuk-radios__input"),
    (forms.Textarea, "govuk-textarea"),
    (forms.SelectMultiple, "govuk-select app-select-multiple"),
    (forms.Select, "govuk-select"),
    (forms.ClearableFileInput, "govuk-file-upload"),
    (forms.FileInput, "govuk-file-upload"),
    (forms.DateInput, "govuk-input govuk-input--width-10"),
    (forms.TextInput, "govuk-input"),
    (forms.PasswordInput, "govuk-input govuk-!-width-two-thirds"),
    (forms.EmailInput, "govuk-input"),
    (forms.URLInput, "govuk-input"),
    (forms.NumberInput, "govuk-input govuk-input--width-5"),
]


DASHES = "---------"  # Django's empty choice, which no page shows


def style_fields(form: forms.BaseForm) -> None:
    """Give every widget its GOV.UK class, and every select's empty choice words."""
    for field in form.fields.values():
        css = next((c for widget, c in _WIDGET_CLASSES if isinstance(field.widget, widget)), "")
        field.widget.attrs["class"] = css
        name_empty_choice(field)


def name_empty_choice(field: forms.Field) -> None:
    """The empty choice of a select as words: "Choose one" where a choice is required,
    "None" where it may be left empty (the label says "(optional)")."""
    words = "Choose one" if field.required else "None"
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == DASHES:
            field.empty_label = words
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
        choices = list(field.choices)
        if any(value == "" and label == DASHES for value, label in choices):
            field.choices = [(v, words if (v, lbl) == ("", DASHES) else lbl) for v, lbl in choices]


def mark_errors(form: forms.BaseForm) -> None:
    """After validation: the error style on invalid inputs. Django's own aria-describedby links
    each input to its hint (`id_X_helptext`) and its error (`id_X_error`), the ids that
    templates/includes/field.html gives them."""
    for name in form.errors:
        if name not in form.fields:
            continue
        widget = form.fields[name].widget
        css = widget.attrs.get("class", "")
        kind = next((k for k in ("select", "textarea", "file-upload") if k in css), "input")
        error_class = f"govuk-{kind}--error"
        widget.attrs["class"] = f"{css} {error_class}".strip()


class _Govuk:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)

    def full_clean(self):
        super().full_clean()
        mark_errors(self)


class GovukForm(_Govuk, forms.Form):
    pass


class GovukModelForm(_Govuk, forms.ModelForm):
    pass


# The dates people type, as the app prints them and as papers write them: 12 January 2023,
# 12 Jan 2023, 12/01/2023 (day first) and 2023-01-12. Not the locale's formats, which for en-GB
# take "12/01/23" and refuse "12 January 2023".
DATE_INPUT_FORMATS = ("%d %B %Y", "%d %b %Y", "%d/%m/%Y", "%Y-%m-%d")
DATE_HINT = "For example, 12 January 2023 or 12/01/2023"
_ORDINAL = re.compile(r"(?<=[0-9])(?:st|nd|rd|th)\b", re.IGNORECASE)
_SEPT = re.compile(r"\bsept\b", re.IGNORECASE)


class DateField(forms.DateField):
    """A date as people write it (`DATE_INPUT_FORMATS`; also "12th", "Sept", a comma or extra
    spaces), shown back as the app prints dates: "12 January 2023". Every form's date, and the
    list filters' (common.filter_widgets.DateFilter), is this field."""

    input_formats = DATE_INPUT_FORMATS
    default_error_messages = {"invalid": f"Enter a real date. {DATE_HINT}"}

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(format="%-d %B %Y"))
        kwargs.setdefault("help_text", DATE_HINT)
        super().__init__(**kwargs)

    def strptime(self, value: str, format: str) -> datetime.date:
        plain = " ".join(_SEPT.sub("Sep", _ORDINAL.sub("", value.replace(",", " "))).split())
        return datetime.datetime.strptime(plain, format).date()
