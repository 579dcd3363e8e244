"""Search across actions, their updates, questions, meetings, minutes and letters.

Only what the user may see. A letter's reference typed whole also finds the letter's meeting and
its actions, which do not carry the reference themselves.
"""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.shortcuts import render

from actions.filters import default_order
from actions.models import Action, ActionUpdate
from actions.rows import table_rows
from actions.search import matching, matching_actions
from common.counting import RowCount, row_count
from letters.access import letters_for
from meetings.access import meetings_for
from meetings.models import MinuteItem
from questions.models import PerformanceQuestion

RESULT_LIMIT = 20
QUERY_MAX = 200


@dataclass
class Results:
    title: str
    kind: str
    count: RowCount
    items: list


def _results(title: str, kind: str, queryset: QuerySet, items=list) -> Results:
    """The count (common.counting: exact when small) and the first RESULT_LIMIT items (`items`
    turns them into what is shown)."""
    return Results(title, kind, row_count(queryset), items(queryset[:RESULT_LIMIT]))


def search_everything(user, text: str) -> list[Results]:
    meetings = meetings_for(user)
    letters = letters_for(user)
    actions = Action.objects.for_user(user)
    by_reference = letters.filter(reference__iexact=text)
    return [
        _results(
            "Actions",
            "action",
            default_order(
                matching_actions(actions, text) | actions.filter(letter__in=by_reference)
            ),
            items=table_rows,
        ),
        _results(
            "Progress updates",
            "update",
            matching(
                ActionUpdate.objects.filter(action__in=actions).exclude(note=""),
                text,
                ("note",),
            )
            .select_related("action__meeting__board", "author")
            .order_by("-created_at", "-pk"),
        ),
        _results(
            "Performance questions",
            "question",
            matching(
                PerformanceQuestion.objects.for_user(user).select_related("meeting__board"),
                text,
                ("text", "response", "response_timing"),
            ).order_by("-pk"),
        ),
        _results(
            "Meetings",
            "meeting",
            matching(meetings.select_related("board"), text, ("board__name", "focus"))
            | meetings.filter(pk__in=by_reference.values("meeting")).select_related("board"),
        ),
        _results(
            "Minute items",
            "minute",
            matching(
                MinuteItem.objects.filter(meeting__in=meetings).select_related("meeting__board"),
                text,
                ("heading", "text"),
            ).order_by("-meeting__date", "position", "pk"),
        ),
        _results(
            "Letters",
            "letter",
            matching(letters, text, ("reference", "subject", "body")) | by_reference,
        ),
    ]


@login_required
def search(request):
    text = request.GET.get("q", "").strip()[:QUERY_MAX]
    sections = search_everything(request.user, text) if text else []
    return render(
        request,
        "search/search.html",
        {
            "q": text,
            "sections": sections,
            "total": RowCount(
                sum(section.count.value for section in sections),
                estimated=any(section.count.estimated for section in sections),
            ),
            "limit": RESULT_LIMIT,
        },
    )
