"""The reminder sweep: find what is due, claim it, send it, record the result.

    1. Find. Actions and questions whose `next_reminder_on` has come (partial indexes
       action_reminder_due / question_reminder_due), plus any pending item with a due date that
       was written without save() and so has no schedule yet. schedule.reminders_due() says what
       each needs today; recipients.Recipients says to whom.
    2. Claim. In one short transaction per chunk of items: lock the items' rows and read them
       again, insert a Reminder row per item, kind, period and recipient with ON CONFLICT DO
       NOTHING (the unique constraints make a second insert a no-op), and move on, in one
       UPDATE, the `next_reminder_on` of the items nobody changed since they were read (a
       concurrent save wins: it reschedules the item itself). The weekly digest is claimed the
       same way.
    3. Send, outside any transaction, SEND_GROUP emails at a time. The group's rows still to
       send (pending, or failed with tries left) are taken with one conditional UPDATE to
       "sending" under a fresh claim token; only the sweep whose UPDATE matched a row sends it.
       The group's emails go over one connection to the mail server (reopened after a failure),
       then the results are written, again only where the token still matches: one UPDATE for
       the sent rows, one for the cancelled, one per error for the failed. A row left "sending"
       by a sweep that died is released as failed after STALE_CLAIM and retried.

So two sweeps at once, a retried task or a re-run by hand send each reminder once. The one
window left: a process killed after the mail server accepted a message and before its group was
marked sent; the group's emails already accepted (at most SEND_GROUP) are sent again by a later
sweep (at least once, never silently lost). Marking each email on its own would shrink that
window to one email at the price of two statements per email, which at 100,000 actions made
the sweep several times slower.
"""

import datetime
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby

from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts.models import ReminderPreference
from actions import reminder_schedule as schedule
from actions.models import Action
from questions.models import PerformanceQuestion

from . import emails
from .models import Reminder
from .recipients import Recipients

logger = logging.getLogger(__name__)

CHUNK = 500
# Emails claimed with one UPDATE, sent over one connection and recorded together. A process
# killed mid-group may send up to this many again (see the module docstring).
SEND_GROUP = 50
Kind = Reminder.Kind
Status = Reminder.Status


@dataclass
class SweepResult:
    sent: int = 0
    failed: int = 0
    already_sent: int = 0
    lines: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return f"sent {self.sent}, failed {self.failed}, already sent {self.already_sent}"


@dataclass(frozen=True)
class Source:
    """A kind of item the sweep reminds about."""

    model: type[models.Model]
    field: str  # its foreign key on Reminder
    related: tuple[str, ...]
    prefetch: tuple[str, ...]
    recipients: Callable[[Recipients, models.Model], list]

    @property
    def queryset(self):
        return self.model.objects.all()


SOURCES = (
    Source(Action, "action", ("lead_user",), ("owners",), Recipients.for_action),
    Source(PerformanceQuestion, "question", (), (), Recipients.for_question),
)
ITEM_RELATED = (
    "recipient",
    "action__meeting__board",
    "action__letter",
    "question__meeting__board",
    "question__letter",
    "question__put_to",
)


def run_sweep(
    today: datetime.date | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    weekly_digest: bool = False,
) -> SweepResult:
    """Send every reminder due on `today` that has not been sent, and retry failed ones.

    The weekly digest is claimed when `weekly_digest` is set (the Monday beat entry) and on any
    day but Monday, so a digest the Monday run missed goes out with the next daily sweep.
    With `dry_run`, nothing is written or sent: the result lists what would be.
    """
    today = today or timezone.localdate()
    result = SweepResult()
    if not dry_run:
        released = Reminder.release_abandoned(timezone.now())
        if released:
            logger.warning("Released %d reminders abandoned mid-send", released)
    recipients = Recipients()
    planned: list[Reminder] = []
    for source in SOURCES:
        for items in _candidate_chunks(source, today):
            rows = _plan(source, items, recipients, today)
            if not dry_run:
                _claim(source, items, rows, today)
            planned += rows
    if weekly_digest or today.weekday() != 0:
        monday = today - datetime.timedelta(days=today.weekday())
        rows = [
            Reminder(kind=Kind.DIGEST, period=monday, recipient=user, email=user.email)
            for user in recipients.reviewers
        ]
        if not dry_run:
            Reminder.objects.bulk_create(rows, ignore_conflicts=True)
        planned += rows
    _count_already_sent(planned, result)
    if dry_run:
        _list_unsent(planned, result)
    else:
        _send_claimed(today, result, progress)
    return result


# -- 1. find -----------------------------------------------------------------------------------


def _candidate_chunks(source: Source, today: datetime.date):
    """Items to look at today, in chunks of CHUNK, by primary key."""
    qs = source.queryset
    unscheduled = (
        qs.pending_q() & Q(next_reminder_on__isnull=True) & Q(**{f"{qs.due_field}__isnull": False})
    )
    candidates = (
        qs.filter(Q(next_reminder_on__lte=today) | unscheduled)
        .select_related(*source.related)
        .prefetch_related(*source.prefetch)
        .order_by("pk")
    )
    last_pk = 0
    while items := list(candidates.filter(pk__gt=last_pk)[:CHUNK]):
        yield items
        last_pk = items[-1].pk


def _state(source: Source, item) -> tuple[bool, datetime.date | None]:
    """Whether the item's deadline still binds, and its due date."""
    qs = source.queryset
    return item.status in qs.pending_statuses, getattr(item, qs.due_field)


def _plan(source: Source, items, recipients: Recipients, today: datetime.date) -> list[Reminder]:
    """The Reminder rows these items need today (unsaved)."""
    rows = []
    for item in items:
        pending, due = _state(source, item)
        if not pending or due is None:
            continue
        last_update = item.last_update_at and timezone.localdate(item.last_update_at)
        for due_now in schedule.reminders_due(due, today, last_update):
            if due_now.kind == Kind.ESCALATION:
                people = recipients.reviewers
            else:
                people = source.recipients(recipients, item)
            rows += [
                Reminder(
                    **{source.field: item},
                    kind=due_now.kind,
                    period=due_now.period,
                    due_date=due,
                    recipient=user,
                    email=user.email,
                )
                for user in people
            ]
    return rows


# -- 2. claim ----------------------------------------------------------------------------------


def _claim(source: Source, items, rows: list[Reminder], today: datetime.date) -> None:
    """Insert the rows (existing ones are left alone) and move each item's schedule on.

    The items are locked and read again first: only those nobody changed since they were read
    are moved on (a save reschedules the item itself), with one UPDATE for the chunk.
    """
    qs = source.queryset
    fields = ("pk", "next_reminder_on", "status", qs.due_field)
    with transaction.atomic():
        locked = source.model.objects.select_for_update().filter(pk__in=[it.pk for it in items])
        stored = {values[0]: values[1:] for values in locked.order_by("pk").values_list(*fields)}
        Reminder.objects.bulk_create(rows, ignore_conflicts=True)
        unchanged = []
        for item in items:
            pending, due = _state(source, item)
            if stored.get(item.pk) == (item.next_reminder_on, item.status, due):
                item.next_reminder_on = schedule.following_reminder_on(pending, due, today)
                unchanged.append(item)
        source.model.objects.bulk_update(unchanged, ["next_reminder_on"])


def _key(row: Reminder) -> tuple:
    return (row.action_id, row.question_id, row.kind, row.period, row.recipient_id)


def _existing(planned: list[Reminder], statuses: tuple[str, ...] = ()) -> dict[tuple, Reminder]:
    """The stored rows for the planned keys (only in `statuses`, if given), a chunk at a time."""
    reminders = Reminder.objects.filter(status__in=statuses) if statuses else Reminder.objects.all()
    found = {}
    for about in ("action_id", "question_id"):
        rows = [row for row in planned if getattr(row, about)]
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            stored = reminders.filter(
                **{f"{about}__in": {getattr(row, about) for row in chunk}},
                kind__in={row.kind for row in chunk},
                period__in={row.period for row in chunk},
            )
            found.update((_key(row), row) for row in stored.select_related(*ITEM_RELATED))
    digests = {row.period for row in planned if row.kind == Kind.DIGEST}
    stored = reminders.filter(kind=Kind.DIGEST, period__in=digests)
    found.update((_key(row), row) for row in stored.select_related("recipient"))
    return found


def _count_already_sent(planned: list[Reminder], result: SweepResult) -> None:
    existing = _existing(planned, (Status.SENT, Status.SENDING))
    for row in planned:
        stored = existing.get(_key(row))
        if stored is not None:
            result.already_sent += 1
            result.lines.append(_line("already sent", stored))


def _list_unsent(planned: list[Reminder], result: SweepResult) -> None:
    """For a dry run: what a sweep would send now."""
    existing = _existing(planned)
    to_send = [row for row in planned if _key(row) not in existing]
    to_send += Reminder.objects.filter(Reminder.sendable_q()).select_related(*ITEM_RELATED)
    for row in to_send:
        result.sent += 1
        result.lines.append(_line("would send", row))


# -- 3. send -----------------------------------------------------------------------------------


def _send_claimed(today: datetime.date, result: SweepResult, progress) -> None:
    rows = list(
        Reminder.objects.filter(Reminder.sendable_q())
        .select_related(*ITEM_RELATED)
        .order_by("recipient_id", "pk")
    )
    mailer = emails.Mailer(today)
    batches = list(_batches(rows))
    done = 0
    for start in range(0, len(batches), SEND_GROUP):
        group = batches[start : start + SEND_GROUP]
        _send_group(group, mailer, result)
        for batch in group:
            done += len(batch)
            if progress:
                progress(done, len(rows))


def _batches(rows: list[Reminder]):
    """One email each, except a daily-digest user's item reminders, which share one."""
    for _, of_one in groupby(rows, key=lambda row: row.recipient_id):
        of_one = list(of_one)
        if of_one[0].recipient.reminder_preference == ReminderPreference.DAILY:
            items = [row for row in of_one if row.kind != Kind.DIGEST]
            if items:
                yield items
            yield from ([row] for row in of_one if row.kind == Kind.DIGEST)
        else:
            yield from ([row] for row in of_one)


def _send_group(group: list[list[Reminder]], mailer: emails.Mailer, result: SweepResult) -> None:
    """Claim a group of emails' rows at once, send them over one connection, then record the
    outcomes (one UPDATE for each) and report them in the order sent."""
    token = uuid.uuid4()
    mine = _take([row for batch in group for row in batch], token)
    outcomes: list[tuple[list[Reminder], str, str]] = []  # rows, status, error
    with emails.Outbox() as outbox:
        for batch in group:
            live, dropped = [], []
            for row in batch:
                if row.pk not in mine:
                    result.already_sent += 1
                    result.lines.append(_line("already sent", row, "by another sweep"))
                elif _still_wanted(row):
                    live.append(row)
                else:
                    dropped.append(row)
            outcomes.append((dropped, Status.CANCELLED, ""))
            if live:
                outcomes.append(_send(live, mailer, outbox))
    _record(outcomes, token)
    for rows, status, error in outcomes:
        _report(rows, status, result, error)


def _take(rows: list[Reminder], token: uuid.UUID) -> set[int]:
    """Claim the rows still to send under `token`; the primary keys this sweep won."""
    pks = [row.pk for row in rows]
    claimed = Reminder.objects.filter(Reminder.sendable_q(), pk__in=pks).update(
        status=Status.SENDING,
        claim_token=token,
        claimed_at=timezone.now(),
        attempts=F("attempts") + 1,
    )
    if claimed == len(pks):
        return set(pks)
    return set(Reminder.objects.filter(pk__in=pks, claim_token=token).values_list("pk", flat=True))


def _send(rows: list[Reminder], mailer: emails.Mailer, outbox: emails.Outbox) -> tuple:
    """Send one email for these rows; its outcome as (rows, status, error)."""
    try:
        outbox.send(mailer.message(rows))
    except Exception as error:  # any failure to send is recorded and retried
        logger.warning("Reminder to %s failed: %s", rows[0].email, error)
        return rows, Status.FAILED, f"{type(error).__name__}: {error}"
    return rows, Status.SENT, ""


def _still_wanted(row: Reminder) -> bool:
    """A reminder is dropped when its recipient left, or its item was closed or re-timed."""
    if not row.recipient.is_active:
        return False
    if row.kind == Kind.DIGEST:
        return True
    source = next(source for source in SOURCES if getattr(row, f"{source.field}_id"))
    pending, due = _state(source, row.item)
    return pending and due == row.due_date


def _record(outcomes: list[tuple[list[Reminder], str, str]], token: uuid.UUID) -> None:
    """Write the outcomes, only where this sweep's claim still holds: one UPDATE for each
    status and error."""
    together: dict[tuple[str, str], list[int]] = {}
    for rows, status, error in outcomes:
        together.setdefault((status, error), []).extend(row.pk for row in rows)
    now = timezone.now()
    for (status, error), pks in together.items():
        if not pks:
            continue
        changes = {"status": status, "claim_token": None, "last_error": error[:2000]}
        if status == Status.SENT:
            changes["sent_at"] = now
        Reminder.objects.filter(pk__in=pks, claim_token=token).update(**changes)


def _report(rows: list[Reminder], status: str, result: SweepResult, error: str = "") -> None:
    for row in rows:
        row.attempts += 1
        if status == Status.SENT:
            result.sent += 1
        elif status == Status.FAILED:
            result.failed += 1
        result.lines.append(_line(Status(status).label.lower(), row, error))


def _line(outcome: str, row: Reminder, note: str = "") -> str:
    item = row.item
    about = f"{_label(item)} " if item else ""
    line = f"{outcome:<12} {row.get_kind_display():<13} {about}to {row.email}"
    if outcome == "failed":
        line += f" (attempt {row.attempts})"
    return f"{line}: {note}" if note else line


def _label(item) -> str:
    noun = "Action" if isinstance(item, Action) else "Question"
    return f"{noun} {item.number} ({item.source})"
