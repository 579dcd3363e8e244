"""The tags beside an item's deadline, written once: its deadline state (overdue, due soon, on
track, no deadline; nothing once done), its timing's flag (unreadable, TBC, due at the next
meeting not yet scheduled: `timing_flag`), slipped.

Templates write them with the `deadline_tag` and `deadline_tags` template tags
(actions/templatetags/deadlines.py), the action tables through actions/rows.py: every page shows
the same tag, in the same colour (static/scss/main.scss, `.app-tag--<state>`), with the same
words. The state itself is `deadline_state` (actions/models/base.py), the rule of
`DeadlineQuerySet`.
"""

import functools
from html import escape

from django.utils.safestring import SafeString, mark_safe

from actions.models.base import DEADLINE_STATE_LABELS

DONE = "done"

# The flags of a timing that needs a date from someone (actions.board_timing.timing_flag): the
# flag's words and its GOV.UK tag colour.
TIMING_FLAGS = {
    "unreadable": ("Timing unreadable", "govuk-tag--red"),
    "tbc": ("Date TBC", "govuk-tag--yellow"),
    "unscheduled": ("Due at the next meeting (not yet scheduled)", "govuk-tag--purple"),
}


@functools.cache  # a handful of states, on every row of every table
def state_tag(state: str) -> SafeString:
    """The tag of a deadline state ("overdue", "due_soon", ...); nothing for "done"."""
    if not state or state == DONE:
        return mark_safe("")
    label = DEADLINE_STATE_LABELS[state]
    return mark_safe(f'<strong class="govuk-tag app-tag--{escape(state)}">{escape(label)}</strong>')


# The flags that say why an item has no deadline yet.
NO_DEADLINE_YET = {"tbc", "unscheduled"}


@functools.cache
def flag_tag(flag: str) -> SafeString:
    """The tag of a timing's flag; nothing for none."""
    if not flag:
        return mark_safe("")
    label, colour = TIMING_FLAGS[flag]
    return mark_safe(f'<strong class="govuk-tag {colour} app-tag--{flag}">{escape(label)}</strong>')


def slipped_tag(slip_count: int) -> SafeString:
    return mark_safe(
        f'<strong class="govuk-tag govuk-tag--orange">Slipped \u00d7{slip_count}</strong>'
    )


def deadline_tags(state: str, *, flag: str = "", slip_count: int = 0) -> SafeString:
    """The state's tag, then the timing's flag ("Timing unreadable", "Date TBC", ...) and
    "Slipped" with its count when they apply, one a line. "Date TBC" and "Due at the next
    meeting" say why there is no deadline, so they stand for "No deadline"."""
    says_why = flag in NO_DEADLINE_YET and state == "no_deadline"
    tags = [
        "" if says_why else state_tag(state),
        flag_tag(flag),
        slipped_tag(slip_count) if slip_count else "",
    ]
    return mark_safe("\n".join(tags))
