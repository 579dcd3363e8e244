"""The "API tokens" page: a user creates a token for a machine client, or revokes it.

DRF's token model holds one token per user. The key is shown once, in the response to the
request that creates it; afterwards the page shows only when it was created.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from rest_framework.authtoken.models import Token


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    """GET: the page. POST: create a token (replacing any existing one) and show its key."""
    new_key = None
    if request.method == "POST":
        Token.objects.filter(user=request.user).delete()
        new_key = Token.objects.create(user=request.user).key
    token = Token.objects.filter(user=request.user).first()
    return render(request, "api/tokens.html", {"token": token, "new_key": new_key})


@login_required
@require_POST
def revoke(request):
    deleted, _ = Token.objects.filter(user=request.user).delete()
    if deleted:
        messages.success(request, "Your API token has been revoked. Clients using it are refused.")
    return redirect("api:tokens")
