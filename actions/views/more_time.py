"""More time: a lead asks for a new deadline, an officer agrees or declines, and officers see the
requests awaiting a decision. Each write is one call of actions/extensions.py; a refusal comes
back as a form error, with what was typed kept."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from actions import extensions
from actions.extension_workflow import DECISIONS, Decision
from actions.forms import DecisionReasonForm, MoreTimeForm
from actions.models import MoreTimeRequest
from common.govuk import style_fields
from common.lifecycle import IllegalTransition

from .detail import load_action

DONE = {
    Decision.AGREE: "More time agreed: the timing is revised.",
    Decision.DECLINE: "The request for more time is declined.",
    Decision.WITHDRAW: "Your request for more time is withdrawn.",
}


@login_required
@require_http_methods(["GET", "POST"])
def ask(request, pk):
    action = load_action(request.user, pk, "actions.ask_for_more_time")
    form = MoreTimeForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            extensions.ask_for_more_time(
                action,
                by=request.user,
                timing=form.cleaned_data["timing"],
                reason=form.cleaned_data["reason"],
            )
        except IllegalTransition as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "More time asked for. MOPAC will agree or decline it.")
            return redirect(action)
    style_fields(form)
    context = {"action": action, "form": form, "title": "Ask for more time"}
    return render(request, "actions/action_step.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def decide(request, pk, decision):
    if decision not in DECISIONS:
        raise Http404
    more_time = get_object_or_404(MoreTimeRequest, pk=pk)
    _, _, needs_reason, permission = DECISIONS[decision]
    action = load_action(request.user, more_time.action_id, permission)
    more_time.action = action
    form = DecisionReasonForm(
        request.POST if request.method == "POST" else None, required=needs_reason
    )
    if form.is_bound and form.is_valid():
        try:
            extensions.decide_more_time(
                more_time, decision, by=request.user, reason=form.cleaned_data["reason"]
            )
        except IllegalTransition as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, DONE[decision])
            return redirect(action)
    style_fields(form)
    context = {
        "action": action,
        "form": form,
        "title": Decision(decision).label,
        "hint": f"Asked: “{more_time.timing}” (due {more_time.due_date:%-d %B %Y}). "
        f"Why: {more_time.reason}",
    }
    return render(request, "actions/action_step.html", context)


@login_required
def pending(request):
    """The requests awaiting a decision, oldest first (officers)."""
    if not request.user.is_officer:
        raise PermissionDenied
    requests = (
        MoreTimeRequest.objects.pending()
        .select_related("action__meeting__board", "action__letter", "requested_by")
        .order_by("requested_at", "pk")
    )
    return render(request, "actions/more_time_pending.html", {"requests": requests})
