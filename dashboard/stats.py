"""The dashboard's numbers: SQL aggregates over what the user may see, never loops over rows.

`summary` counts any querysets of actions and questions (or of their history rows, as they
stood on a past day); `tallied_summary` gives the same figures for today by summing the rows of
the action tally (actions/tallies.py) instead of counting the actions, and is what the dashboard
shows.

Every condition comes from the querysets' own definitions (`ActionQuerySet.overdue_q()` and the
other `*_q()` methods), so a count here and the filtered list its link opens agree. The four
action tables are one statement (`grouping_sets`), and the totals are the sums of the lead
table's rows, since every action has exactly one lead (blank or not).
"""

import datetime
import functools
import operator
from dataclasses import dataclass, field, replace
from functools import reduce
from urllib.parse import urlencode

from django.db import models
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Min, Q
from django.urls import reverse

from accounts.models import Organisation
from accounts.owners import OwnerReader, organisations_by_name
from actions import as_at as as_at_actions
from actions.models import ActionTally
from actions.models.action import ActionQuerySet
from actions.models.base import DUE_SOON_DAYS, Theme
from actions.rows import table_rows
from actions.workflow import LIVE_STATUSES
from common.as_at import AS_AT
from letters.models import Letter
from meetings.models import Board
from questions.models import QuestionQuerySet

from .grouping_sets import RowSet, grouped_counts

ACTION_LIST = "actions:list"
QUESTION_LIST = "questions:list"
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
        # Not a column: the open actions now, the trend chart's point for today.
        "open": Q(status__in=LIVE_STATUSES),
    }


def question_conditions(today: datetime.date) -> dict[str, Q]:
    return {
        "overdue": QuestionQuerySet.overdue_q(today),
        "due_soon": QuestionQuerySet.due_within_q(DUE_SOON_DAYS, today),
        "no_deadline": QuestionQuerySet.without_deadline_q(),
    }


def _linker(route: str, as_at: datetime.date | None = None):
    """A function from a group's encoded filter and a measure's parameters to the URL of the
    list `route` so filtered (as at the day the counts are of); the route is reversed, and each
    measure's parameters encoded, once."""
    path = reverse(route) + (f"?{AS_AT}={as_at.isoformat()}" if as_at else "")
    separator = "&" if as_at else "?"
    encoded = functools.cache(lambda params: urlencode(dict(params)))

    def link(group_query: str, measure_params: dict) -> str:
        measure_query = encoded(tuple(measure_params.items()))
        query = f"{group_query}&{measure_query}" if group_query else measure_query
        return f"{path}{separator}{query}"

    return link


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


def _row(label, key, counts, measures, link, group_params) -> Row:
    """A row of counts, each non-zero count linked to its list (`link`) when the list can
    filter it."""

    group_query = urlencode(group_params or {})

    def url(measure):
        linkable = counts[measure.name] and measure.params and group_params is not None
        return link(group_query, measure.params) if linkable else None

    return Row(label, [Cell(counts[m.name], url(m), m.label) for m in measures], key)


@dataclass(frozen=True)
class Grouping:
    """How to group: by `key`, which the list filters by as `param`; each group is named by
    `label_of`'s field of the model whose primary key the key is (None: the key is its name)."""

    title: str
    group_label: str
    key: object
    param: str
    label_of: tuple[type[models.Model], str] | None
    one_per_action: bool = True  # False: an action can be in several groups (its owners)

    @property
    def numeric_key(self) -> bool:
        return self.label_of is not None


def _counts(conditions: dict[str, Q]) -> dict:
    # No DISTINCT: an organisation owns an action once (action_owner_unique), so grouping by
    # owner still counts an action once in each group.
    return {name: Count("pk", filter=q) for name, q in conditions.items()}


def _counted(queryset, conditions: dict[str, Q]):
    """Only the rows some count counts: a row that meets no condition adds nothing anywhere."""
    return queryset.order_by().filter(reduce(operator.or_, conditions.values()))


# Every action condition holds only for a live action (pending and awaiting acceptance are
# live statuses) or a slipped one: the same rows as the OR of them all, in a form that the
# database plans quickly and that the partial index `action_counted` covers.
ACTIONS_COUNTED = Q(status__in=LIVE_STATUSES) | ActionQuerySet.slipped_q()


def _grouped(queryset, grouping: Grouping, conditions: dict[str, Q]):
    """Counts per group in one query (the questions'; `grouping.key` a foreign key)."""
    label = F(f"{grouping.key.name}__{grouping.label_of[1]}")
    return (
        _counted(queryset, conditions)
        .annotate(group_key=grouping.key, group_name=label)
        .values("group_key", "group_name")
        .annotate(**_counts(conditions))
    )


def _table(grouping: Grouping, measures, groups: list[dict], link) -> Breakdown:
    """The groups with something to count as rows, most overdue first."""
    table = Breakdown(grouping.title, grouping.group_label, grouping.param, measures)
    for counts in groups:
        if not any(counts[m.name] for m in measures):
            continue
        key = counts["group_key"]
        if key is not None and grouping.numeric_key:
            key = int(key)
        params = {grouping.param: key} if key not in (None, "") else None
        table.rows.append(_row(counts["group_name"] or "", key, counts, measures, link, params))
    table.rows.sort(key=lambda row: (-row.first, row.label.lower(), row.label, str(row.key)))
    return table


def _rows(queryset, groupings, conditions: dict[str, Q]):
    """The counted rows with each grouping's key and each condition as a column."""
    columns = {f"{grouping.param}_key": grouping.key for grouping in groupings}
    flags = {name: ExpressionWrapper(q, BooleanField()) for name, q in conditions.items()}
    return queryset.order_by().filter(ACTIONS_COUNTED).values(**columns, **flags)


def breakdowns(queryset, groupings, conditions) -> dict[str, list[dict]]:
    """The counts of each grouping (by its `param`), all in one query: the groupings with one
    group per action share one reading of the counted actions; one with several (the owners)
    reads its own rows, one per action and group."""
    batches = [[g for g in groupings if g.one_per_action]]
    batches += [[g] for g in groupings if not g.one_per_action]
    row_sets = [
        RowSet(_rows(queryset, batch, conditions), tuple(batch)) for batch in batches if batch
    ]
    groups = {grouping.param: [] for grouping in groupings}
    for counts in grouped_counts(row_sets, list(conditions)):
        groups[counts["grouping"]].append(counts)
    return groups


def _sums(groups: list[dict], names) -> dict[str, int]:
    return {name: sum(counts[name] for counts in groups) for name in names}


ACTION_GROUPINGS = (
    Grouping("By lead: people and posts", "Lead", F("lead"), "lead_is", None),
    Grouping(
        "By owner organisation",
        "Owner",
        F("owners"),
        "owner",
        (Organisation, "short_name"),
        one_per_action=False,
    ),
    Grouping("By board", "Board", F("source_board"), "board", (Board, "name")),
    Grouping("By theme", "Theme", F("theme"), "theme", (Theme, "name")),
)
# As at a past day the counts read history records (actions.as_at), whose owners are their own.
AS_AT_GROUPINGS = tuple(
    replace(grouping, key=F(as_at_actions.OWNERS)) if grouping.param == "owner" else grouping
    for grouping in ACTION_GROUPINGS
)
QUESTION_GROUPING = Grouping(
    "Questions by organisation", "Put to", F("put_to"), "put_to", (Organisation, "short_name")
)


@dataclass
class Summary:
    """What the dashboard shows in numbers."""

    action_totals: Row
    action_breakdowns: list[Breakdown]
    question_totals: Row
    question_breakdown: Breakdown
    open_actions: int  # open, in progress or completion proposed, today


def summary(actions, questions, today: datetime.date, as_at: bool = False) -> Summary:
    """All the counts for the visible `actions` and `questions` on `today`: two queries. As at
    a past day (`as_at`), `actions` and `questions` are the records of that day, `today` is it,
    and each count opens its list as at that day."""
    groupings = AS_AT_GROUPINGS if as_at else ACTION_GROUPINGS
    groups = breakdowns(actions, groupings, action_conditions(today))
    day = today if as_at else None
    return _summary(groups, questions, today, organisations_by_name(), day)


def tallied_summary(user, questions, today: datetime.date) -> Summary:
    """The counts `summary` gives for what `user` may see today, the actions' summed from the
    action tally: three queries (the tally's tables, the organisations, the questions)."""
    groups = tallied_breakdowns(user, action_conditions(today))
    return _summary(groups, questions, today, organisations_by_name())


def _summary(groups: dict[str, list[dict]], questions, today, organisations, as_at=None) -> Summary:
    """The counts' tables; each count links to its list (as at `as_at`, a past day)."""
    conditions = action_conditions(today)
    action_link, question_link = _linker(ACTION_LIST, as_at), _linker(QUESTION_LIST, as_at)
    # Every action has one lead (perhaps blank) and each question is put to one organisation,
    # so the totals are the sums of those groups.
    action_totals = _sums(groups["lead_is"], conditions)
    question_groups = list(_grouped(questions, QUESTION_GROUPING, question_conditions(today)))
    question_totals = _sums(question_groups, (m.name for m in QUESTION_MEASURES))
    tables = [
        _table(grouping, ACTION_MEASURES, groups[grouping.param], action_link)
        for grouping in ACTION_GROUPINGS
    ]
    _leave_out_organisations(tables[0], organisations)
    return Summary(
        action_totals=_row("All", None, action_totals, ACTION_MEASURES, action_link, {}),
        action_breakdowns=tables,
        question_totals=_row("All", None, question_totals, QUESTION_MEASURES, question_link, {}),
        question_breakdown=_table(
            QUESTION_GROUPING, QUESTION_MEASURES, question_groups, question_link
        ),
        open_actions=action_totals["open"],
    )


# Each action table from the tally's rows of its kind (actions/tallies.py).
TALLY_TABLES = {
    "lead_is": ActionTally.Table.LEAD,
    "board": ActionTally.Table.BOARD,
    "theme": ActionTally.Table.THEME,
}
# The owner table from the lead rows of each organisation's scope.
OWNER_SCOPES = Grouping("", "", F("scope"), "owner", (Organisation, "short_name"))


def tallied_breakdowns(user, conditions) -> dict[str, list[dict]]:
    """The groups of `breakdowns` for what `user` may see, summed from the action tally in one
    statement: the tables by lead, board and theme from the rows of their kind in the user's
    scope, the owner table from the organisations' scopes (`by_owner_for_user`)."""
    flags = {name: ExpressionWrapper(q, BooleanField()) for name, q in conditions.items()}

    def row_set(tallies, grouping) -> RowSet:
        columns = {f"{grouping.param}_key": grouping.key, **flags, "weight": F("count")}
        return RowSet(tallies.order_by().filter(ACTIONS_COUNTED).values(**columns), (grouping,))

    scope = ActionTally.objects.for_user(user)
    row_sets = [
        row_set(scope.filter(table=TALLY_TABLES[grouping.param]), grouping)
        for grouping in ACTION_GROUPINGS
        if grouping.param in TALLY_TABLES
    ]
    row_sets.append(row_set(ActionTally.objects.by_owner_for_user(user), OWNER_SCOPES))
    groups = {grouping.param: [] for grouping in ACTION_GROUPINGS}
    for counts in grouped_counts(row_sets, list(conditions), weight="weight"):
        groups[counts["grouping"]].append(counts)
    return groups


def _leave_out_organisations(by_lead: Breakdown, organisations: dict) -> None:
    """People and posts apart from organisations: a Lead that names only organisations ("MPS",
    "MPS and MOPAC", read as Annex A's Lead is read) leaves the lead table, since the owner
    organisation table counts those actions."""

    read_owners = OwnerReader(organisations)

    def names_organisations_only(label: str) -> bool:
        read = read_owners(label)
        return bool(read.owners) and not read.unknown

    by_lead.rows = [row for row in by_lead.rows if not names_organisations_only(row.label)]


def letters_awaiting_reply(letters, today: datetime.date) -> dict[str, int]:
    """Letters we sent that still await a reply, and how many of those are past their date."""
    return letters.filter(direction=Letter.Direction.OUT, status=Letter.Status.SENT).aggregate(
        awaiting=Count("pk"), overdue=Count("pk", filter=Q(response_due__lt=today))
    )


def oldest_overdue_actions(actions, today: datetime.date, as_at: bool = False) -> list:
    """As the rows of an action table (actions/rows.py); as at a past day, of its records."""
    overdue = actions.filter(ActionQuerySet.overdue_q(today)).order_by("due_date", "id")
    return table_rows(overdue[:OLDEST_OVERDUE], as_at=today if as_at else None)


def oldest_overdue_questions(questions, today: datetime.date):
    """Model instances, or history records as at a past day: both have `id` and the fields."""
    return list(
        questions.filter(QuestionQuerySet.overdue_q(today))
        .select_related("put_to", "letter", "meeting__board")
        .order_by("response_due", "id")[:OLDEST_OVERDUE]
    )


def boards_with_next_meeting(today: datetime.date):
    """Active boards with the date of their next meeting (None when none is scheduled)."""
    return Board.objects.filter(is_active=True).annotate(
        next_meeting_on=Min("meetings__date", filter=Q(meetings__date__gte=today))
    )
