"""Passing an action to another lead: a lead to a colleague of their organisation, an officer to
any lead of an owner organisation (actions.services.pass_action)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from actions import services
from actions.forms import PassOnForm
from common.govuk import style_fields
from common.lifecycle import IllegalTransition

from .detail import load_action, pass_on_title


@login_required
@require_http_methods(["GET", "POST"])
def pass_on(request, pk):
    action = load_action(request.user, pk, "actions.pass_on")
    data = request.POST if request.method == "POST" else None
    form = PassOnForm(data, action=action, by=request.user)
    if form.is_bound and form.is_valid():
        to = form.cleaned_data["to"]
        try:
            services.pass_action(action, by=request.user, to=to, note=form.cleaned_data["note"])
        except IllegalTransition as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{to.display_name()} now leads this action.")
            return redirect(action)
    style_fields(form)
    context = {"action": action, "form": form, "title": pass_on_title(request.user)}
    return render(request, "actions/action_step.html", context)
