"""Every date in the app's forms and filters is typed as people write it: 12 January 2023,
12 Jan 2023, 12/01/2023 or 2023-01-12, the same field everywhere, with the same hint."""

import datetime

import django_filters
import pytest
from django import forms
from django.urls import get_resolver, reverse

from actions.filters import ActionFilter
from common.govuk import DATE_HINT, DateField
from documents.forms import LetterForm as LetterDraftForm
from letters.forms import LetterForm
from meetings.forms import MeetingForm
from meetings.models import Meeting
from recommendations.forms import ReportForm

from .factories import BoardFactory

JAN_12 = datetime.date(2023, 1, 12)
AS_WRITTEN = [
    "12 January 2023",
    "12 Jan 2023",
    "12/01/2023",
    "2023-01-12",
    "12/1/2023",
    "12th January 2023",
    "12 january 2023",
    " 12  Jan,  2023 ",
]
# The forms with a date, one of each app, and the field: a typed date reads the same in each.
DATE_FIELDS = [
    (MeetingForm, "date"),
    (LetterForm, "date"),
    (LetterForm, "response_due"),
    (LetterDraftForm, "date"),
    (ReportForm, "published_on"),
]


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


@pytest.mark.parametrize("text", AS_WRITTEN)
@pytest.mark.parametrize(("form_class", "name"), DATE_FIELDS)
def test_each_forms_date_reads_the_ways_people_write_it(form_class, name, text):
    field = form_class.base_fields[name]
    assert field.clean(text) == JAN_12
    assert field.help_text == DATE_HINT


@pytest.mark.parametrize("text", ["12/01/23", "31 February 2023", "next Tuesday", "2023/01/12"])
def test_a_date_that_is_not_whole_or_real_is_refused_with_the_hint(text):
    with pytest.raises(forms.ValidationError, match="For example, 12 January 2023"):
        DateField().clean(text)


def test_a_date_is_shown_back_as_the_app_prints_dates():
    assert 'value="12 January 2023"' in str(MeetingForm(initial={"date": JAN_12})["date"])


def test_every_date_field_of_every_form_and_filter_is_the_one_field():
    get_resolver().url_patterns  # noqa: B018  (import every view, and with it every form)
    date_fields = {
        (cls, name): field
        for cls in _subclasses(forms.BaseForm)
        for name, field in getattr(cls, "base_fields", {}).items()
        if isinstance(field, forms.DateField)
    }
    date_filters = {
        (cls, name): item.field_class
        for cls in _subclasses(django_filters.FilterSet)
        for name, item in getattr(cls, "base_filters", {}).items()
        if isinstance(item, django_filters.DateFilter)
    }
    assert len(date_fields) >= 6 and len(date_filters) >= 2
    assert [key for key, field in date_fields.items() if not isinstance(field, DateField)] == []
    # The one field, or a narrowing of it (common.as_at.PastDateField: a day before today).
    assert [key for key, cls in date_filters.items() if not issubclass(cls, DateField)] == []


def test_a_meeting_is_added_with_a_date_written_in_words(client, officer):
    board = BoardFactory()
    client.force_login(officer)
    response = client.post(
        reverse("meetings:meeting_create"),
        {"board": board.pk, "date": "12 January 2023", "status": "scheduled", "focus": ""}
        | {f"{prefix}-{k}": v for prefix in ("attendees", "minutes") for k, v in _empty_formset()},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Meeting.objects.get().date == JAN_12


def _empty_formset():
    return [("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0")]


@pytest.mark.parametrize("text", ["12 Jan 2023", "12/01/2023"])
def test_the_action_list_filters_by_a_date_written_either_way(text):
    action_filter = ActionFilter({"due_after": text})
    assert action_filter.form.is_valid(), action_filter.form.errors
    assert action_filter.form.cleaned_data["due_after"] == JAN_12
