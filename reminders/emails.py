"""The reminder emails, each from a subject, a plain-text and an HTML template.

templates/reminders/email/reminder_*       one reminder about one item
templates/reminders/email/daily_digest_*   a day's reminders for a user who chose the digest
templates/reminders/email/weekly_digest_*  everything overdue, to a reviewer, on Mondays

Nothing in a reminder or the weekly digest depends on its recipient, so a sweep renders each
once (Mailer) and addresses a copy to every recipient; a daily digest is rendered per user.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string

from accounts.models import ReminderPreference

from .digest import item_url, overdue_groups, waiting_for_a_date
from .models import Reminder

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    html: str

    def to(self, address: str) -> EmailMultiAlternatives:
        message = EmailMultiAlternatives(subject=self.subject, body=self.body, to=[address])
        message.attach_alternative(self.html, "text/html")
        return message


def about(row: Reminder, today: datetime.date) -> dict:
    """What an email says about the item of one reminder."""
    item = row.item
    return {
        "reminder": row,
        "item": item,
        "noun": "Action" if row.action_id else "Question",
        "url": item_url(item),
        "due": row.due_date,
        "days_left": max((row.due_date - today).days, 0),
        "days_overdue": max((today - row.due_date).days, 0),
    }


def render(name: str, context: dict) -> Rendered:
    context = {"escalate_after": settings.REMINDER_ESCALATE_AFTER_DAYS, **context}
    subject = render_to_string(f"reminders/email/{name}_subject.txt", context)
    return Rendered(
        subject=" ".join(subject.split()),
        body=render_to_string(f"reminders/email/{name}.txt", context),
        html=render_to_string(f"reminders/email/{name}.html", context),
    )


class Mailer:
    """The emails of one sweep on `today`: what several recipients share is rendered once."""

    def __init__(self, today: datetime.date):
        self.today = today
        self._rendered: dict[tuple, Rendered] = {}

    def message(self, rows: list[Reminder]) -> EmailMultiAlternatives:
        """The one email for these claimed rows (all to one recipient)."""
        first = rows[0]
        if first.kind == Reminder.Kind.DIGEST:
            rendered = self._once(("digest", first.period), lambda: self._weekly_digest(first))
        elif first.recipient.reminder_preference == ReminderPreference.DAILY:
            reminders = [about(row, self.today) for row in rows]
            rendered = render("daily_digest", {"reminders": reminders, "today": self.today})
        else:
            key = (first.action_id, first.question_id, first.kind, first.due_date)
            rendered = self._once(key, lambda: render("reminder", about(first, self.today)))
        return rendered.to(first.email)

    def _once(self, key: tuple, make: Callable[[], Rendered]) -> Rendered:
        if key not in self._rendered:
            self._rendered[key] = make()
        return self._rendered[key]

    def _weekly_digest(self, row: Reminder) -> Rendered:
        groups = overdue_groups(self.today)
        context = {
            "groups": groups,
            "total": sum(len(group.items) for group in groups),
            "escalated": sum(entry.escalated for group in groups for entry in group.items),
            "waiting": waiting_for_a_date(),
            "week": row.period,
            "today": self.today,
        }
        return render("weekly_digest", context)


class Outbox:
    """One connection to the email backend for a group of emails, reopened after a failure."""

    def __init__(self):
        self._connection = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._drop()

    def send(self, message: EmailMultiAlternatives) -> None:
        """Send one email; raise if it fails."""
        try:
            if self._connection is None:
                self._connection = get_connection()
                self._connection.open()
            self._connection.send_messages([message])
        except Exception:
            self._drop()
            raise

    def _drop(self) -> None:
        """Close the connection. An error in closing it changes nothing sent or failed before."""
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            connection.close()
        except Exception as error:
            logger.warning("Closing the email connection failed: %s", error)
