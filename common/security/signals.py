"""Sign-in events: failures and lockouts (django-axes), sign-ins and sign-outs."""

import logging

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .events import log_event, request_fields


@receiver(user_login_failed)
def login_failed(sender, credentials, request=None, **kwargs):
    # Django masks the password in `credentials`; only the username is logged.
    fields = request_fields(request) if request is not None else {}
    log_event("login_failed", username=credentials.get("username", "-"), **fields)


@receiver(user_locked_out)
def locked_out(sender, request, username, ip_address, **kwargs):
    log_event("lockout", username=username or "-", ip=ip_address or "-")


@receiver(user_logged_in)
def logged_in(sender, request, user, **kwargs):
    log_event("login", level=logging.INFO, **{**request_fields(request), "user": user.pk})


@receiver(user_logged_out)
def logged_out(sender, request, user, **kwargs):
    if user is not None:
        log_event("logout", level=logging.INFO, **{**request_fields(request), "user": user.pk})
