"""Hostile input: every form, every list's filters and every API endpoint that takes data is sent
very long text, control characters, NUL bytes, right-to-left marks, HTML and script, and SQL
fragments. The answer is a 4xx with a message, a form shown again with its errors (200) or a
saved change (302/201): never a 500; what was typed is shown back escaped; no NUL byte reaches
the database (PostgreSQL refuses them in text: that would be a 500 there).

The forms are found, not listed: every URL of the permission matrix that an officer (or the lead
of organisation A) may POST to is opened, and the fields of the form on the page are filled, each
with the hostile text. Every GET form on the list pages (filters, search) is filled the same way.
"""

import datetime
import json
import pathlib
import re
import time
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models
from django.urls import reverse
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from accounts.posts import Directory
from actions.annex import parse_annex

from .security_world import build_world, rolled_back
from .test_permission_matrix import MATRIX, record_count

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords", "private_media")]

SCRIPT = "<script>alert('oat')</script>"
HOSTILE = [
    "x" * 100_000,
    "before\x00after",
    "\x01\x02\x07\x08\x0b\x0c\x1b[31mred\x7f",
    "\u202eevil\u202c \u200f\u200e\u2066isolated\u2069",
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE actions_action; --",
    "1 OR 1=1",
    "%00%27%22",
    "\U0001f4a5" * 5_000,
    "31/02/2022",
    "-1",
]
RAW_MARKUP = [SCRIPT, "<img src=x onerror"]
WRITTEN_ON = datetime.date(2022, 6, 24)
# Roles that may post to each URL (the first that may, in this order) and URLs to leave out.
POSTERS = ["officer", "lead_a", "anonymous"]
NOT_FORMS = {
    # Sign-out changes nothing worth fuzzing and ends the session the next cells need.
    "logout",
}


class FormFields(HTMLParser):
    """The fields of each <form> on a page: (method, action, {name: a value})."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, str, dict[str, str]]] = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                ((attrs.get("method") or "get").lower(), attrs.get("action") or "", {})
            )
        elif self.forms and tag in ("input", "textarea", "select") and attrs.get("name"):
            if attrs.get("type") in ("submit", "button", "file", "image"):
                return
            self.forms[-1][2][attrs["name"]] = attrs.get("value") or ""
            self._select = attrs["name"] if tag == "select" else None
        elif tag == "option" and self._select and self.forms:
            fields = self.forms[-1][2]
            if not fields[self._select] and attrs.get("value"):
                fields[self._select] = attrs["value"]


def forms_on(html: str):
    parser = FormFields()
    parser.feed(html)
    return parser.forms


FIXED = {"csrfmiddlewaretoken"}


def assert_safe(response, where):
    assert response.status_code < 500, f"{where}: {response.status_code}"
    if response.get("Content-Type", "").startswith("text/html"):
        body = response.content.decode()
        for markup in RAW_MARKUP:
            assert markup not in body, f"{where}: {markup!r} shown unescaped"


def nul_queries() -> list[tuple[str, str]]:
    """One query per table finding a NUL byte in any of its text columns. PostgreSQL refuses NUL
    in text outright (a 500, which assert_safe catches); SQLite stores it, so look."""
    if connection.vendor != "sqlite":
        return []
    queries = []
    for model in apps.get_models():
        columns = [
            field.column
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
        ]
        if columns:
            found = " OR ".join(f'instr("{c}", char(0)) > 0' for c in columns)
            queries.append(
                (model._meta.label, f'SELECT 1 FROM "{model._meta.db_table}" WHERE {found}')
            )
    return queries


def assert_no_nul_stored(queries, where):
    stored = []
    with connection.cursor() as cursor:
        for label, sql in queries:
            cursor.execute(sql)
            if cursor.fetchone():
                stored.append(label)
    assert not stored, f"{where}: NUL stored in {stored}"


def post_targets(world):
    """(url name, role, url) for every URL in the matrix that a poster may POST to."""
    targets = []
    for name, (kwargs_of, methods) in sorted(MATRIX.items()):
        if name in NOT_FORMS or "POST" not in methods or name.startswith("api:"):
            continue
        outcomes = dict(
            zip(
                ["anonymous", "officer", "lead_a", "lead_b", "reviewer", "admin"],
                methods["POST"].split(),
                strict=True,
            )
        )
        role = next((r for r in POSTERS if outcomes[r] in {"200", "R", "400"}), None)
        if role:
            targets.append((name, role, reverse(name, kwargs=kwargs_of(world))))
    return targets


def test_every_form_and_filter_survives_hostile_text(monkeypatch):
    monkeypatch.setattr("documents.pdf._weasyprint", lambda html: html.encode())
    world = build_world()
    columns = nul_queries()
    tried = requests = forms_found = 0
    for name, role, url in post_targets(world):
        client = world.clients[role]
        page = client.get(url)
        if page.status_code != 200 or not page.get("Content-Type", "").startswith("text/html"):
            continue
        for method, action, fields in forms_on(page.content.decode()):
            target = action or url
            if action and not action.startswith("/"):
                continue
            names = [field for field in fields if field not in FIXED]
            if not names:
                continue
            forms_found += 1
            for hostile in HOSTILE:
                data = {**fields, **dict.fromkeys(names, hostile)}
                where = f"{name} {method.upper()} {target} as {role} with {hostile[:20]}"

                def send(client=client, data=data, where=where, method=method, target=target):
                    send_method = client.post if method == "post" else client.get
                    response = send_method(target, data)
                    assert_safe(response, where)
                    if "\x00" in where:
                        assert_no_nul_stored(columns, where)

                cookies = client.cookies
                rolled_back(send)
                client.cookies = cookies
                requests += 1
                tried += len(names)
    assert forms_found > 40
    record_count("hostile_requests_sent", requests)
    record_count("hostile_form_inputs_tried", tried)


API_BODIES = {
    "api:action-list": lambda w, text: {
        "meeting": w.meeting_a.pk,
        "number": 99,
        "text": text,
        "timing": text,
        "lead": text,
        "owners": [w.orgs["A"].pk],
    },
    "api:action-updates": lambda w, text: {"note": text},
    "api:action-propose-completion": lambda w, text: {"note": text},
}


def test_every_api_endpoint_that_takes_data_survives_hostile_text():
    world = build_world()
    columns = nul_queries()
    client = world.clients["officer"]
    tried = 0
    for name, body in API_BODIES.items():
        kwargs_of, _ = MATRIX[name]
        url = reverse(name, kwargs=kwargs_of(world))
        for hostile in HOSTILE:
            where = f"{name} with {hostile[:20]!r}"

            def send(url=url, body=body, hostile=hostile, where=where):
                response = client.post(
                    url, json.dumps(body(world, hostile)), content_type="application/json"
                )
                assert response.status_code in {200, 201, 400}, f"{where}: {response.status_code}"
                if response.status_code == 400:
                    assert response.json(), where  # says which field and why
                if "\x00" in hostile:
                    assert response.status_code == 400, where
                    assert_no_nul_stored(columns, where)

            rolled_back(send)
            tried += 1
    # Query parameters of every API list: filters and search.
    for name in [n for n in MATRIX if n.startswith("api:") and n.endswith("-list")]:
        for hostile in HOSTILE:
            params = {
                key: hostile for key in ["q", "status", "owner", "board", "due_after", "page"]
            }
            response = client.get(reverse(name), params)
            assert response.status_code in {200, 400, 404}, f"{name} {response.status_code}"
            tried += 1
    record_count("hostile_api_requests_sent", tried)


def test_malformed_json_and_wrong_types_are_refused_with_a_message():
    world = build_world()
    client = world.clients["officer"]
    url = reverse("api:action-list")
    for raw in ['{"text": ', "[]", '{"number": "many", "owners": "all"}', "\x00", "null"]:
        response = client.post(url, raw, content_type="application/json")
        assert response.status_code == 400, raw
        assert response.json()


def test_hostile_text_saved_by_an_officer_is_shown_escaped_everywhere(client, officer, mps):
    """Saved markup is text on every page that shows it (the action page, list and search)."""
    from .factories import ActionFactory

    action = ActionFactory(owners=[mps], text=f"Review {SCRIPT} and {RAW_MARKUP[1]}>")
    client.force_login(officer)
    for url in [
        reverse("actions:detail", args=[action.pk]),
        reverse("actions:list"),
        reverse("search:search") + "?q=Review",
    ]:
        body = client.get(url).content.decode()
        assert "&lt;script&gt;alert(" in body, url
        assert not any(markup in body for markup in RAW_MARKUP), url
        assert not re.search(r"<img[^>]*onerror", body), url


@pytest.mark.parametrize(
    ("method", "name", "data"),
    [
        ("get", "search:search", {"q": "brief\x00ing"}),
        ("get", "publication:actions", {"q": "\x00"}),
        ("post", "account", {"first_name": "Al\x00ex"}),
    ],
)
def test_a_nul_byte_is_refused_with_a_message_before_any_query(
    client, officer, method, name, data, caplog
):
    client.force_login(officer)
    response = getattr(client, method)(reverse(name), data)
    assert response.status_code == 400
    assert "contains a NUL character" in response.content.decode()
    assert "security.nul_refused status=400" in caplog.text


def test_an_api_client_is_told_about_a_nul_byte_in_json(client, officer):
    client.force_login(officer)
    response = client.get(reverse("api:action-list"), {"q": "a\x00b"})
    assert response.status_code == 400
    assert "NUL character" in response.json()["detail"]


# -- property tests of the pasted Annex A reader (the spreadsheet importer's are in
# tests/test_import_export.py, the timing parser's in tests/test_timing.py) -------------------

ORGANISATIONS = {"mps": object(), "mopac": object()}
# Cell text as typed: no control characters (the reader drops them) and no surrogates.
CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@hyp_settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000), st.sets(st.integers(1, 50), max_size=5))
def test_any_pasted_text_is_read_into_rows_or_errors_never_an_exception(text, existing):
    parsed = parse_annex(
        text, written_on=WRITTEN_ON, directory=Directory(ORGANISATIONS), existing_numbers=existing
    )
    assert parsed.rows or parsed.errors
    for row in parsed.rows:
        assert row.errors or (row.number and row.text and row.owners)
        if row.number in existing:
            assert row.errors


@hyp_settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            CELL.filter(
                lambda s: (
                    s.strip()
                    and not any(c in s for c in '\t\r\n"\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029')
                )
            ),
            st.sampled_from(["August 2022", "Q3 2023/24", "", "TBC", "by 14 November"]),
            st.sampled_from(["MPS", "MOPAC", "MPS and MOPAC"]),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_a_well_formed_table_reads_back_row_for_row(rows):
    text = "\n".join(
        f"{number}\t{action}\t{timing}\t{lead}"
        for number, (action, timing, lead) in enumerate(rows, start=1)
    )
    parsed = parse_annex(text, written_on=WRITTEN_ON, directory=Directory(ORGANISATIONS))
    assert [(r.number, r.timing, r.lead) for r in parsed.rows] == [
        (number, timing, lead) for number, (_, timing, lead) in enumerate(rows, start=1)
    ]
    assert all(not row.errors for row in parsed.rows)


# Every view that reads a record id from its query string, with the parameter and any other
# parameters it needs. Each reads it with common.listing.id_param (checked below).
QUERY_IDS = [
    ("letters:create", "in_reply_to", {}),
    ("questions:create", "letter", {}),
    ("questions:create", "meeting", {}),
    ("recommendations:create", "report", {}),
    ("meetings:meeting_create", "board", {}),
    ("publication:manage", "meeting", {"kind": "actions"}),
]
# An id from the query string handed to a lookup without id_param (a 500 on "abc"). The meeting
# list's board and year filters are read leniently on purpose: a malformed filter is ignored there
# (test_meeting_views.py::test_meeting_list_ignores_malformed_filters), never looked up as given.
RAW_ID_READ = r"request\.GET\[|(_for|_or_404)\([^)]*request\.GET"
NOT_IDS = ["abc", "1.5", "-1", "+1", "1e3", "0x10", "²", "٣", "9" * 40, "1 OR 1=1", "' OR '1"]


@pytest.mark.parametrize(("name", "param", "extra"), QUERY_IDS)
def test_a_non_numeric_id_in_a_query_string_is_a_400_with_a_message(
    client, officer, name, param, extra
):
    client.force_login(officer)
    for value in NOT_IDS:
        response = client.get(reverse(name), {**extra, param: value})
        assert response.status_code == 400, (name, param, value, response.status_code)
        assert f"asks for {param}" in response.content.decode(), (name, value)
        assert "not a record number" in response.content.decode()
    assert client.get(reverse(name), {**extra, param: ""}).status_code == 200
    assert client.get(reverse(name), {**extra, param: "999999"}).status_code in {200, 404}


def test_every_view_reading_an_id_from_the_query_string_is_tried():
    """A view looking up a record by an id from its query string reads it with id_param, and is
    in QUERY_IDS."""
    from django.conf import settings

    root = pathlib.Path(settings.BASE_DIR)
    read = set()
    for source in root.glob("*/**/*.py"):
        if ".venv" in source.parts or source.parts[len(root.parts)] in {"tests", "node_modules"}:
            continue
        text = source.read_text()
        read |= set(re.findall(r"""id_param\(request, ["'](\w+)["']\)""", text))
        assert not re.search(RAW_ID_READ, text), source
    assert read == {param for _, param, _ in QUERY_IDS}


class FileForms(HTMLParser):
    """Each POST form with a file input: (action, its other fields, its file inputs' names)."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, dict[str, str], list[str]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append((attrs.get("action") or "", {}, []))
        elif self.forms and tag in ("input", "select", "textarea") and attrs.get("name"):
            if attrs.get("type") == "file":
                self.forms[-1][2].append(attrs["name"])
            elif attrs.get("type") not in ("submit", "button", "checkbox", "radio"):
                self.forms[-1][1].setdefault(attrs["name"], attrs.get("value") or "")


def test_every_file_field_refuses_a_zip_bomb_quickly(monkeypatch):
    """The spreadsheet import is where a workbook is opened; every other upload (evidence, a
    letter's PDF) must refuse or keep it unopened. Each answers below 500 within seconds and no
    upload waits for confirmation afterwards."""
    from spreadsheets.models import PendingImport

    from .test_spreadsheet_limits import _bomb

    monkeypatch.setattr("documents.pdf._weasyprint", lambda html: html.encode())
    bomb = _bomb(expanded_bytes=64 * 1024 * 1024)  # twice the 30 MB limit
    world = build_world()
    fields_tried = 0
    for name, role, url in post_targets(world):
        page = world.clients[role].get(url)
        if page.status_code != 200 or not page.get("Content-Type", "").startswith("text/html"):
            continue
        if "multipart/form-data" not in page.content.decode():
            continue
        parser = FileForms()
        parser.feed(page.content.decode())
        for action, fields, file_inputs in parser.forms:
            for file_input in file_inputs:
                fields_tried += 1

                def send(
                    role=role, target=action or url, fields=fields, file_input=file_input, name=name
                ):
                    upload = SimpleUploadedFile("tracker.xlsx", bomb)
                    started = time.monotonic()
                    response = world.clients[role].post(target, {**fields, file_input: upload})
                    elapsed = time.monotonic() - started
                    where = f"{name} {file_input} as {role}"
                    assert response.status_code < 500, where
                    assert elapsed < 10, f"{where}: {elapsed:.1f} s"
                    assert not PendingImport.objects.filter(filename="tracker.xlsx").exists()

                cookies = world.clients[role].cookies
                rolled_back(send)
                world.clients[role].cookies = cookies
    assert fields_tried >= 3  # the import, evidence, a letter's PDF
    record_count("file_fields_sent_a_zip_bomb", fields_tried)
