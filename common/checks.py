"""System checks for dangerous combinations of settings (run by `manage.py check` and at start).

Registered from common.apps.CommonConfig.ready().
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1"}
CONSOLE_EMAIL = "django.core.mail.backends.console.EmailBackend"


@register(Tags.security, Tags.database)
def debug_with_remote_database(app_configs, **kwargs):
    """DEBUG shows settings and SQL to anyone who hits an error: never against a shared database."""
    remote = sorted(
        {
            str(database.get("HOST") or "")
            for database in settings.DATABASES.values()
            if str(database.get("HOST") or "") not in LOCAL_HOSTS
        }
    )
    if settings.DEBUG and remote:
        return [
            Error(
                "DEBUG must not be on with a production database.",
                hint=f"Set DEBUG=false, or point DATABASE_URL at this machine (host {remote[0]}).",
                id="oversight.E001",
            )
        ]
    return []


@register(Tags.security)
def production_email_to_console(app_configs, **kwargs):
    """With DEBUG off, emails (reminders, password resets) must leave the building."""
    if not settings.DEBUG and settings.EMAIL_BACKEND == CONSOLE_EMAIL:
        return [
            Warning(
                "Emails are printed to the console, not sent, with DEBUG off.",
                hint="Set EMAIL_HOST (and EMAIL_HOST_USER, EMAIL_HOST_PASSWORD) to send them.",
                id="oversight.W001",
            )
        ]
    return []
