"""Sign people out after a period of inactivity (settings.SESSION_IDLE_SECONDS), and at the
latest SESSION_COOKIE_AGE after signing in however active they are.

Django's own expiry (SESSION_COOKIE_AGE) counts from the session's last save, and the idle clock
saves the session every minute, so the absolute limit is kept here, from the session's first
signed-in request.
Deactivated users need nothing here: Django's ModelBackend.get_user() returns no user for an
inactive account, so their next request is anonymous.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout

LAST_SEEN_KEY = "last_seen"
SIGNED_IN_KEY = "signed_in_at"
# Write the timestamp at most this often, so that not every request saves the session.
WRITE_EVERY_SECONDS = 60


class IdleTimeoutMiddleware:
    """Place after AuthenticationMiddleware and MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY, now)
            signed_in_at = request.session.setdefault(SIGNED_IN_KEY, now)
            if now - signed_in_at > settings.SESSION_COOKIE_AGE:
                logout(request)
                hours = settings.SESSION_COOKIE_AGE // 3600
                messages.info(
                    request,
                    f"You were signed out {hours} hours after signing in. "
                    "Sign in again to continue.",
                )
            elif now - last_seen > settings.SESSION_IDLE_SECONDS:
                logout(request)
                minutes = settings.SESSION_IDLE_SECONDS // 60
                messages.info(
                    request,
                    f"You were signed out after {minutes} minutes without activity. "
                    "Sign in again to continue.",
                )
            elif now - last_seen >= WRITE_EVERY_SECONDS or LAST_SEEN_KEY not in request.session:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)
