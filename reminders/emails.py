"""The reminder emails, each from a subject, a plain-text and an HTML template.

templates/reminders/email/reminder_*       one reminder about one item
templates/reminders/email/daily_digest_*   a day's reminders for a user who chose the digest
templates/reminders/email/weekly_digest_*  everything overdue, to a reviewer, on Mondays
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from accounts.models import ReminderPreference

from .digest import item_url, overdue_groups
from .models import Reminder


def send_batch(rows: list[Reminder], today: datetime.date) -> None:
    """Send one email for these claimed rows (all to one recipient); raise if it fails."""
    first = rows[0]
    if first.kind == Reminder.Kind.DIGEST:
        send_weekly_digest(first, today)
    elif first.recipient.reminder_preference == ReminderPreference.DAILY:
        send_daily_digest(rows, today)
    else:
        send_reminder(first, today)


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


def send_reminder(row: Reminder, today: datetime.date) -> None:
    _send("reminder", about(row, today), row.email)


def send_daily_digest(rows: list[Reminder], today: datetime.date) -> None:
    reminders = [about(row, today) for row in rows]
    _send("daily_digest", {"reminders": reminders, "today": today}, rows[0].email)


def send_weekly_digest(row: Reminder, today: datetime.date) -> None:
    groups = overdue_groups(today)
    context = {
        "groups": groups,
        "total": sum(len(group.items) for group in groups),
        "escalated": sum(entry.escalated for group in groups for entry in group.items),
        "week": row.period,
        "today": today,
    }
    _send("weekly_digest", context, row.email)


def _send(name: str, context: dict, to: str) -> None:
    context = {"escalate_after": settings.REMINDER_ESCALATE_AFTER_DAYS, **context}
    subject = render_to_string(f"reminders/email/{name}_subject.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string(f"reminders/email/{name}.txt", context),
        to=[to],
    )
    html = render_to_string(f"reminders/email/{name}.html", context)
    message.attach_alternative(html, "text/html")
    message.send()
