"""Load the demo data of the seed documents as real records, idempotently.

Every record is found by its natural key (organisation short name, board name, meeting board and
date, letter reference, action meeting and number, ...) and written only when something differs,
so a second run saves nothing and adds no history. Actions, letters and questions are written
through their apps' entry points, as by every other channel.

A record is dated as its paper dates it: its history row (and an action's timeline) carries the
date of the meeting or letter that records it (`on_paper`), passed to the entry points as `at`.
A later write that puts a seed's value back (someone had edited it) is dated when it happens.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import Organisation, User
from actions import services as action_services
from actions.models import Action, Theme
from common.history import record_change
from letters.letterheads import ensure_sending_bodies
from letters.models import Letter
from letters.services import letter_record
from meetings.models import Attendee, Board, Meeting, MinuteItem
from questions.models import PerformanceQuestion
from questions.services import question_save
from recommendations.models import Recommendation, Report

from . import (
    common,
    seed_2019_05_03,
    seed_2022_06_24,
    seed_2022_10_14,
    seed_2023_03_17,
    seed_2023_04_28,
)
from .records import (
    ActionRecord,
    LetterRecord,
    MeetingRecord,
    RecommendationRecord,
    ReportRecord,
    UserRecord,
)

SEEDS = (
    seed_2022_10_14.SEED,  # 000
    seed_2019_05_03.SEED,  # 001
    seed_2022_06_24.SEED,  # 002
    seed_2023_04_28.SEED,  # 003
    seed_2023_03_17.SEED,  # 004
)

DEFAULT_PASSWORD = "oversight-demo"

# What the summary counts, in the order it prints them.
COUNTED = {
    "organisations": Organisation,
    "boards": Board,
    "themes": Theme,
    "meetings": Meeting,
    "attendees": Attendee,
    "minute items": MinuteItem,
    "letters": Letter,
    "actions": Action,
    "questions": PerformanceQuestion,
    "reports": Report,
    "recommendations": Recommendation,
    "users": User,
}


@dataclass
class LoadResult:
    counts: dict[str, int]
    changed: int

    def summary(self) -> str:
        counts = ", ".join(f"{name} {n}" for name, n in self.counts.items())
        return f"{counts} ({self.changed} records created or changed)"


def on_paper(date: datetime.date) -> datetime.datetime:
    """The moment a paper dated `date` records something: noon that day, London time (a paper
    gives a day, not a time; noon keeps the day whatever the offset from UTC)."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12)))


def _snapshot(obj: models.Model) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


@dataclass
class _Loader:
    changed: int = 0
    organisations: dict[str, Organisation] = field(default_factory=dict)
    boards: dict[str, Board] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    meetings: dict[tuple, Meeting] = field(default_factory=dict)
    letters: dict[str, Letter] = field(default_factory=dict)

    def sync(
        self,
        model: type[models.Model],
        key: dict,
        values: dict,
        *,
        reason: str = "",
        at: datetime.datetime | None = None,
        prepare: Callable[[models.Model], None] | None = None,
        save: Callable[[models.Model, str, datetime.datetime | None], object] | None = None,
    ):
        """Get the record by its natural key, set `values`, and save only if anything changed:
        through `save(record, reason, at)` when given (the app's own entry point), else directly.
        A new record's history is dated `at` (its paper's date); a restored one's, now."""
        obj = model.objects.filter(**key).first()
        creating = obj is None
        if creating:
            obj = model(**key)
        before = _snapshot(obj)
        for name, value in values.items():
            setattr(obj, name, value)
        if prepare:
            prepare(obj)
        if creating or _snapshot(obj) != before:
            when = at if creating else None
            if save is not None:
                save(obj, reason, when)
            else:
                record_change(obj, None, reason, at=when)
                obj.save()
            self.changed += 1
        return obj

    # -- shared records ---------------------------------------------------------------------

    def load_common(self) -> None:
        for org in common.ORGANISATIONS:  # by name: a short name may be corrected
            self.organisations[org.short_name] = self.sync(
                Organisation, {"name": org.name}, {"short_name": org.short_name}
            )
        for board in common.BOARDS:
            self.boards[board.name] = self.sync(
                Board, {"name": board.name}, {"kind": board.kind, "short_name": board.short_name}
            )
        for name in common.THEMES:
            self.themes[name] = self.sync(Theme, {"name": name}, {"slug": slugify(name)})

    def load_users(self, users: tuple[UserRecord, ...], password: str) -> None:
        def set_password(user):
            if not user.check_password(password):
                user.set_password(password)

        for record in users:
            self.sync(
                User,
                {"username": record.username},
                {
                    "role": record.role,
                    "organisation": self.organisations[record.organisation],
                    "first_name": record.first_name,
                    "last_name": record.last_name,
                    "email": f"{record.username}@example.org",
                    "job_title": record.job_title,
                    "command": record.command,
                    "is_organisation_contact": record.is_organisation_contact,
                    "is_staff": record.is_staff,
                    "is_superuser": record.is_superuser,
                    "is_active": True,
                },
                prepare=set_password,
            )

    # -- meetings and what they hold ----------------------------------------------------------

    def load_meeting(self, record: MeetingRecord, reason: str) -> None:
        meeting = self.sync(
            Meeting,
            {"board": self.boards[record.board], "date": record.date},
            {"status": record.status, "focus": record.focus},
            reason=reason,
            at=on_paper(record.recorded_on or record.date),
        )
        self.meetings[(record.board, record.date)] = meeting
        for position, attendee in enumerate(record.attendees, 1):
            self.sync(
                Attendee,
                {"meeting": meeting, "name": attendee.name},
                {
                    "title": attendee.title,
                    "organisation": self.organisations[attendee.organisation],
                    "position": position,
                    "absent": attendee.absent,
                },
            )
        minutes = {}
        for position, minute in enumerate(record.minutes, 1):
            minutes[minute.number] = self.sync(
                MinuteItem,
                {"meeting": meeting, "number": minute.number},
                {"heading": minute.heading, "text": minute.text, "position": position},
            )
        for action in record.actions:
            self.load_action(meeting, action, minutes.get(action.minute), reason)

    def load_action(self, meeting, record: ActionRecord, minute_item, reason: str) -> None:
        """Create the action, recorded on its meeting's date, and completed on the date of the
        paper that records it completed; or bring an existing one's text, lead, forum, theme,
        minute item and owners back to what the seed says, by an edit. An existing action's
        status and timing are left as they are: they change through the lifecycle and timing
        revisions, each naming who and why."""
        owners = [self.organisations[short_name] for short_name in record.owners]
        values = {
            "text": record.text,
            "lead": record.lead,
            "forum": self.boards[record.forum] if record.forum else None,
            "theme": self.themes[record.theme] if record.theme else None,
            "minute_item": minute_item,
        }
        action = Action.objects.filter(meeting=meeting, number=record.number).first()
        if action is None:
            action = action_services.create_action(
                meeting=meeting,
                number=record.number,
                timing=record.timing,
                owners=owners,
                by=None,
                reason=reason,
                at=on_paper(meeting.date),
                **values,
            )
            self.changed += 2  # the action and its owners
            if record.completed:
                done = record.completed
                action_services.revise_timing(
                    action,
                    by=None,
                    timing=done.timing,
                    reason=f"{done.paper} records it completed",
                    at=on_paper(done.on),
                )
                self.changed += 1
            return
        before = _snapshot(action)
        for name, value in values.items():
            setattr(action, name, value)
        fields_changed = _snapshot(action) != before
        owners_changed = set(action.owners.values_list("short_name", flat=True)) != set(
            record.owners
        )
        if fields_changed or owners_changed:
            action_services.edit_action(
                action,
                by=None,
                expected_version=action.version,
                reason=reason,
                owners=owners if owners_changed else None,
            )
        self.changed += fields_changed + owners_changed

    # -- correspondence and reports -------------------------------------------------------------

    def load_letter(self, record: LetterRecord, reason: str) -> None:
        """The letter and the questions it asks, dated as the letter is. A letter without a
        reference is found by its sender and date."""
        sender = self.organisations[record.sender_organisation]
        key = {"reference": record.reference}
        if not record.reference:
            key.update(date=record.date, sender_organisation=sender)
        written = on_paper(record.date)
        letter = self.sync(
            Letter,
            key,
            {
                "date": record.date,
                "direction": record.direction,
                "sender": record.sender,
                "sender_organisation": sender,
                "sending_body": ensure_sending_bodies()[record.sending_body],
                "annex_lists_meeting_actions": record.annex,
                "recipient": record.recipient,
                "recipient_organisation": self.organisations[record.recipient_organisation],
                "addressee_block": record.addressee_block,
                "salutation": record.salutation,
                "cc": record.cc,
                "subject": record.subject,
                "body": record.body,
                "signatory": record.signatory,
                "signatory_title": record.signatory_title,
                "meeting": self.meetings[record.meeting] if record.meeting else None,
                "in_reply_to": self.letters[record.in_reply_to] if record.in_reply_to else None,
                "status": record.status,
                "published_on": record.published_on,
            },
            reason=reason,
            at=written,
            save=lambda letter, why, at: letter_record(letter, by=None, reason=why, at=at),
        )
        self.letters[record.key] = letter
        for question in record.questions:
            self.sync(
                PerformanceQuestion,
                {"letter": letter, "number": question.number},
                {
                    "put_to": self.organisations[question.put_to],
                    "theme": self.themes[question.theme],
                    "text": question.text,
                    "published_on": record.published_on,
                },
                reason=reason,
                at=written,
                prepare=lambda q, timing=question.timing: q.apply_timing(timing),
                save=lambda q, why, at: question_save(q, by=None, reason=why, at=at),
            )

    def load_report(self, record: ReportRecord, reason: str) -> None:
        report = self.sync(
            Report,
            {"title": record.title},
            {
                "body": self.organisations[record.body],
                "kind": record.kind,
                "published_on": record.published_on,
                "url": record.url,
            },
        )
        for item in record.recommendations:
            key = {"report": report, "reference": item.reference}
            if not item.reference:  # not numbered by the report: its text is its key
                key["text"] = item.text
            recommendation = self.sync(
                Recommendation,
                key,
                {"kind": item.kind, "text": item.text, "owner": self.organisations[item.owner]},
                reason=reason,
                at=on_paper(record.published_on),
            )
            if item.response:
                self.load_response(recommendation, item)

    def load_response(self, recommendation: Recommendation, item: RecommendationRecord) -> None:
        """The answer to a recommendation, in the letter that gives it and dated by it (a change
        after the recommendation was recorded); an edited answer is put back, dated now."""
        letter = self.letters[item.response_letter]
        if (recommendation.response, recommendation.response_letter_id) == (
            item.response,
            letter.pk,
        ):
            return
        at = None if recommendation.response else on_paper(letter.date)
        recommendation.response, recommendation.response_letter = item.response, letter
        record_change(recommendation, None, f"Answered in {letter.titled}", at=at)
        recommendation.save()
        self.changed += 1


@transaction.atomic
def load_demo(*, password: str | None = DEFAULT_PASSWORD) -> LoadResult:
    """Load every seed document; create the demo users too unless `password` is None."""
    loader = _Loader()
    loader.load_common()
    if password is not None:
        loader.load_users(common.USERS, password)
    for seed in SEEDS:
        for meeting in seed.meetings:
            loader.load_meeting(meeting, seed.source)
    # Letters in date order, so the letter a reply answers already exists.
    letters = sorted(
        ((letter, seed.source) for seed in SEEDS for letter in seed.letters),
        key=lambda pair: pair[0].date,
    )
    for letter, source in letters:
        loader.load_letter(letter, source)
    for seed in SEEDS:
        for report in seed.reports:
            loader.load_report(report, seed.source)
    counts = {name: model.objects.count() for name, model in COUNTED.items()}
    return LoadResult(counts, loader.changed)
