"""MOPAC's decisions on an action: accept or reject completion, reopen, supersede, drop.

Each is one transition of actions/services.py (`change_status`); a transition the status does not
allow comes back as a form error, with what was typed kept.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from actions import services
from actions.forms import NoteForm, ReasonForm, SupersedeForm
from actions.models import Action
from actions.workflow import Transition
from common.govuk import style_fields
from common.lifecycle import IllegalTransition

from .detail import load_action


@dataclass(frozen=True)
class Decision:
    title: str
    permission: str
    form_class: type[forms.Form]
    transition: str
    # The transition's note (or reason) from the form's data; a supersede also reads "into".
    note: Callable[[dict], str]
    done: str
    hint: str = ""


DECISIONS = {
    "accept": Decision(
        "Accept completion",
        "actions.decide_completion",
        NoteForm,
        Transition.ACCEPT,
        lambda data: data["note"],
        "Completion accepted: the action is completed.",
    ),
    "reject": Decision(
        "Reject completion",
        "actions.decide_completion",
        ReasonForm,
        Transition.REJECT,
        lambda data: data["reason"],
        "Completion rejected: the action is back in progress.",
        "Say what is still needed. The lead sees this reason.",
    ),
    "reopen": Decision(
        "Reopen the action",
        "actions.change_action",
        ReasonForm,
        Transition.REOPEN,
        lambda data: data["reason"],
        "The action is reopened and in progress.",
    ),
    "supersede": Decision(
        "Supersede the action",
        "actions.change_action",
        SupersedeForm,
        Transition.SUPERSEDE,
        lambda data: data["reason"],
        "The action is superseded.",
        "Merge this action into another one that carries on its work.",
    ),
    "drop": Decision(
        "Drop the action",
        "actions.change_action",
        ReasonForm,
        Transition.DROP,
        lambda data: data["reason"],
        "The action is dropped.",
    ),
}


def _form(decision: Decision, action: Action, user, data=None) -> forms.Form:
    if decision.form_class is SupersedeForm:
        return SupersedeForm(data, action=action, candidates=Action.objects.for_user(user))
    return decision.form_class(data)


@login_required
@require_http_methods(["GET", "POST"])
def decide(request, pk, kind):
    decision = DECISIONS[kind]
    action = load_action(request.user, pk, decision.permission)
    form = _form(decision, action, request.user, request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.change_status(
                action,
                decision.transition,
                by=request.user,
                note=decision.note(form.cleaned_data),
                superseded_by=form.cleaned_data.get("into"),
            )
        except IllegalTransition as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, decision.done)
            return redirect(action)
    style_fields(form)
    return render(
        request,
        "actions/action_step.html",
        {"action": action, "form": form, "title": decision.title, "hint": decision.hint},
    )
