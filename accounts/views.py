"""The account page, and the sign-in lockout page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .forms import AccountForm, SignInForm


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
