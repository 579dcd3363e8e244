"""Filter fields and widgets for the list pages, which write their filter form on every request.

- `ModelChoiceFilter` reads its choices with one plain query. Django reads them through
  `queryset.iterator()`, which on PostgreSQL opens a server-side cursor (three round trips and a
  cursor held to the end of the transaction) for a list of 40 organisations. A whole small table
  (common.choices.ChoiceTable) is read once per process, while its version holds: a form's
  selects cost one query for the version between them.
- `Select` and the inputs write their HTML in Python: the HTML of Django's widget templates
  (two includes an input, two an option) in a fraction of the time.
"""

import django_filters
from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe

from common.choices import current_version, is_kept, kept_choices
from common.govuk import DateField


class _ChoicesReadOnce(django_filters.fields.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        if self.field.reader is not None and is_kept(self.queryset):
            version = current_version(self.field.reader)
            yield from kept_choices(self.queryset, version, self.choice)
            return
        for obj in self.queryset.all():
            yield self.choice(obj)


class Select(forms.Select):
    """A select without option groups."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(str(key))}"{" selected" if str(key) in chosen else ""}>'
            f"{conditional_escape(label)}</option>"
            for key, label in self.choices
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe(options),  # each value and label escaped above
        )


class _Input:
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        value = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
        attributes = flatatt(widget["attrs"])
        return format_html(
            '<input type="{}" name="{}"{}{}>', widget["type"], name, value, attributes
        )


class TextInput(_Input, forms.TextInput):
    pass


class NumberInput(_Input, forms.NumberInput):
    pass


class DateInput(_Input, forms.DateInput):
    pass


class _ChoiceField(django_filters.fields.ModelChoiceField):
    iterator = _ChoicesReadOnce
    widget = Select
    reader = None  # the FilterSet, which reads the choices' version once for its selects


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = _ChoiceField

    @property
    def field(self):
        field = super().field
        field.reader = getattr(self, "parent", None)
        return field


class DateFilter(django_filters.DateFilter):
    """A date typed as on every form (common.govuk.DateField: 12 January 2023, 12/01/2023)."""

    field_class = DateField
