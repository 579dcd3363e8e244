"""System checks for dangerous settings (common/checks.py)."""

import pytest
from django.core.checks import Error, Warning, run_checks

from common.checks import debug_with_remote_database, production_email_to_console

pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")

CONSOLE = "django.core.mail.backends.console.EmailBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def database_on(host, settings):
    return {"default": {**settings.DATABASES["default"], "HOST": host}}


@pytest.mark.parametrize("host", ["db.internal.example", "10.0.0.5", "postgres"])
def test_debug_with_a_database_on_another_host_is_an_error(settings, host):
    settings.DEBUG = True
    settings.DATABASES = database_on(host, settings)

    [error] = debug_with_remote_database(None)

    assert isinstance(error, Error)
    assert error.id == "oversight.E001"
    assert error.msg == "DEBUG must not be on with a production database."
    assert host in error.hint


@pytest.mark.parametrize("host", ["", "localhost", "127.0.0.1", "::1"])
def test_debug_with_a_local_database_is_fine(settings, host):
    settings.DEBUG = True
    settings.DATABASES = database_on(host, settings)

    assert debug_with_remote_database(None) == []


def test_a_remote_database_without_debug_is_fine(settings):
    settings.DEBUG = False
    settings.DATABASES = database_on("db.internal.example", settings)

    assert debug_with_remote_database(None) == []


def test_production_with_the_console_email_backend_is_a_warning(settings):
    settings.DEBUG = False
    settings.EMAIL_BACKEND = CONSOLE

    [warning] = production_email_to_console(None)

    assert isinstance(warning, Warning)
    assert warning.id == "oversight.W001"
    assert "EMAIL_HOST" in warning.hint


def test_production_with_smtp_email_is_fine(settings):
    settings.DEBUG = False
    settings.EMAIL_BACKEND = SMTP

    assert production_email_to_console(None) == []


def test_the_console_email_backend_is_fine_while_debugging(settings):
    settings.DEBUG = True
    settings.EMAIL_BACKEND = CONSOLE

    assert production_email_to_console(None) == []


def test_the_checks_are_registered_with_django(settings):
    settings.DEBUG = True
    settings.DATABASES = database_on("db.internal.example", settings)

    ids = {message.id for message in run_checks(include_deployment_checks=False)}

    assert "oversight.E001" in ids
