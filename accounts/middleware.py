"""Sign people out after a period of inactivity (settings.SESSION_IDLE_SECONDS).

The absolute limit is the session cookie's age (SESSION_COOKIE_AGE); this adds the idle one.
Deactivated users need nothing here: Django's ModelBackend.get_user() returns no user for an
inactive account, so their next request is anonymous.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout

LAST_SEEN_KEY = "last_seen"
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
            if now - last_seen > settings.SESSION_IDLE_SECONDS:
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
