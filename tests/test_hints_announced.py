"""Hints and errors are read out: every id that a field's `aria-describedby` names is on the page.

Django names a field's hint `id_X_helptext` and its error `id_X_error` in the input's
`aria-describedby`; our templates must give the hint and the error those same ids. Checked on the
five forms officers and leads use most, empty (GET) and sent back with errors (an empty POST), and
on every other page the permission matrix reaches.
"""

import re

import pytest
from django.urls import reverse

from .security_world import build_world
from .test_permission_matrix import MATRIX

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords", "private_media")]

ROWS = {
    "attendees-TOTAL_FORMS": "1",
    "attendees-INITIAL_FORMS": "0",
    "attendees-0-name": "Sam Example",
    "minutes-TOTAL_FORMS": "1",
    "minutes-INITIAL_FORMS": "0",
    "minutes-0-number": "not a number",
}

FORMS = [
    ("meetings:meeting_create", lambda w: {}, "officer"),
    ("actions:annex_paste", lambda w: {"pk": w.meeting_a.pk}, "officer"),
    ("questions:create", lambda w: {}, "officer"),
    ("documents:letter_edit", lambda w: {"pk": w.letter_a.pk}, "officer"),
    ("actions:post_update", lambda w: {"pk": w.action_a.pk}, "lead_a"),
]


def missing_ids(html: str) -> list[str]:
    """The ids named by aria-describedby that no element of the page has."""
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    named = re.findall(r'aria-describedby="([^"]*)"', html)
    return sorted({i for value in named for i in value.split() if i not in ids})


def described(html: str) -> int:
    return len(re.findall(r'aria-describedby="', html))


@pytest.fixture
def world(monkeypatch):
    monkeypatch.setattr("documents.pdf._weasyprint", lambda html: html.encode())
    return build_world()


@pytest.mark.parametrize("name, kwargs_of, role", FORMS, ids=[f[0] for f in FORMS])
def test_each_hint_and_error_of_the_form_is_named_by_its_field(world, name, kwargs_of, role):
    url = reverse(name, kwargs=kwargs_of(world))
    client = world.clients[role]
    empty = client.get(url)
    assert empty.status_code == 200
    html = empty.content.decode()
    assert 'class="govuk-hint"' in html and described(html), "the form shows hints"
    assert not missing_ids(html), f"GET {name}: no element has the id {missing_ids(html)}"
    sent = client.post(url, {**ROWS, "unused": ""})  # bound, with errors
    assert sent.status_code == 200
    html = sent.content.decode()
    assert "govuk-error-message" in html
    assert not missing_ids(html), f"POST {name}: no element has the id {missing_ids(html)}"


def test_a_row_added_names_no_error_it_keeps_back(world):
    """ "Add another row" shows no errors yet: the inputs name none and are not marked invalid."""
    url = reverse("meetings:meeting_create")
    response = world.clients["officer"].post(url, {**ROWS, "add_row": "minutes"})
    html = response.content.decode()
    assert "govuk-error-message" not in html and 'aria-invalid="true"' not in html
    assert not missing_ids(html), missing_ids(html)


def test_every_page_names_only_ids_it_has(world):
    wrong = []
    for name, (kwargs_of, methods) in sorted(MATRIX.items()):
        if "GET" not in methods:
            continue
        url = reverse(name, kwargs=kwargs_of(world))
        for role in ("officer", "lead_a"):
            response = world.clients[role].get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            if missing := missing_ids(response.content.decode()):
                wrong.append(f"{name} as {role}: {missing}")
    assert not wrong, "\n".join(wrong)
