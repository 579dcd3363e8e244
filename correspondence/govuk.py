"""GOV.UK Design System styling for Django forms, shared by the register, questions and log."""

from django import forms

_WIDGET_CLASSES = [
    (forms.CheckboxSelectMultiple, "govuk-checkboxes__input"),
    (forms.RadioSelect, "govuk-radios__input"),
    (forms.Textarea, "govuk-textarea"),
    (forms.SelectMultiple, "govuk-select app-select-multiple"),
    (forms.Select, "govuk-select"),
    (forms.ClearableFileInput, "govuk-file-upload"),
    (forms.FileInput, "govuk-file-upload"),
    (forms.DateInput, "govuk-input govuk-input--width-10"),
    (forms.TextInput, "govuk-input"),
    (forms.NumberInput, "govuk-input govuk-input--width-5"),
]


def style_fields(form: forms.BaseForm) -> None:
    """Give every widget its GOV.UK class, and mark invalid inputs for assistive technology."""
    for name, field in form.fields.items():
        css = next((c for widget, c in _WIDGET_CLASSES if isinstance(field.widget, widget)), "")
        if form.is_bound and name in form.errors:
            css += " govuk-input--error" if "input" in css else " govuk-select--error"
            field.widget.attrs["aria-describedby"] = f"{form.prefix or 'id'}_{name}-error"
        field.widget.attrs["class"] = css.strip()


class GovukForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


class GovukModelForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


class DateField(forms.DateField):
    """A date typed as 14/11/2022 (or 2022-11-14, 14 November 2022)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(format="%d/%m/%Y"))
        kwargs.setdefault("help_text", "For example, 14/11/2022")
        super().__init__(**kwargs)
