""" "My actions": where each role starts its work on actions.

A lead: their organisation's live actions, those they lead by name first, then those of the
colleagues they deputise for while away, overdue first.
An officer: completions awaiting acceptance, and the actions they changed most recently.
A reviewer: what is overdue.
"""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from accounts.models import User
from accounts.rules import covered_by
from actions.filters import default_order, page_keys
from actions.models import Action, MoreTimeRequest
from actions.rows import table_rows
from actions.workflow import LIVE_STATUSES

SECTION_LIMIT = 100
RECENT_LIMIT = 20


@dataclass
class Section:
    title: str
    rows: list  # actions.rows.ActionRow
    more_url: str = ""

    @property
    def truncated(self) -> bool:
        return len(self.rows) > SECTION_LIMIT

    @property
    def shown(self) -> list:
        return self.rows[:SECTION_LIMIT]


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
    still_visible = set(visible.filter(pk__in=order).values_list("pk", flat=True))
    return [pk for pk in order if pk in still_visible]


def _covering(user) -> dict[int, str]:
    """The leads `user` deputises for today (accounts.rules.covered_by): id -> name."""
    away = User.objects.filter(pk__in=covered_by(user)).order_by("first_name", "last_name")
    return {lead.pk: lead.display_name() for lead in away}


def _first(*querysets, count: int = SECTION_LIMIT + 1) -> list[list[int]]:
    """The keys of the first `count` actions of each queryset (through indexes in the default
    order); each section's table reads its rows (actions/rows.py)."""
    return [list(page_keys(queryset)[:count]) for queryset in querysets]


def sections_for(user) -> list[Section]:
    visible = Action.objects.for_user(user)
    if user.is_lead:
        live = default_order(visible.live())
        everything = _list_url(owner=user.organisation_id, status=list(LIVE_STATUSES))
        covering = _covering(user)
        led, cover, others = _first(
            live.filter(lead_user=user),
            live.filter(lead_user__in=covering),
            live.exclude(lead_user=user).exclude(lead_user__in=covering),
        )
        sections = [
            ("Led by you", led, everything),
            *([(f"Covering for {', '.join(covering.values())}", cover, "")] if covering else []),
            (f"Other {user.organisation} actions", others, everything),
        ]
    elif user.is_officer:
        awaiting = visible.awaiting_acceptance().order_by("completion_proposed_at", "pk")
        sections = [
            (
                "Awaiting your decision",
                list(awaiting.values_list("pk", flat=True)[: SECTION_LIMIT + 1]),
                _list_url(awaiting=1),
            ),
            ("Recently changed by you", _recently_changed(user, visible), ""),
        ]
    else:
        (overdue,) = _first(default_order(visible.overdue()))
        sections = [("Overdue", overdue, _list_url(overdue=1))]
    # Every section's rows read together (actions/rows.py: two queries for the page).
    rows = {row.pk: row for row in table_rows([pk for _, keys, _ in sections for pk in keys])}
    return [
        Section(title, [rows[pk] for pk in keys if pk in rows], more_url)
        for title, keys, more_url in sections
    ]


@login_required
def my_actions(request):
    context = {"sections": sections_for(request.user)}
    if request.user.is_officer:
        context["more_time_pending"] = MoreTimeRequest.objects.pending().count()
    return render(request, "actions/my_actions.html", context)
