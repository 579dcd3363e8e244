"""Questions as they stood at the end of a past day (common.as_at), for the question list, its
downloads and the dashboard.

The history does not keep `source_board` (a question's board never changes), so the list reads
it from the question; `as_they_stood` turns records into questions carrying that day's values,
for the pages and downloads that show questions.
"""

import datetime

from django.db.models import OuterRef, QuerySet, Subquery, prefetch_related_objects

from common.as_at import as_records_said, records_on
from questions.models import PerformanceQuestion

BOARD = Subquery(PerformanceQuestion.objects.filter(pk=OuterRef("id")).values("source_board")[:1])
# What the list and the downloads show of a question beyond its own fields.
RELATED = ("source_board", "letter__meeting", "meeting__board", "put_to", "theme")


def questions_on(questions: QuerySet, day: datetime.date) -> QuerySet:
    """`records_on(questions, day)`, with `source_board` for the board filter."""
    return records_on(questions, day).alias(source_board=BOARD)


def as_they_stood(records) -> list[PerformanceQuestion]:
    """Each record as its question (not saved) with that day's values, and its board; what
    they name read in one query each."""
    records = list(records)
    boards = dict(
        PerformanceQuestion.objects.filter(pk__in=[record.id for record in records]).values_list(
            "pk", "source_board"
        )
    )
    questions = as_records_said(records)
    for question in questions:
        question.source_board_id = boards.get(question.pk)
    prefetch_related_objects(questions, *RELATED)
    return questions
