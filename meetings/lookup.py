"""Finding a meeting from a command line's --meeting: an id, or the date it was held."""

import datetime

from django.core.management.base import CommandError

from meetings.models import Meeting


def find_meeting(value: str) -> Meeting:
    """A meeting by its id, or by its date (YYYY-MM-DD) when exactly one meeting was held then."""
    if value.isdigit():
        meeting = Meeting.objects.filter(pk=int(value)).first()
        if meeting is None:
            raise CommandError(f"no meeting with id {value}")
        return meeting
    try:
        date = datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"--meeting takes a meeting id or a date as YYYY-MM-DD, not {value!r}"
        ) from None
    meetings = list(Meeting.objects.filter(date=date).order_by("pk"))
    if not meetings:
        raise CommandError(f"no meeting on {date}")
    if len(meetings) > 1:
        ids = ", ".join(str(m.pk) for m in meetings)
        raise CommandError(f"{len(meetings)} meetings on {date}: give the id ({ids})")
    return meetings[0]
