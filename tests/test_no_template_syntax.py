"""No page shows template syntax: a comment or tag that Django did not read (`{# ... #}` over
several lines is printed as it stands) would reach the reader as `{#`, `{%` or `{{`.

Every GET page that the permission matrix reaches is rendered for an officer and for a lead, on
its world, and searched for those strings.
"""

import pytest
from django.urls import reverse

from .security_world import build_world
from .test_permission_matrix import MATRIX

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords", "private_media")]

SYNTAX = ("{#", "{%", "{{")


def test_no_page_shows_template_syntax(monkeypatch):
    monkeypatch.setattr("documents.pdf._weasyprint", lambda html: html.encode())
    world = build_world()
    pages, hits = 0, []
    for name, (kwargs_of, methods) in sorted(MATRIX.items()):
        if "GET" not in methods:
            continue
        url = reverse(name, kwargs=kwargs_of(world))
        for role in ("officer", "lead_a"):
            response = world.clients[role].get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            pages += 1
            html = response.content.decode()
            for syntax in SYNTAX:
                if syntax in html:
                    at = html.index(syntax)
                    hits.append(f"{name} as {role}: {html[at : at + 80]!r}")
    assert pages > 50
    assert not hits, "\n".join(hits)
