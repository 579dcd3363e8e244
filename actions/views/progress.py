"""A lead (or officer) posts a progress update or proposes completion, with evidence files.

Both go through actions/services.py, which refuses what the lifecycle does not allow (a note on a
finished action, a proposal from the wrong status); the refusal comes back as a form error.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from actions import services
from actions.evidence import attach_evidence
from actions.forms import ProgressForm, ProposeForm
from actions.workflow import Transition
from common.govuk import style_fields
from common.lifecycle import IllegalTransition

from .detail import load_action


@dataclass(frozen=True)
class Step:
    title: str
    form_class: type[ProgressForm]
    done: str


STEPS = {
    "update": Step("Post an update", ProgressForm, "Your update has been posted."),
    "propose": Step(
        "Propose completion",
        ProposeForm,
        "Completion proposed. MOPAC will accept it or say what is still needed.",
    ),
}


def _apply(kind: str, action, by, note: str):
    if kind == "propose":
        return services.change_status(action, Transition.PROPOSE, by=by, note=note)
    return services.post_update(action, by=by, note=note)


@login_required
@require_http_methods(["GET", "POST"])
def progress(request, pk, kind):
    step = STEPS[kind]
    action = load_action(request.user, pk, "actions.update_progress")
    if request.method == "POST":
        form = step.form_class(request.POST, request.FILES)
        if form.is_valid():
            try:
                with transaction.atomic():
                    update = _apply(kind, action, request.user, form.cleaned_data["note"])
                    attach_evidence(update, form.cleaned_data["evidence"])
            except IllegalTransition as error:
                # A missing note is the note's error, linked from the summary to its box.
                missing_note = str(error) == services.PROPOSAL_NOTE_REQUIRED
                form.add_error("note" if missing_note else None, str(error))
            else:
                messages.success(request, step.done)
                return redirect(action)
    else:
        form = step.form_class()
    style_fields(form)
    return render(
        request,
        "actions/action_step.html",
        {"action": action, "form": form, "title": step.title, "multipart": True},
    )
