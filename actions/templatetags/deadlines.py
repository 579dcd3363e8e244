"""{% deadline_tag item %} and {% deadline_tags action %}: the tags of actions/deadline_tags.py
in templates.

`deadline_tag` takes an item with `deadline_state()` (an action, a question) or a state
("overdue", for a deadline of another kind: a letter's response, a report's comments);
`deadline_tags` adds the flag of an action's or a question's timing ("Timing unreadable",
"Date TBC", "Due at the next meeting (not yet scheduled)").
"""

from django import template
from django.utils.safestring import SafeString

from actions import deadline_tags as tags

register = template.Library()


@register.simple_tag
def deadline_tag(item_or_state, today=None) -> SafeString:
    """`today`: as in `deadline_tags`."""
    if isinstance(item_or_state, str):
        return tags.state_tag(item_or_state)
    return tags.state_tag(item_or_state.deadline_state(today))


@register.simple_tag
def deadline_tags(item, today=None) -> SafeString:
    """`today`: the day the deadline is counted from, when not today (a page as at a past day)."""
    return tags.deadline_tags(item.deadline_state(today), flag=item.timing_flag)
