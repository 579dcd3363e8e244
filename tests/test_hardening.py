"""Hardening: production settings pass Django's deploy checks, every response carries a strict
Content-Security-Policy, passwords are hashed with Argon2 and common ones refused, sign-in is
throttled per user and real address behind a proxy, sessions are renewed at sign-in and end when
idle, after an absolute limit, or when the account is deactivated; errors show generic pages."""

import csv
import datetime
import io
import json
import logging
import re
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import get_resolver, reverse
from openpyxl import load_workbook
from rest_framework.authtoken.models import Token
from selenium.webdriver.support.ui import WebDriverWait

import oversight.settings as configured
from common.security.events import format_event
from common.security.logfilters import RedactSecrets

from .factories import ActionFactory, UserFactory
from .security_world import build_world
from .services import project_env, running, wait_for
from .test_faults import free_port, status_of

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct-horse-battery"


def production_env(**overrides) -> dict[str, str]:
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    env = project_env(
        DEBUG="false",
        SECRET_KEY="".join(secrets.choice(alphabet) for _ in range(50)),
        ALLOWED_HOSTS="tracker.example.org",
        DATABASE_URL="postgres://tracker:secret@db.example.org:5432/tracker",
        EMAIL_HOST="smtp.example.org",
    )
    env.pop("CI", None)
    env.update(overrides)
    return env


def manage(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_settings(**overrides) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({name: getattr(s, name) for name in ["
        "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_SSL_REDIRECT', "
        "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', "
        "'SECURE_REFERRER_POLICY', 'SECURE_CONTENT_TYPE_NOSNIFF', 'X_FRAME_OPTIONS', "
        "'CONTENT_SECURITY_POLICY', 'DEBUG', 'PASSWORD_HASHERS', 'INSTALLED_APPS']}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=production_env(**overrides),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- production settings ---------------------------------------------------------------------


def test_production_does_not_install_the_benchmarks_and_development_does():
    assert "benchmarks" not in production_settings()["INSTALLED_APPS"]
    assert "benchmarks" in production_settings(DEBUG="true")["INSTALLED_APPS"]


def test_production_settings_pass_the_deploy_check_with_warnings_as_failures():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 silenced" in result.stdout + result.stderr


def test_the_deploy_check_fails_when_hsts_is_turned_off():
    """The check above would notice a weakened setting: it is not vacuous."""
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=production_env(SECURE_HSTS_SECONDS="0"),
    )
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


def test_debug_with_a_production_database_is_refused_by_the_system_check():
    result = manage("check", env=production_env(DEBUG="true"))
    assert result.returncode != 0
    assert "oversight.E001" in result.stdout + result.stderr


def test_production_settings_are_strict():
    values = production_settings()
    assert values["DEBUG"] is False
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["PASSWORD_HASHERS"][0].endswith("Argon2PasswordHasher")
    policy = values["CONTENT_SECURITY_POLICY"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert all("'unsafe-inline'" not in sources for sources in policy.values())
    assert all("'unsafe-eval'" not in sources for sources in policy.values())


# -- Content-Security-Policy -----------------------------------------------------------------

PAGES = ["login", "password_reset", "publication:index", "api:docs"]


@pytest.mark.parametrize("name", PAGES)
def test_every_response_carries_the_content_security_policy(client, name):
    header = client.get(reverse(name))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in header.split(";"))
    assert directives["frame-ancestors"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in header


def test_signed_in_pages_carry_the_policy_and_frame_denial(client, officer):
    client.force_login(officer)
    response = client.get(reverse("actions:list"))
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]

COMMENT = re.compile(r"\{#.*?#\}|\{% comment %\}.*?\{% endcomment %\}", re.S)


def test_no_template_has_inline_script_or_style():
    """The policy allows no inline code, so no template may contain any (e-mails excepted: mail
    clients ignore the policy and need inline styles)."""
    templates = [
        path
        for path in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in path.parts
        and "node_modules" not in path.parts
        and "email" not in path.parts
        and not path.name.endswith("_email.html")
    ]
    assert len(templates) > 40
    found = [
        f"{path.relative_to(ROOT)}: {what}"
        for path in templates
        for pattern, what in INLINE
        if pattern.search(COMMENT.sub("", path.read_text()))
    ]
    assert not found, "\n".join(found)


def test_api_docs_load_swagger_ui_from_our_own_static_files_only(client, reviewer):
    client.force_login(reviewer)
    body = client.get(reverse("api:docs")).content.decode()
    sources = re.findall(r"<(?:script|link)[^>]*(?:src|href)=\"([^\"]+)\"", body)
    assert sources, body
    assert all(src.startswith("/") and not src.startswith("//") for src in sources), sources
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body)
    assert "<style" not in body


# -- passwords ---------------------------------------------------------------------------------


def test_passwords_are_hashed_with_argon2(settings, mopac):
    settings.PASSWORD_HASHERS = configured.PASSWORD_HASHERS  # tests use a cheap hasher
    user = UserFactory(username="argon", organisation=mopac)
    assert user.password.startswith("argon2$")
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize("password", ["password123", "qwertyuiop", "1234567890", "iloveyou12"])
def test_common_and_numeric_passwords_are_refused(password, officer):
    with pytest.raises(ValidationError):
        validate_password(password, officer)


def test_password_change_refuses_a_common_password_with_a_message(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "password123", "new_password2": "password123"},
    )
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)


# -- sign-in throttling ----------------------------------------------------------------------


def sign_in(client, username, password, **meta):
    return client.post(reverse("login"), {"username": username, "password": password}, **meta)


def test_five_failures_lock_the_user_at_that_address_even_with_the_right_password(officer):
    client = Client(REMOTE_ADDR="203.0.113.5")
    statuses = [sign_in(client, "officer", "wrong").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    assert sign_in(client, "officer", PASSWORD).status_code == 429
    # Another address is not locked out for this user (the lockout is per user and address).
    assert sign_in(Client(REMOTE_ADDR="198.51.100.7"), "officer", PASSWORD).status_code == 302


def test_behind_one_proxy_the_last_forwarded_address_is_the_client(officer, settings):
    """With PROXY_COUNT=1 the proxy appends the client's address last; whatever the client wrote
    before it is ignored, so changing it does not escape the lockout."""
    settings.PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    for forged in ["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5"]:
        sign_in(proxy, "officer", "wrong", HTTP_X_FORWARDED_FOR=f"{forged}, 203.0.113.5")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}
    locked = sign_in(proxy, "officer", PASSWORD, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.5")
    assert locked.status_code == 429
    other = sign_in(proxy, "officer", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert other.status_code == 302


def test_without_a_proxy_a_forwarded_header_is_ignored(officer, settings):
    settings.PROXY_COUNT = 0
    client = Client(REMOTE_ADDR="203.0.113.5")
    for forged in ["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5"]:
        sign_in(client, "officer", "wrong", HTTP_X_FORWARDED_FOR=forged)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}
    assert sign_in(client, "officer", PASSWORD, HTTP_X_FORWARDED_FOR="6.6.6.6").status_code == 429


# -- sessions --------------------------------------------------------------------------------


def test_signing_in_gives_a_new_session_key(client, officer):
    session = client.session
    session["visited"] = True
    session.save()
    before = session.session_key
    client.cookies[django_settings.SESSION_COOKIE_NAME] = before
    assert sign_in(client, "officer", PASSWORD).status_code == 302
    after = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_a_deactivated_user_loses_their_session_and_token(client, lead):
    client.force_login(lead)
    token = Token.objects.create(user=lead)
    api = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get(reverse("home")).status_code == 200
    assert api.get(reverse("api:action-list")).status_code == 200
    lead.is_active = False
    lead.save()
    assert client.get(reverse("home")).url.startswith(reverse("login"))
    assert api.get(reverse("api:action-list")).status_code == 401


def test_an_idle_session_ends_after_the_idle_limit(client, officer, settings):
    settings.SESSION_IDLE_SECONDS = 30 * 60
    start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(officer)
        assert client.get(reverse("home")).status_code == 200
        clock.shift(datetime.timedelta(minutes=29))
        assert client.get(reverse("home")).status_code == 200
        clock.shift(datetime.timedelta(minutes=31))
        assert client.get(reverse("home")).url.startswith(reverse("login"))


def test_an_active_session_still_ends_at_the_absolute_limit(client, officer, settings):
    settings.SESSION_IDLE_SECONDS = 30 * 60
    settings.SESSION_COOKIE_AGE = 12 * 3600
    start = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(officer)
        for _ in range(12 * 3):  # a request every 20 minutes for 12 hours
            assert client.get(reverse("home")).status_code == 200
            clock.shift(datetime.timedelta(minutes=20))
        clock.shift(datetime.timedelta(minutes=1))
        response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert "12 hours after signing in" in response.content.decode()


# -- error pages -----------------------------------------------------------------------------


def test_a_server_error_shows_a_generic_page_and_is_logged(client, officer, settings, caplog):
    settings.DEBUG = False
    client.raise_request_exception = False
    client.force_login(officer)

    def explode(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    import dashboard.home

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dashboard.home, "render", explode)
        response = client.get(reverse("home"))
    body = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in body
    assert "secret internal detail" not in body
    assert "Traceback" not in body
    assert any(
        record.name == "django.request" and record.levelname == "ERROR" for record in caplog.records
    )


@pytest.mark.parametrize(
    ("url_name", "status", "heading"),
    [("reminders:list", 403, "You cannot do this"), ("nowhere", 404, "Page not found")],
)
def test_refusals_show_generic_pages(client, lead, settings, url_name, status, heading):
    settings.DEBUG = False
    client.force_login(lead)
    url = "/no/such/page/" if url_name == "nowhere" else reverse(url_name)
    response = client.get(url)
    assert response.status_code == status
    assert heading in response.content.decode()


# -- security events and secrets in logs -----------------------------------------------------


@pytest.fixture
def log_output():
    """What the configured log handler (settings.LOGGING, with its redacting filter) writes."""
    handlers = [
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(f, RedactSecrets) for f in handler.filters)
    ]
    assert handlers, "settings.LOGGING must put the RedactSecrets filter on its handler"
    stream = io.StringIO()
    previous = [handler.setStream(stream) for handler in handlers]
    yield stream
    for handler, old in zip(handlers, previous, strict=True):
        handler.setStream(old)


def test_no_password_session_or_token_reaches_the_log(client, lead, log_output, caplog):
    known_password = "Tr0ub4dor-and-3-known"
    sign_in(client, "lead", known_password)
    client.force_login(lead)
    session_key = client.session.session_key
    token = Token.objects.create(user=lead).key
    Client(HTTP_AUTHORIZATION=f"Token {token}").get(reverse("api:action-list"))
    Client(HTTP_AUTHORIZATION=f"Token {token[::-1]}").get(reverse("api:action-list"))  # 401
    feed_url = reverse("publication:calendar_actions", args=[lead.calendar_token])
    client.get(feed_url)
    client.get(feed_url.replace(lead.calendar_token, lead.calendar_token[::-1]))  # 404
    written = log_output.getvalue()
    assert "security.login_failed username=lead" in written
    assert "security.unauthenticated status=401" in written
    for secret in [known_password, session_key, token, token[::-1]]:
        assert secret not in written
        assert secret not in caplog.text
    for secret in [lead.calendar_token, lead.calendar_token[::-1]]:
        assert secret not in written
    assert "/calendar/[redacted]/actions.ics" in written


def test_refusals_are_logged_as_structured_events(client, lead, other_lead, mps, caplog):
    action = ActionFactory(owners=[mps])
    client.force_login(other_lead)
    client.get(reverse("actions:detail", args=[action.pk]))
    client.get(reverse("reminders:list"))
    events = [r.getMessage() for r in caplog.records if r.name == "security"]
    assert (
        f"security.not_found status=404 user={other_lead.pk} ip=127.0.0.1 method=GET "
        "view=actions:detail route=actions/<int:pk>/" in events
    )
    assert any(
        e.startswith(f"security.denied status=403 user={other_lead.pk}")
        and "view=reminders:list" in e
        for e in events
    )


def test_a_lockout_is_logged(officer, caplog):
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        sign_in(client, "officer", "wrong")
    assert "security.lockout username=officer ip=203.0.113.9" in caplog.text


def test_an_event_is_always_one_line_whatever_the_user_typed():
    line = format_event("login_failed", username='eve\nsecurity.login ok="1"', ip="-")
    assert "\n" not in line
    assert line.startswith("security.login_failed username=")


# -- spreadsheet formula injection -----------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_action_csv_exports_neutralise_formulas(client, officer, mps, tmp_path):
    """The list's CSV, the exchange CSV and the export_actions command: every cell that a
    spreadsheet would run starts with an apostrophe instead."""
    for number, text in enumerate(FORMULAS, start=1):
        ActionFactory(owners=[mps], number=number, text=text, lead=text)
    client.force_login(officer)
    exports = [
        b"".join(client.get(reverse("actions:export_csv")).streaming_content).decode("utf-8-sig"),
        client.get(
            reverse("spreadsheets:export", kwargs={"kind": "actions", "fmt": "csv"})
        ).content.decode("utf-8-sig"),
    ]
    output = tmp_path / "actions.csv"
    call_command("export_actions", "--all", "-o", str(output))
    with output.open(encoding="utf-8-sig", newline="") as written:
        exports.append(written.read())
    for export in exports:
        rows = list(csv.reader(io.StringIO(export, newline="")))[1:]
        cells = {cell for row in rows for cell in row[1:4]}
        assert {"'" + formula for formula in FORMULAS} <= cells
        assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in cells)


def test_xlsx_exports_store_formula_like_text_as_text(client, officer, mps):
    for number, text in enumerate(FORMULAS, start=1):
        ActionFactory(owners=[mps], number=number, text=text)
    client.force_login(officer)
    body = client.get(reverse("spreadsheets:export", kwargs={"kind": "actions", "fmt": "xlsx"}))
    sheet = load_workbook(io.BytesIO(body.content)).active
    texts = [row[1] for row in sheet.iter_rows(min_row=2)]
    # A carriage return comes back as written when openpyxl writes with lxml (installed with
    # pikepdf and python-docx), as a line feed with the standard library's writer; the text is
    # otherwise as typed.
    read = {cell.value.replace("\r", "\n") for cell in texts}
    assert read == {f.replace("\r", "\n") for f in FORMULAS}
    assert all(cell.data_type == "s" for cell in texts)


@pytest.mark.services
def test_the_gunicorn_access_log_holds_no_calendar_token(tmp_path):
    """gunicorn logs every request line; a feed's path carries its owner's token."""
    port = free_port()
    token = "feedtoken" + secrets.token_urlsafe(12)
    log = tmp_path / "access.log"
    env = project_env(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", ALLOWED_HOSTS="127.0.0.1"
    )
    args = ["gunicorn", "oversight.wsgi", f"--bind=127.0.0.1:{port}", f"--access-logfile={log}"]
    with running(args, env, tmp_path / "gunicorn.log") as server:
        url = f"http://127.0.0.1:{port}/calendar/{token}/actions.ics"
        # Any answer will do (the database here is empty): the line is what is tested.
        wait_for(lambda: status_of(url), timeout=60, what="gunicorn", process=server)
        wait_for(lambda: "actions.ics" in log.read_text(), timeout=10, what="the access log")
    written = log.read_text()
    assert "/calendar/[redacted]/actions.ics" in written
    assert token not in written


# -- the policy in a real browser ----------------------------------------------------------------

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_pages_work_under_the_policy_in_chromium_with_nothing_blocked(browser, live_server):
    """Chromium enforces the policy: no page (Swagger UI and the dashboard's charts included)
    has anything blocked, and GOV.UK Frontend's scripts run (the js-enabled class is set)."""
    from selenium.webdriver.common.by import By

    from .browser import login

    world = build_world()
    world.users["officer"].set_password(PASSWORD)
    world.users["officer"].save()
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS})
    login(browser, live_server, "officer", PASSWORD)
    pages = [
        reverse("home"),
        reverse("actions:list"),
        reverse("actions:detail", args=[world.action_a.pk]),
        reverse("meetings:meeting_detail", args=[world.meeting_a.pk]),
        reverse("dashboard:index"),
        reverse("letters:list"),
        reverse("recommendations:list"),
        reverse("publication:index"),
        reverse("api:docs"),
    ]
    blocked = {}
    for page in pages:
        browser.get(live_server.url + page)
        if page == reverse("api:docs"):
            WebDriverWait(browser, 20).until(
                lambda driver: driver.find_elements(By.CSS_SELECTOR, ".swagger-ui .info")
            )
        else:
            body_class = browser.find_element(By.TAG_NAME, "body").get_attribute("class")
            assert "js-enabled" in body_class, page
        violations = browser.execute_script("return window.__cspViolations")
        if violations:
            blocked[page] = violations
    assert not blocked, blocked
    # The recorder works: an inline script added to the page is blocked and recorded.
    browser.execute_script(
        "const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
        "document.body.appendChild(s);"
    )
    WebDriverWait(browser, 5).until(
        lambda driver: driver.execute_script("return window.__cspViolations.length")
    )
    assert browser.execute_script("return window.ran") is None


# -- evidence files --------------------------------------------------------------------------


def test_private_files_are_outside_every_served_directory_and_no_url_serves_them():
    private = Path(configured.MEDIA_ROOT).resolve()
    served = [Path(configured.STATIC_ROOT), *map(Path, configured.STATICFILES_DIRS)]
    for directory in served:
        directory = directory.resolve()
        assert not private.is_relative_to(directory)
        assert not directory.is_relative_to(private)

    def modules(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from modules(pattern.url_patterns)
            else:
                yield getattr(pattern.callback, "__module__", "")

    assert "django.views.static" not in set(modules(get_resolver().url_patterns))
    assert not getattr(configured, "MEDIA_URL", "")


@pytest.mark.usefixtures("private_media")
def test_an_evidence_download_is_a_sandboxed_uncached_attachment_whatever_its_name(client, mps):
    from actions.models import Evidence

    world_action = ActionFactory(owners=[mps])
    officer = UserFactory(username="officer-evidence")
    update = world_action.post_update(by=officer, note="Attached")
    evidence = Evidence(
        update=update,
        original_name='brief"ing\r\nSet-Cookie: x=1.pdf',
        content_type="application/pdf",
        size=4,
    )
    evidence.file.save("x.pdf", ContentFile(b"%PDF"), save=True)
    client.force_login(officer)
    response = client.get(reverse("actions:evidence", args=[evidence.pk]))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\r" not in disposition and "\n" not in disposition
    assert "Set-Cookie" not in response.headers
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "no-store" in response["Cache-Control"]
