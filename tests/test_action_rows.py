"""The rows of action tables (actions/rows.py): what each cell says, escaped, in few queries."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from actions.models import Action, ActionOwner
from actions.rows import table_rows
from tests.factories import ActionFactory, LetterFactory, MeetingFactory, OrganisationFactory

TODAY = datetime.datetime(2022, 9, 15, 12, 0)


@pytest.fixture
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.mark.django_db
def test_each_cell_of_a_row(frozen, mps, mopac):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    action = ActionFactory(
        meeting=meeting, number=7, timing="August 2022", lead="DAC Smith", owners=[mps]
    )
    ActionOwner.objects.create(action=action, organisation=mopac)  # entered second
    Action.objects.filter(pk=action.pk).update(slip_count=2)

    (row,) = table_rows([action.pk])

    assert row.number == 7
    assert row.source == "Performance and Risk Oversight Board, 24 June 2022"
    assert row.url == reverse("actions:detail", args=[action.pk])
    assert row.timing == "August 2022"
    assert row.due == "31 August 2022"
    assert (row.lead, row.owners) == ("DAC Smith", "MPS and MOPAC")
    assert (row.status, row.status_class) == ("Open", "govuk-tag--grey")
    assert (row.deadline, row.deadline_label) == ("overdue", "Overdue")
    assert (row.flag, row.slip_count) == ("", 2)


@pytest.mark.django_db
def test_a_letters_action_closed_with_unreadable_timing(frozen, mps):
    letter = LetterFactory(reference="MOPAC221014-D1")
    action = ActionFactory(meeting=None, letter=letter, timing="when possible", owners=[mps])
    Action.objects.filter(pk=action.pk).update(status=Action.Status.CLOSED)

    (row,) = table_rows([action.pk])

    assert row.source == "Letter MOPAC221014-D1"
    assert (row.due, row.deadline, row.flag) == ("", "", "unreadable")
    assert (row.status, row.status_class) == ("Completed", "govuk-tag--green")


@pytest.mark.django_db
def test_long_text_is_cut_and_every_value_is_escaped_on_the_page(frozen, client, officer, mps):
    words = " ".join(f"w{n}" for n in range(60))
    ActionFactory(text=f"<script>alert(1)</script> {words}", lead="<b>Lead</b>", owners=[mps])
    client.force_login(officer)
    body = client.get(reverse("actions:list")).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;b&gt;Lead&lt;/b&gt;" in body
    assert "w38 …" in body and "w39" not in body


@pytest.mark.django_db
def test_a_table_takes_two_queries_whatever_its_size(frozen, django_assert_num_queries):
    orgs = [OrganisationFactory() for _ in range(3)]
    for number in range(1, 31):
        action = ActionFactory(number=number, owners=orgs[:1])
        for org in orgs[1 : 1 + number % 3]:  # in entry order
            ActionOwner.objects.create(action=action, organisation=org)
    keys = list(Action.objects.values_list("pk", flat=True))
    with django_assert_num_queries(2):  # the rows' values, and the owners of them all
        rows = table_rows(keys)
    assert {row.owners for row in rows} == {
        orgs[0].short_name,
        f"{orgs[0].short_name} and {orgs[1].short_name}",
        f"{orgs[0].short_name} and {orgs[1].short_name} and {orgs[2].short_name}",
    }


@pytest.mark.parametrize("words", [39, 40, 41])
def test_text_is_cut_after_forty_words_as_truncatewords_cuts_it(words):
    from django.template.defaultfilters import truncatewords

    from actions.rows import _first_words

    text = "\t".join(f"w{n}" for n in range(words))
    assert _first_words(text) == truncatewords(text, 40)


@pytest.mark.django_db
def test_the_lists_selects_mark_the_choice_and_escape_labels(client, officer):
    theirs = OrganisationFactory(short_name="<b>Org</b>")
    client.force_login(officer)
    body = client.get(reverse("actions:list"), {"owner": theirs.pk, "sort": "status"}).content
    body = body.decode()
    assert f'<option value="{theirs.pk}" selected>&lt;b&gt;Org&lt;/b&gt;</option>' in body
    assert '<option value="status" selected>Status</option>' in body
    assert '<select name="owner" class="govuk-select" id="id_owner">' in body
