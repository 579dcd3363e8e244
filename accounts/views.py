"""The account page, the sign-in lockout page, and the directory of posts."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from common.optimistic import StaleEdit, check_version

from .forms import AbsenceForm, AccountForm, PostForm, SignInForm
from .models import Absence, Post


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your account has been updated.")
        return redirect("account")
    return render(request, "accounts/account.html", {"form": form})


@login_required
@require_POST
def revoke_tokens(request):
    """Revoke every token of the user: the API token and the calendar feed address."""
    request.user.revoke_all_tokens()
    messages.success(
        request,
        "Your API token and calendar feed address have been revoked. Subscribe to your "
        "calendar again with its new address.",
    )
    return redirect("account")


@login_required
@require_http_methods(["GET", "POST"])
def away(request):
    """A lead names a deputy for a period away, and sees or cancels the periods to come."""
    if not request.user.is_lead:
        raise PermissionDenied
    form = AbsenceForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        absence = form.save()
        messages.success(
            request,
            f"{absence.deputy.display_name()} deputises for you from "
            f"{absence.starts_on:%-d %B %Y} to {absence.ends_on:%-d %B %Y}.",
        )
        return redirect("away")
    absences = request.user.absences.filter(ends_on__gte=timezone.localdate()).select_related(
        "deputy"
    )
    return render(request, "accounts/away.html", {"form": form, "absences": absences})


@login_required
@require_http_methods(["POST"])
def cancel_absence(request, pk):
    absence = get_object_or_404(Absence, pk=pk, user=request.user)
    absence.delete()
    messages.success(request, "The period away is cancelled.")
    return redirect("away")


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): the sign-in page, explaining why."""
    form = SignInForm(request)
    if credentials:
        form.initial["username"] = credentials.get("username", "")
    context = {"form": form, "locked_out": True, "cooloff_hours": settings.AXES_COOLOFF_TIME}
    return render(request, "registration/login.html", context, status=429)


def _require(user, perm: str) -> None:
    if not user.has_perm(perm):
        raise PermissionDenied


@login_required
def post_list(request):
    """The directory of posts: each post, its organisation and who holds it now."""
    _require(request.user, "accounts.view_post")
    posts = Post.objects.select_related("organisation", "holder")
    return render(request, "accounts/post_list.html", {"posts": posts})


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request, pk=None):
    """Add a post to the directory, or change one (pk)."""
    _require(request.user, "accounts.change_post")
    post = get_object_or_404(Post, pk=pk) if pk is not None else None
    form = PostForm(request.POST or None, instance=post)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                if post is not None:
                    check_version(post, form.expected_version)
                post = form.save()
        except StaleEdit as stale:
            form.refuse_stale(stale)
        else:
            messages.success(request, f"{post.title} saved in the directory of posts.")
            return redirect("posts")
    return render(request, "accounts/post_form.html", {"form": form, "post": post})
