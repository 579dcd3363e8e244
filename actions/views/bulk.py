"""Bulk changes (officers): the actions ticked on the list, one change and one reason, applied to
all or none (actions/bulk.py); the refused ones are listed with why."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from actions.bulk import BulkRefused, apply_bulk_change
from actions.forms import BulkChangeForm
from actions.models import Action
from actions.rows import table_rows
from common.govuk import style_fields

MAX_SELECTED = 500


def _chosen(request) -> list[int]:
    data = request.POST if request.method == "POST" else request.GET
    return [int(pk) for pk in data.getlist("action") if pk.isdigit()][:MAX_SELECTED]


@login_required
@require_http_methods(["GET", "POST"])
def bulk_change(request):
    if not request.user.is_officer:
        raise PermissionDenied
    keys = _chosen(request)
    actions = list(
        Action.objects.for_user(request.user)
        .filter(pk__in=keys)
        .select_related("meeting__board", "letter")
        .order_by("source_date", "number", "pk")
    )
    form = BulkChangeForm(request.POST if request.method == "POST" else None)
    refusals = []
    if actions and form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            count = apply_bulk_change(
                actions, data["change"], data["value"], by=request.user, reason=data["reason"]
            )
        except BulkRefused as refused:
            refusals = refused.refusals
            form.add_error(
                None,
                f"Nothing has been changed: {len(refusals)} of the {len(actions)} actions "
                "cannot take this change. Choose another change, or go back to the list and "
                "untick them.",
            )
        else:
            messages.success(request, f"{count} action{'s' if count != 1 else ''} changed.")
            return redirect("actions:list")
    style_fields(form)
    context = {
        "form": form,
        "rows": table_rows([action.pk for action in actions]),
        "keys": [action.pk for action in actions],
        "refusals": refusals,
    }
    return render(request, "actions/bulk_change.html", context)
