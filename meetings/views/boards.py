"""Boards: the list (with each board's next meeting and open / overdue counts) and one board."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from meetings.access import meetings_for
from meetings.models import Board, Meeting


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
    return render(request, "meetings/board_list.html", {"boards": boards})


@login_required
def board_detail(request, pk):
    _require_board_access(request.user)
    board = get_object_or_404(Board, pk=pk)
    meetings = meetings_for(request.user).filter(board=board)
    return render(request, "meetings/board_detail.html", {"board": board, "meetings": meetings})
