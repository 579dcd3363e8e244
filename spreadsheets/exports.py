"""The lists that can be downloaded, each with its filters, columns and rows.

Every export starts from the user's `for_user` queryset and applies the same filters as the list
page, so a download holds exactly the filtered list the user sees.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from actions import as_at
from actions.export import ACTION_COLUMNS, ACTION_ORDER, action_rows
from actions.filters import ActionFilter
from actions.models import Action
from common.as_at import as_records_said
from common.listing import valid_filter_results
from questions.as_at import RELATED, as_they_stood
from questions.filters import QuestionFilter
from questions.models import PerformanceQuestion
from recommendations.access import LISTED, recommendations_for
from recommendations.filters import RecommendationFilter

QUESTION_COLUMNS = [
    "Board",
    "Meeting date",
    "Source",
    "No",
    "Question",
    "Put to",
    "Theme",
    "Response due as written",
    "Response due",
    "Status",
    "Response",
]
RECOMMENDATION_COLUMNS = [
    "Report",
    "Made by",
    "Published",
    "Reference",
    "Kind",
    "Recommendation",
    "Owner",
    "Status",
    "Actions",
    "Evidence",
    "Board",
    "Meeting date",
    "Source",
]


def _joined(values) -> str:
    """Distinct values in the order met, joined: "24 Jun 2022, 14 Oct 2022"."""
    return ", ".join(dict.fromkeys(str(v) for v in values if v))


def question_rows(questions):
    """Where each question was put (board, meeting date, letter), then the question; of a
    queryset, or of questions already loaded (`questions.as_at.as_they_stood`)."""
    if isinstance(questions, QuerySet):
        questions = questions.select_related(*RELATED)
    for q in questions:
        meeting = q.meeting or (q.letter.meeting if q.letter else None)
        yield [
            q.source_board.name if q.source_board else "",
            meeting.date if meeting else None,
            q.letter.reference if q.letter else "",
            q.number,
            q.text,
            q.put_to.short_name,
            q.theme.name if q.theme else "",
            q.response_timing,
            q.response_due,
            q.get_status_display(),
            q.response,
        ]


def recommendation_rows(recommendations, user):
    """The recommendations' rows; the actions each answers, as far as `user` may see them. A
    recommendation has no board of its own: its Board, Meeting date and Source are those of the
    actions that answer it (their boards, meeting dates and letters). Of a queryset, or of
    recommendations as they stood on a past day (`common.as_at.as_records_said`), which answer
    the actions they answer today."""
    linked = (
        Action.objects.for_user(user)
        .select_related("meeting", "letter", "source_board")
        .order_by("pk")
    )
    answered = Prefetch("actions", queryset=linked)
    if isinstance(recommendations, QuerySet):
        recommendations = recommendations.select_related(*LISTED).prefetch_related(answered)
    else:
        prefetch_related_objects(recommendations, *LISTED, answered)
    for r in recommendations:
        actions = list(r.actions.all())
        yield [
            r.report.title,
            r.report.body.short_name,
            r.report.published_on,
            r.reference,
            r.get_kind_display(),
            r.text,
            r.owner.short_name,
            r.get_status_display(),
            ", ".join(f"{a.source.date:%d/%m/%Y} no. {a.number}" for a in actions),
            r.evidence,
            _joined(a.source_board.name if a.source_board else "" for a in actions),
            _joined(a.meeting.date.isoformat() if a.meeting else "" for a in actions),
            _joined(a.letter.reference if a.letter else "" for a in actions),
        ]


def _actions(user, params):
    """As the list filters them; as at a past day, the history records of that day."""
    action_filter = ActionFilter(params, queryset=Action.objects.for_user(user), user=user)
    actions = valid_filter_results(action_filter)
    if not params.get("sort"):
        actions = actions.order_by(*ACTION_ORDER)
    return action_rows(actions, **as_at.row_sources(action_filter.day))


def _questions(user, params):
    """As the list filters them; as at a past day, as they stood then."""
    visible = PerformanceQuestion.objects.for_user(user)
    question_filter = QuestionFilter(params, queryset=visible)
    questions = valid_filter_results(question_filter)
    return question_rows(as_they_stood(questions) if question_filter.day else questions)


def _recommendations(user, params):
    """As the log filters them; as at a past day, as they stood then."""
    filterset = RecommendationFilter(params, queryset=recommendations_for(user))
    recommendations = valid_filter_results(filterset)
    if filterset.day:
        recommendations = as_records_said(recommendations)
    return recommendation_rows(recommendations, user)


@dataclass(frozen=True)
class Export:
    columns: list[str]
    date_columns: tuple[str, ...]
    rows: Callable  # (user, GET params) -> rows


EXPORTS = {
    "actions": Export(ACTION_COLUMNS, ("Due date", "Meeting date"), _actions),
    "questions": Export(QUESTION_COLUMNS, ("Response due", "Meeting date"), _questions),
    "recommendations": Export(
        RECOMMENDATION_COLUMNS, ("Published", "Meeting date"), _recommendations
    ),
}
