"""Password reset that answers the same way, in the same time, for any address; rate-limited.

The request only counts itself (`PasswordResetRequest`) and queues the email after the commit
(`accounts.tasks.send_password_reset`): whether an account has the address is looked up by the
worker, never while the person waits, so a known and an unknown address get the same page in
the same time. At most RESETS_PER_ADDRESS emails an hour go to one address (further requests get
the same page and send nothing); one network address may ask RESETS_PER_IP times an hour, then
is told to wait (429), which says nothing about any account.
"""

import datetime
import hashlib
import hmac
import logging

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import timezone

from common.security.network import client_ip

from .forms import PasswordResetForm
from .models import PasswordResetRequest
from .tasks import send_password_reset

logger = logging.getLogger("security")

WINDOW = datetime.timedelta(hours=1)
RESETS_PER_ADDRESS = 3
RESETS_PER_IP = 20


def email_digest(email: str) -> str:
    """The address as a keyed hash (the same for any case), so the table names no one."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def count_request(email: str, ip: str | None) -> tuple[bool, bool]:
    """Record this request; (may the address get an email, may the network address ask)."""
    now = timezone.now()
    PasswordResetRequest.objects.filter(requested_at__lt=now - WINDOW).delete()
    recent = PasswordResetRequest.objects.filter(requested_at__gte=now - WINDOW)
    digest = email_digest(email)
    address_ok = recent.filter(email_digest=digest).count() < RESETS_PER_ADDRESS
    ip_ok = ip is None or recent.filter(ip=ip).count() < RESETS_PER_IP
    PasswordResetRequest.objects.create(email_digest=digest, ip=ip, requested_at=now)
    return address_ok, ip_ok


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        ip = client_ip(self.request)
        address_ok, ip_ok = count_request(email, ip)
        if not ip_ok:
            logger.warning("security.password_reset_limited ip=%s", ip)
            context = {"form": form, "rate_limited": True}
            return render(self.request, self.template_name, context, status=429)
        if address_ok:
            domain, https = self.request.get_host(), self.request.is_secure()
            transaction.on_commit(
                lambda: send_password_reset.delay(email, domain, https), robust=True
            )
        return HttpResponseRedirect(self.get_success_url())
