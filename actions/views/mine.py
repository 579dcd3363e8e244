""" "My actions": where each role starts its work on actions.

A lead: their organisation's live actions, those they lead by name first, overdue first.
An officer: completions awaiting acceptance, and the actions they changed most recently.
A reviewer: what is overdue.
"""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from actions.filters import default_order
from actions.models import Action
from actions.workflow import LIVE_STATUSES

SECTION_LIMIT = 100
RECENT_LIMIT = 20


@dataclass
class Section:
    title: str
    actions: list
    more_url: str = ""

    @property
    def truncated(self) -> bool:
        return len(self.actions) > SECTION_LIMIT

    @property
    def shown(self) -> list:
        return self.actions[:SECTION_LIMIT]


def _list_url(**params) -> str:
    return f"{reverse('actions:list')}?{urlencode(params, doseq=True)}"


def _recently_changed(user, visible) -> list:
    rows = (
        Action.history.filter(history_user=user)
        .values("id")
        .annotate(last=Max("history_date"))
        .order_by("-last")[:RECENT_LIMIT]
    )
    order = [row["id"] for row in rows]
    actions = {action.pk: action for action in visible.filter(pk__in=order)}
    return [actions[pk] for pk in order if pk in actions]


def _first(queryset, count: int) -> list:
    """The first `count` rows: sorted and sliced by key alone, then loaded in full, so that at
    100,000 actions the sort runs over narrow rows, not over every join a row needs."""
    pks = list(queryset.values_list("pk", flat=True)[:count])
    rows = Action.objects.for_lists().in_bulk(pks)
    return [rows[pk] for pk in pks]


def sections_for(user) -> list[Section]:
    visible = Action.objects.for_user(user).for_lists()
    top = SECTION_LIMIT + 1
    if user.is_lead:
        live = default_order(visible.live())
        everything = _list_url(owner=user.organisation_id, status=list(LIVE_STATUSES))
        return [
            Section("Led by you", _first(live.filter(lead_user=user), top), everything),
            Section(
                f"Other {user.organisation} actions",
                _first(live.exclude(lead_user=user), top),
                everything,
            ),
        ]
    if user.is_officer:
        awaiting = visible.awaiting_acceptance().order_by("completion_proposed_at", "pk")
        return [
            Section("Awaiting your decision", list(awaiting[:top]), _list_url(awaiting=1)),
            Section("Recently changed by you", _recently_changed(user, visible)),
        ]
    return [Section("Overdue", _first(default_order(visible.overdue()), top), _list_url(overdue=1))]


@login_required
def my_actions(request):
    return render(request, "actions/my_actions.html", {"sections": sections_for(request.user)})
