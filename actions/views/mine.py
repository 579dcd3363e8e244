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

from actions.filters import default_order, page_keys
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


def _first(*querysets, count: int = SECTION_LIMIT + 1) -> list[list]:
    """The first `count` actions of each queryset: their keys read alone (through indexes in
    the default order), then every section's rows loaded together with what a row shows."""
    keys = [list(page_keys(queryset)[:count]) for queryset in querysets]
    rows = Action.objects.for_tables().in_bulk([pk for section in keys for pk in section])
    return [[rows[pk] for pk in section] for section in keys]


def sections_for(user) -> list[Section]:
    visible = Action.objects.for_user(user).for_tables()
    if user.is_lead:
        live = default_order(visible.live())
        everything = _list_url(owner=user.organisation_id, status=list(LIVE_STATUSES))
        led, others = _first(live.filter(lead_user=user), live.exclude(lead_user=user))
        return [
            Section("Led by you", led, everything),
            Section(f"Other {user.organisation} actions", others, everything),
        ]
    if user.is_officer:
        awaiting = visible.awaiting_acceptance().order_by("completion_proposed_at", "pk")
        return [
            Section(
                "Awaiting your decision", list(awaiting[: SECTION_LIMIT + 1]), _list_url(awaiting=1)
            ),
            Section("Recently changed by you", _recently_changed(user, visible)),
        ]
    (overdue,) = _first(default_order(visible.overdue()))
    return [Section("Overdue", overdue, _list_url(overdue=1))]


@login_required
def my_actions(request):
    return render(request, "actions/my_actions.html", {"sections": sections_for(request.user)})
