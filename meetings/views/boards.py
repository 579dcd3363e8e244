"""Boards: the list (with each board's next meeting and open / overdue counts) and one board."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from accounts.access import meetings_for
from actions.models import Action
from meetings.models import Board, Meeting

from .counts import action_counts, attach_counts


def _require_board_access(user):
    if not user.has_perm("meetings.view_board"):
        raise PermissionDenied


@login_required
def board_list(request):
    _require_board_access(request.user)
    today = timezone.localdate()
    next_meeting = Meeting.objects.filter(board=OuterRef("pk"), date__gte=today).order_by("date")
    boards = list(
        Board.objects.annotate(
            next_meeting_date=Subquery(next_meeting.values("date")[:1]),
            next_meeting_id=Subquery(next_meeting.values("pk")[:1]),
            meeting_count=Count("meetings"),
        ).order_by("-is_active", "name")
    )
    actions = Action.objects.filter(meeting__isnull=False)
    attach_counts(boards, action_counts(actions, "meeting__board", today))
    return render(request, "meetings/board_list.html", {"boards": boards})


@login_required
def board_detail(request, pk):
    _require_board_access(request.user)
    board = get_object_or_404(Board, pk=pk)
    meetings = list(meetings_for(request.user).filter(board=board))
    actions = Action.objects.for_user(request.user).filter(meeting__board=board)
    attach_counts(meetings, action_counts(actions, "meeting", timezone.localdate()))
    return render(request, "meetings/board_detail.html", {"board": board, "meetings": meetings})
