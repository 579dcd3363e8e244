"""{% attach_action_counts objects by %}: gives each meeting or board in `objects` a `counts`
attribute ({"open": n, "overdue": n}) over the actions the signed-in user may see, in one query.

`by` is "meeting" (the actions agreed at each meeting) or "board" (the actions whose board, kept
on the action as `source_board`, is each board: its meetings' and their letters').
"""

from django import template
from django.utils import timezone

from actions.counts import action_counts, attach_counts
from actions.models import Action

register = template.Library()

GROUPED_BY = {"meeting": "meeting", "board": "source_board"}


@register.simple_tag(takes_context=True)
def attach_action_counts(context, objects, by: str) -> str:
    objects = list(objects)
    field = GROUPED_BY[by]
    visible = Action.objects.for_user(context["request"].user)
    of_these = visible.filter(**{f"{field}__in": [obj.pk for obj in objects]})
    attach_counts(objects, action_counts(of_these, field, timezone.localdate()))
    return ""
