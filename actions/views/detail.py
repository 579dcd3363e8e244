"""The action page: what was agreed, where it came from, what can be done next, and its timeline."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render

from accounts.access import visible_mentions
from actions import services
from actions.access import get_action_for
from actions.extension_workflow import DECISIONS, Decision, decisions_for
from actions.models import Action
from actions.timeline import timeline
from actions.workflow import LIVE_STATUSES, Transition, allowed_transitions


def load_action(user, pk, perm: str = "actions.view_action") -> Action:
    """The action with everything its page shows, or 404/403 (actions.access decides); of the
    recommendations it answers, those the user may see (a higher app's: by its registered rule)."""
    recommendations = Action._meta.get_field("recommendations").related_model.objects
    with_relations = (
        Action.objects.select_related(
            "meeting__board",
            "letter",
            "minute_item",
            "forum",
            "theme",
            "lead_user",
            "superseded_by",
        )
        .with_owners()
        .prefetch_related(
            Prefetch(
                "recommendations",
                queryset=visible_mentions(user, recommendations.select_related("report")),
            )
        )
    )
    return get_action_for(user, pk, perm, actions=with_relations)


def pass_on_title(user) -> str:
    """An officer reassigns the lead; a lead passes the action to a colleague."""
    return "Reassign the lead" if user.is_officer else "Pass to a colleague"


@login_required
def action_detail(request, pk):
    action = load_action(request.user, pk)
    user = request.user
    next_steps = allowed_transitions(action.status)
    can_update = user.has_perm("actions.update_progress", action)
    can_decide = user.has_perm("actions.decide_completion", action)
    can_change = user.has_perm("actions.change_action", action)
    decides = can_decide and Transition.ACCEPT in next_steps
    # Four eyes: whoever proposed the completion does not accept it (actions/services.py).
    own_proposal = decides and getattr(services.proposer(action), "pk", None) == user.pk
    more_time = action.more_time_requests.pending().select_related("requested_by").first()
    return render(
        request,
        "actions/action_detail.html",
        {
            "action": action,
            "more_time": more_time,
            "pass_on": (
                pass_on_title(user)
                if action.status in LIVE_STATUSES and user.has_perm("actions.pass_on", action)
                else ""
            ),
            "more_time_decisions": _more_time_decisions(user, action, more_time),
            "can_ask_more_time": more_time is None
            and action.status in LIVE_STATUSES
            and user.has_perm("actions.ask_for_more_time", action),
            "timeline": timeline(action),
            "can_update": can_update and action.status in LIVE_STATUSES,
            "can_propose": can_update and Transition.PROPOSE in next_steps,
            "can_accept": decides and not own_proposal,
            "own_proposal": services.OWN_PROPOSAL if own_proposal else "",
            "can_reject": can_decide and Transition.REJECT in next_steps,
            "can_reopen": can_change and Transition.REOPEN in next_steps,
            "can_supersede": can_change and Transition.SUPERSEDE in next_steps,
            "can_drop": can_change and Transition.DROP in next_steps,
            "can_change": can_change,
        },
    )


def _more_time_decisions(user, action, more_time) -> list[tuple[str, str]]:
    """The decisions on a pending request the map allows and the user may make: (name, label)."""
    if more_time is None:
        return []
    return [
        (name, Decision(name).label)
        for name in decisions_for(more_time.status)
        if user.has_perm(DECISIONS[name][3], action)
    ]
