"""Home page (where each role starts), the account page, and the sign-in lockout page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from actions.models import Action
from actions.models.action import ActionQuerySet
from actions.workflow import LIVE_STATUSES, Status

from .forms import AccountForm, SignInForm


@login_required
def home(request):
    """Counts of what needs attention, for the signed-in user's own view of the actions."""
    # Every count is of live actions: reading only those lets an index skip the closed ones.
    live = Action.objects.for_user(request.user).filter(status__in=LIVE_STATUSES)
    counts = live.aggregate(
        live=Count("pk"),
        overdue=Count("pk", filter=ActionQuerySet.overdue_q(timezone.localdate())),
        awaiting=Count("pk", filter=Q(status=Status.COMPLETION_PROPOSED)),
    )
    return render(request, "home.html", {"counts": counts})


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your account has been updated.")
        return redirect("account")
    return render(request, "accounts/account.html", {"form": form})


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): the sign-in page, explaining why."""
    form = SignInForm(request)
    if credentials:
        form.initial["username"] = credentials.get("username", "")
    context = {"form": form, "locked_out": True, "cooloff_hours": settings.AXES_COOLOFF_TIME}
    return render(request, "registration/login.html", context, status=429)
