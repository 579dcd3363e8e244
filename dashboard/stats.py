"""The dashboard's numbers: SQL aggregates over what the user may see, never loops over rows.

Every condition comes from the querysets' own definitions (`ActionQuerySet.overdue_q()` and the
other `*_q()` methods), so a count here and the filtered list its link opens agree.
"""

import datetime
import operator
from dataclasses import dataclass, field
from functools import reduce
from urllib.parse import urlencode

from django.db.models import Count, F, Min, Q
from django.db.models.functions import Coalesce
from django.urls import reverse

from actions.models.action import ActionQuerySet
from actions.models.base import DUE_SOON_DAYS
from actions.models.question import QuestionQuerySet
from meetings.models import Board

ACTION_LIST = "actions:list"
QUESTION_LIST = "inquiries:list"
OLDEST_OVERDUE = 10


@dataclass(frozen=True)
class Measure:
    """One column of counts: its name, heading, and the list filter that shows its rows."""

    name: str
    label: str
    params: dict


ACTION_MEASURES = (
    Measure("overdue", "Overdue", {"overdue": "1"}),
    Measure("due_soon", f"Due in the next {DUE_SOON_DAYS} days", {"due_within": DUE_SOON_DAYS}),
    Measure("no_deadline", "With no deadline", {"no_deadline": "1"}),
    Measure("awaiting", "Awaiting acceptance", {"awaiting": "1"}),
    Measure("slipped", "Slipped", {"slipped": "1"}),
)
# The question list filters by overdue only; the other counts are shown without a link.
QUESTION_MEASURES = (
    Measure("overdue", "Overdue", {"overdue": "true"}),
    Measure("due_soon", f"Due in the next {DUE_SOON_DAYS} days", {}),
    Measure("no_deadline", "With no deadline", {}),
)


def action_conditions(today: datetime.date) -> dict[str, Q]:
    return {
        "overdue": ActionQuerySet.overdue_q(today),
        "due_soon": ActionQuerySet.due_within_q(DUE_SOON_DAYS, today),
        "no_deadline": ActionQuerySet.without_deadline_q(),
        "awaiting": ActionQuerySet.awaiting_acceptance_q(),
        "slipped": ActionQuerySet.slipped_q(),
    }


def question_conditions(today: datetime.date) -> dict[str, Q]:
    return {
        "overdue": QuestionQuerySet.overdue_q(today),
        "due_soon": QuestionQuerySet.due_within_q(DUE_SOON_DAYS, today),
        "no_deadline": QuestionQuerySet.without_deadline_q(),
    }


def list_url(route: str, params: dict) -> str:
    return f"{reverse(route)}?{urlencode(params)}"


@dataclass
class Cell:
    value: int
    url: str | None
    label: str


@dataclass
class Row:
    label: str
    cells: list[Cell]
    key: object = None
    url: str | None = None  # a page about the group itself (a board's)

    @property
    def first(self) -> int:
        """The first count (overdue), which orders the rows and draws the bar chart."""
        return self.cells[0].value


@dataclass
class Breakdown:
    """A table of counts with one row per lead, organisation, board or theme."""

    title: str
    group_label: str
    param: str
    measures: tuple[Measure, ...]
    rows: list[Row] = field(default_factory=list)


def _row(label, key, counts, measures, route, group_params) -> Row:
    """A row of counts, each non-zero count linked to its list when the list can filter it."""

    def url(measure):
        linkable = counts[measure.name] and measure.params and group_params is not None
        return list_url(route, {**group_params, **measure.params}) if linkable else None

    return Row(label, [Cell(counts[m.name], url(m), m.label) for m in measures], key)


@dataclass(frozen=True)
class Grouping:
    """How to group: the key the list filters by (`param`), and the label shown."""

    title: str
    group_label: str
    key: object
    label: object
    param: str


def _counts(conditions: dict[str, Q]) -> dict:
    # No DISTINCT: an organisation owns an action once (action_owner_unique), so grouping by
    # owner still counts an action once in each group.
    return {name: Count("pk", filter=q) for name, q in conditions.items()}


def _counted(queryset, conditions: dict[str, Q]):
    """Only the rows some count counts: a row that meets no condition adds nothing anywhere."""
    return queryset.order_by().filter(reduce(operator.or_, conditions.values()))


def breakdown(queryset, grouping: Grouping, measures, conditions, route) -> Breakdown:
    """Counts per group in one query; groups with nothing to count are left out, most overdue
    first."""
    grouped = (
        _counted(queryset, conditions)
        .annotate(group_key=grouping.key, group_name=grouping.label)
        .values("group_key", "group_name")
        .annotate(**_counts(conditions))
    )
    table = Breakdown(grouping.title, grouping.group_label, grouping.param, measures)
    for counts in grouped:
        if not any(counts[m.name] for m in measures):
            continue
        key = counts["group_key"]
        params = {grouping.param: key} if key not in (None, "") else None
        table.rows.append(_row(counts["group_name"] or "", key, counts, measures, route, params))
    table.rows.sort(key=lambda row: (-row.first, row.label.lower()))
    return table


def totals(queryset, measures, conditions, route) -> Row:
    """The counts over everything the user may see: one query."""
    counts = _counted(queryset, conditions).aggregate(**_counts(conditions))
    return _row("All", None, counts, measures, route, {})


BOARD_ID = Coalesce("meeting__board", "letter__meeting__board")
BOARD_NAME = Coalesce("meeting__board__name", "letter__meeting__board__name")

ACTION_GROUPINGS = (
    Grouping("By lead", "Lead", F("lead"), F("lead"), "lead_is"),
    Grouping("By owner organisation", "Owner", F("owners"), F("owners__short_name"), "owner"),
    Grouping("By board", "Board", BOARD_ID, BOARD_NAME, "board"),
    Grouping("By theme", "Theme", F("theme"), F("theme__name"), "theme"),
)
QUESTION_GROUPING = Grouping(
    "Questions by organisation", "Put to", F("put_to"), F("put_to__short_name"), "put_to"
)


@dataclass
class Summary:
    """What the dashboard shows in numbers."""

    action_totals: Row
    action_breakdowns: list[Breakdown]
    question_totals: Row
    question_breakdown: Breakdown


def summary(actions, questions, today: datetime.date) -> Summary:
    """All the counts for the visible `actions` and `questions`: six queries."""
    conditions = action_conditions(today)
    by_organisation = breakdown(
        questions, QUESTION_GROUPING, QUESTION_MEASURES, question_conditions(today), QUESTION_LIST
    )
    return Summary(
        action_totals=totals(actions, ACTION_MEASURES, conditions, ACTION_LIST),
        action_breakdowns=[
            breakdown(actions, grouping, ACTION_MEASURES, conditions, ACTION_LIST)
            for grouping in ACTION_GROUPINGS
        ],
        # Each question is put to one organisation, so the totals are the sum of its rows.
        question_totals=_row(
            "All",
            None,
            {
                m.name: sum(row.cells[i].value for row in by_organisation.rows)
                for i, m in enumerate(QUESTION_MEASURES)
            },
            QUESTION_MEASURES,
            QUESTION_LIST,
            {},
        ),
        question_breakdown=by_organisation,
    )


def oldest_overdue_actions(actions, today: datetime.date):
    return list(
        actions.overdue(today)
        .for_lists()
        .select_related("lead_user")
        .order_by("due_date", "pk")[:OLDEST_OVERDUE]
    )


def oldest_overdue_questions(questions, today: datetime.date):
    return list(
        questions.overdue(today)
        .select_related("put_to", "letter", "meeting__board")
        .order_by("response_due", "pk")[:OLDEST_OVERDUE]
    )


def boards_with_next_meeting(today: datetime.date):
    """Active boards with the date of their next meeting (None when none is scheduled)."""
    return Board.objects.filter(is_active=True).annotate(
        next_meeting_on=Min("meetings__date", filter=Q(meetings__date__gte=today))
    )
