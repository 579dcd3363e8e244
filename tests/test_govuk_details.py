"""GOV.UK details on every page the permission matrix reaches, for an officer and a lead: no
select offers Django's "---------", every password box is styled, the header says "Sign out",
and at most one primary (green) button per page outside the header."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from .security_world import build_world
from .test_permission_matrix import MATRIX

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords", "private_media")]


@pytest.fixture
def world(monkeypatch):
    monkeypatch.setattr("documents.pdf._weasyprint", lambda html: html.encode())
    return build_world()


def pages(world, roles=("officer", "lead_a")):
    for name, (kwargs_of, methods) in sorted(MATRIX.items()):
        if "GET" not in methods:
            continue
        url = reverse(name, kwargs=kwargs_of(world))
        for role in roles:
            response = world.clients[role].get(url)
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                yield f"{name} as {role}", response.content.decode()


def test_no_select_offers_dashes(world):
    wrong = [where for where, html in pages(world) if ">---------<" in html]
    assert not wrong, "\n".join(wrong)


def test_every_password_box_is_styled():
    html = Client().get(reverse("login")).content.decode()
    boxes = re.findall(r"<input[^>]*type=\"password\"[^>]*>", html)
    assert boxes
    for box in boxes:
        assert "govuk-input" in box, box


def test_the_header_says_sign_out_without_the_username(world):
    html = world.clients["officer"].get(reverse("home")).content.decode()
    assert re.search(r">\s*Sign out\s*</button>", html)
    assert "Sign out officer" not in html


def test_the_question_list_offers_overdue_only_as_a_checkbox(world):
    html = world.clients["officer"].get(reverse("questions:list")).content.decode()
    assert re.search(
        r'<input type="checkbox" name="overdue"[^>]*class="govuk-checkboxes__input"', html
    )
    assert ">Unknown<" not in html
    ticked = world.clients["officer"].get(reverse("questions:list") + "?overdue=true")
    assert re.search(r'<input type="checkbox" name="overdue"[^>]* checked', ticked.content.decode())


PRIMARY = re.compile(r'<(?:a|button|input)\b[^>]*class="govuk-button(?:"| (?![^"]*--)[^"]*")')


def test_the_meeting_page_has_one_primary_button(world):
    html = world.clients["officer"].get(world.meeting_a.get_absolute_url()).content.decode()
    assert len(PRIMARY.findall(html)) == 1, PRIMARY.findall(html)


def test_an_action_page_is_titled_with_its_number_and_meeting(world):
    action = world.action_a
    html = world.clients["officer"].get(action.get_absolute_url()).content.decode()
    meeting = action.meeting
    title = re.search(r"<title>\s*(.*?)\s*</title>", html, re.S).group(1)
    assert title.startswith(
        f"Action {action.number}, {meeting.board.name}, {meeting.date:%-d %B %Y}"
    ), title
