"""Realistic records at national scale, built and written in bulk (see bulk.py), the actions a
chunk at a time so that a million fit in the memory of a hundred.

Everything comes from one `random.Random(seed)` and a fixed `today`, so the same arguments give
the same rows. Dates are relative to `today`: meetings over the last six years (and a few
scheduled ahead), actions due one to nine months after their meeting, about a tenth overdue.
"""

import datetime
import random
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import Organisation, ReminderPreference, Role, User
from actions import tallies
from actions.models import Action, ActionOwner, ActionUpdate, Theme
from actions.reminder_schedule import following_reminder_on
from actions.timing import TimingKind, parse_timing
from actions.workflow import OVERDUE_STATUSES, Status, Transition
from letters.models import Letter
from meetings.models import Board, Meeting
from questions.models import PerformanceQuestion
from recommendations.models import Recommendation, Report
from reminders.models import Reminder

from . import vocabulary as words
from .bulk import IdRange, reset_sequences, write
from .progress import SILENT, Progress

YEARS = 6
CHUNK = 10_000  # actions built and written at a time
MEETINGS_PER_BOARD = 100
MONTHS = [datetime.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
# The bench signs in as these (benchmarks.bench): one per role, the lead in MPS.
BENCH_USERS = {
    "admin": ("bench.admin", Role.ADMIN, "MOPAC"),
    "officer": ("bench.officer", Role.OFFICER, "MOPAC"),
    "reviewer": ("bench.reviewer", Role.REVIEWER, "MOPAC"),
    "lead": ("bench.lead", Role.LEAD, "MPS"),
}
# The word the bench searches for: one borough among 32, in about 1% of actions.
SEARCH_WORD = "Croydon"


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, 1)


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@dataclass
class Plan:
    """What to create."""

    actions: int = 100_000
    users: int = 1_000
    seed: int = 1
    today: datetime.date = field(default_factory=timezone.localdate)

    @property
    def meetings(self) -> int:
        return min(len(words.BOARDS) * MEETINGS_PER_BOARD, max(self.actions // 30, 30))


class ScaleSeeder:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.rng = random.Random(plan.seed)
        self.today = plan.today
        self.counts: Counter = Counter()
        self._parsed: dict = {}
        self.written: list = []
        self.owners_of: dict[int, list[tuple[int, int]]] = {}  # the chunk being built

    def run(self) -> Counter:
        self.reference_data()
        self.people()
        self.meetings_and_letters()
        self.actions()
        self.questions()
        self.recommendations()
        self.digests_sent()
        reset_sequences(self.written)
        tallies.rebuild()  # COPY (bulk.py) writes around the action tally
        return self.counts

    # -- helpers -----------------------------------------------------------------------------

    def _write(self, model, rows, label="", progress=None):
        """Write `rows` with a progress bar of their own, or advancing `progress`."""
        self.counts[label or model._meta.verbose_name_plural] += write(model, rows, label, progress)
        if model not in self.written:
            self.written.append(model)

    def _weighted_org(self):
        """MPS owns most actions, MOPAC a good share, the rest the remainder."""
        r = self.rng.random()
        if r < 0.55:
            return self.orgs["MPS"]
        if r < 0.70:
            return self.orgs["MOPAC"]
        return self.rng.choice(self.other_orgs)

    # -- organisations, boards, themes, people ------------------------------------------------

    def reference_data(self):
        self.orgs = {
            short: Organisation.objects.get_or_create(short_name=short, defaults={"name": name})[0]
            for short, name in words.ORGANISATIONS
        }
        self.other_orgs = [o for s, o in self.orgs.items() if s not in ("MPS", "MOPAC")]
        self.boards = [
            Board.objects.get_or_create(name=name, defaults={"short_name": short, "kind": kind})[0]
            for name, short, kind in words.BOARDS
        ]
        self.themes = [
            Theme.objects.get_or_create(
                name=name, defaults={"slug": name.lower().replace(" ", "-")}
            )[0]
            for name in words.THEMES
        ]

    def people(self):
        ids = IdRange(User)
        password = make_password(None)  # nobody signs in as a seeded user; the bench forces login
        users = []

        def person(username, role, org, **extra):
            first, last = self.rng.choice(words.FIRST_NAMES), self.rng.choice(words.LAST_NAMES)
            user = User(
                id=ids.take(),
                username=username,
                password=password,
                first_name=first,
                last_name=last,
                email=f"{username}@{org.short_name.lower().replace(' ', '-')}.example",
                role=role,
                organisation=org,
                is_active=True,
                is_staff=role == Role.ADMIN,
                is_superuser=role == Role.ADMIN,
                date_joined=_at(self.today - datetime.timedelta(days=self.rng.randrange(2000))),
                calendar_token=f"{self.plan.seed}-{username}-{self.rng.getrandbits(64):016x}",
                reminder_preference=ReminderPreference.DAILY
                if self.rng.random() < 0.3
                else ReminderPreference.IMMEDIATE,
                **extra,
            )
            users.append(user)
            return user

        for name, role, org in BENCH_USERS.values():
            person(name, role, self.orgs[org])
        total = max(self.plan.users - len(users), 40)
        staff = {Role.ADMIN: 5, Role.OFFICER: 25, Role.REVIEWER: 30}
        for role, count in staff.items():
            for i in range(max(count * total // 1000, 1)):
                person(f"{role}{i + 1:03}", role, self.orgs["MOPAC"])
        # Every organisation has a contact (reminders); MPS, with most actions, has three.
        for short, org in self.orgs.items():
            for i in range(3 if short == "MPS" else 1):
                person(f"contact{i + 1}.{short.lower().replace(' ', '')}", Role.LEAD, org)
                users[-1].is_organisation_contact = True
        number = 0
        while len(users) < self.plan.users:
            number += 1
            org = self.orgs["MPS"] if self.rng.random() < 0.5 else self._weighted_org()
            person(f"lead{number:04}", Role.LEAD, org, job_title=self.rng.choice(words.LEAD_POSTS))
        self._write(User, users, "users")
        self.users = users
        self.officers = [u for u in users if u.role in (Role.OFFICER, Role.ADMIN)]
        self.leads_of: dict[int, list[User]] = {}
        for user in users:
            if user.role == Role.LEAD:
                self.leads_of.setdefault(user.organisation_id, []).append(user)

    # -- meetings and letters -----------------------------------------------------------------

    def meetings_and_letters(self):
        ids, rows = IdRange(Meeting), []
        start = self.today - datetime.timedelta(days=365 * YEARS)
        per_board = max(self.plan.meetings // len(self.boards), 1)
        span = (self.today + datetime.timedelta(days=120) - start).days
        for board in self.boards:
            days = sorted(self.rng.sample(range(span), per_board))
            for offset in days:
                day = start + datetime.timedelta(days=offset)
                held = day <= self.today
                rows.append(
                    Meeting(
                        id=ids.take(),
                        board=board,
                        date=day,
                        status=Meeting.Status.PUBLISHED if held else Meeting.Status.SCHEDULED,
                        focus=self.rng.choice(words.THEMES),
                        published_on=day + datetime.timedelta(days=28) if held else None,
                    )
                )
        self._write(Meeting, rows, "meetings")
        self.held = [m for m in rows if m.date <= self.today - datetime.timedelta(days=7)]

        ids, letters = IdRange(Letter), []
        for number in range(max(len(self.held) // 5, 2)):
            day = start + datetime.timedelta(days=self.rng.randrange((self.today - start).days))
            letters.append(
                Letter(
                    id=ids.take(),
                    reference=f"SCALE/{self.plan.seed}/{day.year}/{number + 1:05}",
                    date=day,
                    direction=Letter.Direction.OUT,
                    sender="Deputy Mayor for Policing and Crime",
                    sender_organisation=self.orgs["MOPAC"],
                    recipient="Commissioner of Police of the Metropolis",
                    recipient_organisation=self.orgs["MPS"],
                    subject=f"Follow-up: {self.rng.choice(words.THEMES).lower()}",
                    status=Letter.Status.SENT,
                    response_due=day + datetime.timedelta(days=28),
                )
            )
        self._write(Letter, letters, "letters")
        self.letters = letters

    # -- actions ------------------------------------------------------------------------------

    def _timing_text(self, written_on: datetime.date) -> str:
        r = self.rng.random()
        target = _add_months(written_on, self.rng.randint(1, 9))
        month, year = MONTHS[target.month - 1], target.year
        if r < 0.35:
            return f"{month} {year}"
        if r < 0.45:
            before = MONTHS[(target.month - 2) % 12]
            return f"{before}/{month[:4] if month == 'September' else month[:3]} {year}"
        if r < 0.55:
            return f"by {self.rng.randint(1, 28)} {month}"
        if r < 0.65:
            return f"{self.rng.randint(1, 28)} {month} {year}"
        if r < 0.70:
            return "end of year"
        if r < 0.75:
            return "by the end of the financial year"
        if r < 0.80:
            return f"Q{(target.month - 1) // 3 + 1} {year}"
        if r < 0.83:
            return f"Q{self.rng.randint(1, 4)} {written_on.year}/{(written_on.year + 1) % 100:02}"
        return self.rng.choice(["Completed", "TBC", "ongoing", "", "soon"] + ["TBC"] * 2)

    def _parse(self, text: str, written_on: datetime.date):
        key = (text, written_on)
        if key not in self._parsed:
            self._parsed[key] = parse_timing(text, written_on)
        return self._parsed[key]

    def _status(self, kind, due) -> str:
        r = self.rng.random()
        if kind == TimingKind.COMPLETED:
            return Status.CLOSED
        if due is None:
            return [Status.OPEN, Status.IN_PROGRESS, Status.CLOSED, Status.DROPPED][
                min(int(r * 10) // 3, 3)
            ]
        if due < self.today:  # about 12% of the past-due still pending: overdue
            if r < 0.05:
                return Status.OPEN
            if r < 0.125:
                return Status.IN_PROGRESS
            if r < 0.14:
                return Status.COMPLETION_PROPOSED
            if r < 0.17:
                return Status.DROPPED
            if r < 0.18:
                return Status.SUPERSEDED
            return Status.CLOSED
        return (
            Status.OPEN
            if r < 0.4
            else Status.IN_PROGRESS
            if r < 0.85
            else Status.COMPLETION_PROPOSED
        )

    def _swept_yesterday(self, pending: bool, due):
        """The reminder schedule as yesterday's sweep left it: today's sweep sees only the items
        whose next reminder window opens today (the steady state of a daily sweep)."""
        yesterday = self.today - datetime.timedelta(days=1)
        return following_reminder_on(pending, due, yesterday)

    def _text(self, owner: Organisation) -> str:
        subject = self.rng.choice(words.SUBJECTS).format(borough=self.rng.choice(words.BOROUGHS))
        verb, context = self.rng.choice(words.VERBS), self.rng.choice(words.CONTEXTS)
        return f"{owner.short_name} to {verb} {subject}{context}."

    def _sources_and_counts(self):
        """Each source of actions (a held meeting or a letter) with how many actions it records,
        drawn CHUNK at a time so that a million draws are never held at once."""
        sources = [("meeting", m) for m in self.held] + [
            ("letter", letter) for letter in self.letters
        ]
        weights = [20 if kind == "meeting" else 3 for kind, _ in sources]
        counts: Counter = Counter()
        for start in range(0, self.plan.actions, CHUNK):
            k = min(CHUNK, self.plan.actions - start)
            counts.update(self.rng.choices(range(len(sources)), weights=weights, k=k))
        return [(sources[index], counts[index]) for index in sorted(counts)]

    def actions(self):
        """The actions, their owners, timelines and history, built and written CHUNK actions at a
        time: memory stays the same whatever the number of actions."""
        ids, owner_ids = IdRange(Action), IdRange(ActionOwner)
        self.first_action_id = ids.next
        progress = Progress("actions", self.plan.actions)  # with their owners, timelines, history
        chunk = []
        for (kind, source), count in self._sources_and_counts():
            for number in range(1, count + 1):
                chunk.append(self._action(ids.take(), number, kind, source, owner_ids))
                if len(chunk) == CHUNK:
                    self._write_actions(chunk, progress)
                    chunk = []
        if chunk:
            self._write_actions(chunk, progress)
        progress.finish()
        self.last_action_id = ids.next - 1

    def _action(self, pk: int, number: int, kind: str, source, owner_ids: IdRange) -> Action:
        """One action of `source`, with its owners in `self.owners_of` until it is written."""
        first = self._weighted_org()
        orgs = [first]
        if self.rng.random() < 0.15:
            second = self.orgs["MOPAC"] if first != self.orgs["MOPAC"] else self.orgs["MPS"]
            orgs.append(second)
        text = self._timing_text(source.date)
        parsed = self._parse(text, source.date)
        status = self._status(parsed.kind, parsed.due_date)
        action = Action(
            id=pk,
            number=number,
            text=self._text(first),
            lead=self.rng.choice([*words.LEAD_POSTS, first.short_name]),
            lead_user=self.rng.choice(self.leads_of[first.pk])
            if first.pk in self.leads_of and self.rng.random() < 0.7
            else None,
            timing=text,
            timing_kind=parsed.kind,
            timing_problem=parsed.reason,
            due_date=parsed.due_date,
            source_date=source.date,
            source_board_id=source.board_of_actions_id,
            forum=self.rng.choice(self.boards) if self.rng.random() < 0.3 else None,
            theme=self.rng.choice(self.themes) if self.rng.random() < 0.8 else None,
            status=status,
            created_at=_at(source.date, 17),
            updated_at=_at(source.date, 17),
            **{kind: source},
        )
        if parsed.due_date and self.rng.random() < 0.08:
            action.original_timing = f"{MONTHS[(source.date.month) % 12]} {source.date.year}"
            action.original_due_date = parsed.due_date - datetime.timedelta(days=61)
            action.slip_count = self.rng.randint(1, 3)
        self.owners_of[action.id] = [(owner_ids.take(), org.pk) for org in orgs]
        return action

    def _write_actions(self, actions: list[Action], progress: Progress) -> None:
        """Write a chunk of actions with their owners, timelines and history, then forget
        them."""
        owners = [
            ActionOwner(id=owner_id, action_id=action.id, organisation_id=org)
            for action in actions
            for owner_id, org in self.owners_of[action.id]
        ]
        updates, history = self._lifecycles(actions)
        self._write(Action, actions, "actions", progress)
        self._write(ActionOwner, owners, "action owners", SILENT)
        self._write(ActionUpdate, updates, "action updates", SILENT)
        self._write_history(actions, history)
        self.owners_of.clear()

    def _steps(self, status: str) -> list[str]:
        """The transitions that led to `status`."""
        return {
            Status.OPEN: [],
            Status.IN_PROGRESS: [Transition.START],
            Status.COMPLETION_PROPOSED: [Transition.START, Transition.PROPOSE],
            Status.CLOSED: [Transition.START, Transition.PROPOSE, Transition.ACCEPT],
            Status.SUPERSEDED: [Transition.START, Transition.SUPERSEDE],
            Status.DROPPED: [Transition.DROP],
        }[status]

    def _lifecycles(self, actions):
        """Updates (the timeline) and snapshots (the history) consistent with each status."""
        ids = IdRange(ActionUpdate)
        updates, snapshots = [], []
        for action in actions:
            agreed = action.source.date
            steps = self._steps(action.status)
            notes = self.rng.randint(0, 2) if action.status != Status.OPEN else 0
            plan = [(step, True) for step in steps]
            for i in range(notes):
                plan.insert(min(i + 1, len(plan)), ("", False))
            end = min(self.today, (action.due_date or agreed) + datetime.timedelta(days=30))
            span = max((end - agreed).days, len(plan))
            days = sorted(self.rng.sample(range(1, span + 1), len(plan)))
            status = Status.OPEN
            snapshots.append((action, _at(agreed, 17), "+", status, None))
            for (step, is_transition), offset in zip(plan, days, strict=True):
                when = _at(agreed + datetime.timedelta(days=offset), 11)
                after = self._after(step, status) if is_transition else status
                author = self._author(action, step)
                updates.append(
                    ActionUpdate(
                        id=ids.take(),
                        action_id=action.id,
                        author=author,
                        kind=step,
                        note=self.rng.choice(words.UPDATE_NOTES),
                        status_before=status,
                        status_after=after,
                        created_at=when,
                    )
                )
                if is_transition:
                    snapshots.append((action, when, "~", after, author))
                status = after
                action.last_update_at = when
                if step == Transition.PROPOSE:
                    action.completion_proposed_at = when
                if after in (Status.CLOSED, Status.SUPERSEDED, Status.DROPPED):
                    action.closed_at = when
            action.version = 1 + len(steps)
            action.updated_at = action.last_update_at or action.created_at
            action.next_reminder_on = self._swept_yesterday(
                action.status in OVERDUE_STATUSES, action.due_date
            )
        return updates, snapshots

    def _after(self, step: str, status: str) -> str:
        return {
            Transition.START: Status.IN_PROGRESS,
            Transition.PROPOSE: Status.COMPLETION_PROPOSED,
            Transition.ACCEPT: Status.CLOSED,
            Transition.SUPERSEDE: Status.SUPERSEDED,
            Transition.DROP: Status.DROPPED,
        }.get(step, status)

    def _author(self, action, step) -> User:
        if step in (Transition.ACCEPT, Transition.SUPERSEDE, Transition.DROP):
            return self.rng.choice(self.officers)
        if action.lead_user_id:
            return action.lead_user
        first_owner = self.owners_of[action.id][0][1]
        return self.rng.choice(self.leads_of.get(first_owner, self.officers))

    def _write_history(self, actions, snapshots):
        """HistoricalAction rows (one per change, as simple-history would have saved them) and
        the owners each of them recorded."""
        model = Action.history.model
        owners_model = model._meta.get_field("historicalactionowner").related_model
        tracked = [
            f.attname
            for f in model._meta.concrete_fields
            if not f.attname.startswith("history_") and f.attname in actions[0].__dict__
        ]
        ids, owner_ids = IdRange(model), IdRange(owners_model)
        rows, owner_rows = [], []
        for action, when, kind, status, user in snapshots:
            row = model(**{name: action.__dict__[name] for name in tracked})
            row.history_id = ids.take()
            row.history_date = when
            row.history_type = kind
            row.history_user = user
            row.history_change_reason = "Recorded at the meeting" if kind == "+" else status
            row.status = status
            row.updated_at = when
            rows.append(row)
            owner_rows += [
                owners_model(
                    m2m_history_id=owner_ids.take(),
                    id=owner_id,
                    history_id=row.history_id,
                    action_id=action.id,
                    organisation_id=org,
                )
                for owner_id, org in self.owners_of[action.id]
            ]
        self._write(model, rows, "action history", SILENT)
        self._write(owners_model, owner_rows, "action owner history", SILENT)

    # -- questions and recommendations --------------------------------------------------------

    def questions(self):
        ids, rows = IdRange(PerformanceQuestion), []
        count = max(self.plan.actions // 30, 10)
        numbers: Counter = Counter()
        for _ in range(count):
            letter = self.rng.choice(self.letters)
            numbers[letter.pk] += 1
            due = letter.date + datetime.timedelta(days=self.rng.choice([14, 28, 42]))
            pending = due >= self.today or self.rng.random() < 0.1
            status = (
                PerformanceQuestion.Status.AWAITING
                if pending
                else PerformanceQuestion.Status.ACCEPTED
            )
            subject = self.rng.choice(words.SUBJECTS).format(
                borough=self.rng.choice(words.BOROUGHS)
            )
            rows.append(
                PerformanceQuestion(
                    id=ids.take(),
                    letter=letter,
                    number=numbers[letter.pk],
                    put_to=self.orgs["MPS"],
                    source_board_id=letter.board_of_actions_id,
                    theme=self.rng.choice(self.themes),
                    text=f"What is the expected performance impact of {subject}?",
                    response_timing=f"by {due.day} {MONTHS[due.month - 1]}",
                    response_timing_kind=TimingKind.DATED,
                    response_due=due,
                    status=status,
                    next_reminder_on=self._swept_yesterday(pending, due),
                )
            )
        self._write(PerformanceQuestion, rows, "questions")

    def digests_sent(self):
        """This week's digest, already sent to every reviewer (as Monday's sweep would have)."""
        monday = self.today - datetime.timedelta(days=self.today.weekday())
        ids = IdRange(Reminder)
        rows = [
            Reminder(
                id=ids.take(),
                kind=Reminder.Kind.DIGEST,
                period=monday,
                recipient=user,
                email=user.email,
                status=Reminder.Status.SENT,
                attempts=1,
                created_at=_at(monday, 7),
                sent_at=_at(monday, 7),
            )
            for user in self.users
            if user.role == Role.REVIEWER
        ]
        self._write(Reminder, rows, "weekly digests sent")

    def recommendations(self):
        bodies = [self.orgs[s] for s in ("HMICFRS", "IOPC", "MOPAC", "GLA")]
        report_ids, reports = IdRange(Report), []
        for year in range(self.today.year - YEARS + 1, self.today.year + 1):
            for title in words.REPORT_TITLES:
                reports.append(
                    Report(
                        id=report_ids.take(),
                        title=title.format(year=year),
                        body=self.rng.choice(bodies),
                        kind=self.rng.choice(Report.Kind.values),
                        published_on=datetime.date(year, self.rng.randint(1, 12), 1),
                    )
                )
        self._write(Report, reports, "reports")
        ids, rows, links = IdRange(Recommendation), [], []
        through = Recommendation.actions.through
        link_ids = IdRange(through)
        per_report = max(self.plan.actions // 60 // len(reports), 2)
        for report in reports:
            for number in range(1, per_report + 1):
                rec = Recommendation(
                    id=ids.take(),
                    report=report,
                    reference=f"R{number}",
                    kind=self.rng.choice(Recommendation.Kind.values),
                    text=f"The force should {self.rng.choice(words.VERBS)} "
                    f"{self.rng.choice(words.SUBJECTS).format(borough='each borough')}.",
                    owner=self.orgs["MPS"],
                    status=self.rng.choice(Recommendation.Status.values),
                )
                rows.append(rec)
                action_ids = range(self.first_action_id, self.last_action_id + 1)
                for action_id in self.rng.sample(action_ids, self.rng.randint(1, 3)):
                    links.append(
                        through(id=link_ids.take(), recommendation_id=rec.id, action_id=action_id)
                    )
        self._write(Recommendation, rows, "recommendations")
        self._write(through, links, "recommendation links")
