"""Tables of forms in GOV.UK style that grow without JavaScript, and their error summary.

The "Add another row" button (named ADD_ROW) posts the formset back and `with_another_row`
returns it with one more empty form, showing no errors yet.
"""

from django import forms

from .govuk import name_empty_choice

ADD_ROW = "add_row"  # name of the submit button that adds a row
MAX_ROWS = 50


class RowBoundField(forms.BoundField):
    """A field of a row whose errors may be kept back (`errors_hidden`, set by
    `with_another_row`): then its input names no error message and is not marked invalid."""

    @property
    def aria_describedby(self):
        if not getattr(self.form, "errors_hidden", False):
            return super().aria_describedby
        if self.field.widget.attrs.get("aria-describedby"):
            return None
        return f"{self.auto_id}_helptext" if self.auto_id and self.help_text else ""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if getattr(self.form, "errors_hidden", False):
            attrs.pop("aria-invalid", None)
        return attrs


class RowStyle:
    """A row of a table of forms: GOV.UK classes on the widgets (the template marks errors).

    The hint and the error of a field are named as Django names them (`id_X_helptext`,
    `id_X_error`), so the input's own aria-describedby finds them."""

    bound_field_class = RowBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for bound in self:
            widget = bound.field.widget
            name_empty_choice(bound.field)
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
                widget.attrs.setdefault("class", "govuk-checkboxes__input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "govuk-select")
            elif isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("class", "govuk-textarea")
            elif not isinstance(widget, forms.HiddenInput):
                widget.attrs.setdefault("class", "govuk-input")


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
    return hide_errors(formset_class(data, prefix=prefix, **kwargs))


def hide_errors(formset):
    """Keep the formset's errors back (a row is being added): its inputs name no error message
    and are not marked invalid. The template shows none (`show_errors`)."""
    for form in formset.forms:
        form.errors_hidden = True
    return formset


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
