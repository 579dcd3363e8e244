"""Your notices (mark one or all as read), and the officers' log of every notice email."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import Notice

SHOWN = 100
LOG_SHOWN = 200


@login_required
def notice_list(request):
    notices = (
        Notice.objects.filter(recipient=request.user)
        .select_related("by")
        .order_by("-created_at", "-pk")[:SHOWN]
    )
    return render(request, "notices/notice_list.html", {"notices": notices, "shown": SHOWN})


@login_required
@require_POST
def mark_read(request, pk):
    notice = get_object_or_404(Notice, pk=pk, recipient=request.user)
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return redirect("notices:list")


@login_required
@require_POST
def mark_all_read(request):
    Notice.objects.filter(recipient=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return redirect("notices:list")


@login_required
def email_log(request):
    """Every notice email, newest first: to whom, the subject, when, and what happened."""
    if not request.user.is_officer:
        raise PermissionDenied
    emails = (
        Notice.objects.exclude(email_status=Notice.Email.NONE)
        .select_related("recipient")
        .order_by("-created_at", "-pk")[:LOG_SHOWN]
    )
    return render(request, "notices/email_log.html", {"emails": emails, "shown": LOG_SHOWN})
