"""The account page, the sign-in lockout page, and the directory of posts."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from .forms import AccountForm, PostForm, SignInForm
from .models import Post


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
        post = form.save()
        messages.success(request, f"{post.title} saved in the directory of posts.")
        return redirect("posts")
    return render(request, "accounts/post_form.html", {"form": form, "post": post})
