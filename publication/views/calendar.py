"""Calendar feeds: the page showing a user's private feed URLs, revoking them, and the feeds."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.models import new_feed_token
from publication.calendar import actions_feed, meetings_feed


@login_required
def feeds(request):
    token = request.user.calendar_token
    return render(
        request,
        "publication/calendar_feeds.html",
        {
            "actions_url": request.build_absolute_uri(
                reverse("publication:calendar_actions", args=[token])
            ),
            "meetings_url": request.build_absolute_uri(
                reverse("publication:calendar_meetings", args=[token])
            ),
        },
    )


@login_required
@require_POST
def revoke(request):
    """A new token: the old feed URLs stop working at once."""
    request.user.calendar_token = new_feed_token()
    request.user.save(update_fields=["calendar_token"])
    messages.success(request, "New calendar addresses made. The old ones no longer work.")
    return redirect("publication:calendar")


def _feed_owner(token: str):
    return get_object_or_404(get_user_model(), calendar_token=token, is_active=True)


def _ics(body: bytes, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


def actions_ics(request, token):
    return _ics(actions_feed(_feed_owner(token)), "actions")


def meetings_ics(request, token):
    return _ics(meetings_feed(_feed_owner(token)), "meetings")
