"""Sign-in lock-out per network address, across user names.

django-axes locks a user name at one address after AXES_FAILURE_LIMIT failures; one address
trying many user names would never reach it. This backend, first in AUTHENTICATION_BACKENDS,
sums axes' failures from the address over every user name within the cool-off
(AXES_COOLOFF_TIME) and, at ADDRESS_FAILURE_LIMIT, refuses any sign-in from it with axes' own
lock-out page (429), even with the right password.
"""

import datetime
import logging

from axes.models import AccessAttempt
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.utils import timezone

from common.security.network import client_ip

logger = logging.getLogger("security")


def address_failures(ip: str) -> int:
    since = timezone.now() - datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    attempts = AccessAttempt.objects.filter(ip_address=ip, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AddressLockoutBackend:
    """Authenticates no one; refuses every sign-in from an address over the limit. It has no
    `get_user`, so Django never names it as the backend of a session."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        ip = client_ip(request) if request is not None else None
        if ip and address_failures(ip) >= settings.ADDRESS_FAILURE_LIMIT:
            request.axes_locked_out = True  # AxesMiddleware answers with the lock-out page
            request.axes_credentials = {"username": username}
            logger.warning("security.lockout_address ip=%s", ip)
            raise PermissionDenied
        return None
