"""Free-text search: PostgreSQL full-text search where available, a simple fallback elsewhere.

`matching()` is the one backend switch; the action list's `q` filter and the search page both
call it. On PostgreSQL the action query uses exactly the expression of the `action_search` GIN
index (migration actions/0002), so the index serves it.
"""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Q, QuerySet

# The fields of the `action_search` index, in its order; change both together.
ACTION_SEARCH_FIELDS = ("text", "lead", "timing")
SEARCH_CONFIG = "english"
SEARCH_ALIAS = "search_vector"


def full_text_available(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def matching(queryset: QuerySet, text: str, fields: tuple[str, ...]) -> QuerySet:
    """Rows of `queryset` whose `fields` match `text`.

    PostgreSQL: `to_tsvector('english', f1 || ' ' || f2 ...) @@ websearch_to_tsquery(text)`
    (stemmed words, "quoted phrases", -exclusions). Elsewhere: every word appears in one of the
    fields, case-insensitively.
    """
    text = text.strip()
    if not text:
        return queryset
    if full_text_available(queryset):
        vector = SearchVector(*fields, config=SEARCH_CONFIG)
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        return queryset.alias(**{SEARCH_ALIAS: vector}).filter(**{SEARCH_ALIAS: query})
    condition = Q()
    for word in text.split():
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return queryset.filter(condition)


def is_full_text_search(queryset: QuerySet) -> bool:
    """Whether `queryset` is narrowed by `matching()` through the full-text index."""
    return SEARCH_ALIAS in queryset.query.annotations


def matching_actions(queryset: QuerySet, text: str) -> QuerySet:
    return matching(queryset, text, ACTION_SEARCH_FIELDS)
