"""Officers edit an action (refusing a stale edit) and revise its timing, through
actions/services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import dateformat
from django.views.decorators.http import require_http_methods

from actions import services
from actions.board_timing import read_board_timing
from actions.forms import ActionEditForm, ReviseTimingForm
from actions.models import StaleEdit
from common.govuk import style_fields
from common.lifecycle import IllegalTransition

from .detail import load_action


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    action = load_action(request.user, pk, "actions.change_action")
    stale = False
    if request.method == "POST":
        form = ActionEditForm(request.POST, instance=action)
        if form.is_valid():
            try:
                services.edit_action(
                    form.save(commit=False),
                    by=request.user,
                    expected_version=form.expected_version,
                    owners=form.cleaned_data["owners"],
                )
            except StaleEdit as refused:
                stale = True
                form.refuse_stale(refused)
            else:
                messages.success(request, "The action has been saved.")
                return redirect(action)
    else:
        form = ActionEditForm(instance=action)
    style_fields(form)
    return render(
        request, "actions/action_edit.html", {"action": action, "form": form, "stale": stale}
    )


def _due_label(due) -> str:
    return f"due {dateformat.format(due, 'j F Y')}" if due else "no due date"


@login_required
@require_http_methods(["GET", "POST"])
def revise_timing(request, pk):
    action = load_action(request.user, pk, "actions.change_action")
    form = ReviseTimingForm(request.POST if request.method == "POST" else None)
    derived = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        derived = read_board_timing(data["timing"], action.written_on, action.source_board_id)
        if "preview" not in request.POST:
            try:
                services.revise_timing(
                    action,
                    by=request.user,
                    timing=data["timing"],
                    reason=data["reason"],
                    agreed_by=data["agreed_by"],
                )
            except IllegalTransition as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, f"Timing revised to “{action.timing}”: {_due_label(action.due_date)}."
                )
                return redirect(action)
    style_fields(form)
    return render(
        request,
        "actions/revise_timing.html",
        {"action": action, "form": form, "derived": derived},
    )
