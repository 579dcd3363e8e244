"""The home page: where each role starts, with counts of what needs their attention."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone

from actions.models import Action
from actions.models.action import ActionQuerySet
from actions.workflow import LIVE_STATUSES, Status
from questions.models import PerformanceQuestion


@login_required
def home(request):
    """Counts of what needs attention, for the signed-in user's own view of the actions."""
    # Every count is of live actions: reading only those lets an index skip the closed ones.
    live = Action.objects.for_user(request.user).filter(status__in=LIVE_STATUSES)
    counts = live.aggregate(
        live=Count("pk"),
        overdue=Count("pk", filter=ActionQuerySet.overdue_q(timezone.localdate())),
        awaiting=Count("pk", filter=Q(status=Status.COMPLETION_PROPOSED)),
        needs_date=Count("pk", filter=ActionQuerySet.needs_date_q()),
    )
    if request.user.is_officer:  # officers chase the dates still to be agreed
        counts["questions_need_date"] = PerformanceQuestion.objects.needs_date().count()
    return render(request, "home.html", {"counts": counts})
