"""A small world for the security tests: three organisations, one user per role, and one of each
kind of record owned by organisation A, plus records of B and C to hide.

Organisation A is the MPS (its lead is `lead_a`), B the Victims' Commissioner (`lead_b`), C the
City of London Police (no user: its records must never leave the officers' views). Every record's
text carries its organisation's marker (`MARK["A"]` ...) so that a test can search a response for
another organisation's text.
"""

import datetime
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.utils import timezone

from accounts.models import Organisation, Post, Role
from actions.extensions import ask_for_more_time
from actions.models import Evidence
from letters.models import Letter
from meetings.models import MinuteItem
from spreadsheets.models import PendingImport

from .factories import (
    ActionFactory,
    BoardFactory,
    LetterFactory,
    MeetingFactory,
    OrganisationFactory,
    QuestionFactory,
    RecommendationFactory,
    ReportFactory,
    UserFactory,
)

ROLES = ("anonymous", "officer", "lead_a", "lead_b", "reviewer", "admin")
MARK = {"A": "Zanzibar-alpha", "B": "Quixote-bravo", "C": "Kumquat-charlie"}
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


@dataclass
class World:
    orgs: dict[str, Organisation]
    users: dict = field(default_factory=dict)
    records: dict = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["records"][name]
        except KeyError:
            raise AttributeError(name) from None


def _records_of(key: str, org: Organisation, mopac: Organisation, board, day: int) -> dict:
    """A meeting with a minute item (so it has a record) and an action (and an update with
    evidence), a draft follow-up letter with a question, a recommendation: all owned by or
    addressed to `org`."""
    mark = MARK[key]
    meeting = MeetingFactory(board=board, date=datetime.date(2022, 6, day))
    MinuteItem.objects.create(meeting=meeting, number="1.1", heading="Minutes", text="Agreed.")
    action = ActionFactory(
        meeting=meeting, owners=[org], text=f"{mark} action text", lead=f"{mark} lead"
    )
    letter = LetterFactory(
        sender_organisation=mopac,
        recipient_organisation=org,
        subject=f"{mark} letter subject",
        meeting=meeting,
        body=f"{mark} letter body",
    )
    question = QuestionFactory(letter=letter, put_to=org, text=f"{mark} question text")
    report = ReportFactory(title=f"{mark} inspection report", body=org)
    recommendation = RecommendationFactory(
        report=report, owner=org, text=f"{mark} recommendation text"
    )
    return {
        "meeting": meeting,
        "action": action,
        "letter": letter,
        "question": question,
        "report": report,
        "recommendation": recommendation,
    }


def build_world() -> World:
    mopac = OrganisationFactory(short_name="MOPAC", name="Mayor's Office for Policing And Crime")
    orgs = {
        "A": OrganisationFactory(short_name="MPS", name="Metropolitan Police Service"),
        "B": OrganisationFactory(short_name="VC", name="Victims' Commissioner for London"),
        "C": OrganisationFactory(short_name="COLP", name="City of London Police"),
    }
    world = World(orgs=orgs)
    world.users = {
        "officer": UserFactory(username="officer", role=Role.OFFICER, organisation=mopac),
        "lead_a": UserFactory(username="lead_a", role=Role.LEAD, organisation=orgs["A"]),
        "lead_b": UserFactory(username="lead_b", role=Role.LEAD, organisation=orgs["B"]),
        "reviewer": UserFactory(username="reviewer", role=Role.REVIEWER, organisation=mopac),
        "admin": UserFactory(
            username="admin", role=Role.ADMIN, organisation=mopac, is_staff=True, is_superuser=True
        ),
    }
    board = BoardFactory()
    world.records["board"] = board
    for day, (key, org) in enumerate(orgs.items(), start=20):
        for name, record in _records_of(key, org, mopac, board, day).items():
            world.records[f"{name}_{key.lower()}"] = record
    action_a = world.records["action_a"]
    update = action_a.post_update(by=world.users["lead_a"], note=f"{MARK['A']} progress note")
    evidence = Evidence(
        update=update, original_name="briefing.pdf", content_type="application/pdf", size=len(PDF)
    )
    evidence.file.save("briefing.pdf", ContentFile(PDF), save=True)
    world.records["evidence_a"] = evidence
    world.records["more_time_a"] = ask_for_more_time(
        action_a, by=world.users["lead_a"], timing="March 2030", reason=f"{MARK['A']} more time"
    )
    world.records["sent_letter_a"] = _with_pdf(
        LetterFactory(
            sender_organisation=mopac,
            recipient_organisation=orgs["A"],
            subject=f"{MARK['A']} sent letter",
            status=Letter.Status.SENT,
        )
    )
    world.records["published_letter"] = _with_pdf(
        LetterFactory(
            sender_organisation=mopac,
            recipient_organisation=orgs["A"],
            subject="Published follow-up letter",
            status=Letter.Status.PUBLISHED,
            published_on=timezone.localdate() - datetime.timedelta(days=1),
        )
    )
    world.records["pending_import"] = PendingImport.objects.create(
        uploaded_by=world.users["officer"],
        meeting=world.records["meeting_a"],
        filename="tracker.csv",
        header=["No.", "Action", "Owner"],
        rows=[[2, ["1", f"{MARK['A']} imported action", "MPS"]]],
    )
    world.records["post_a"] = Post.objects.create(
        title="AC Frontline Policing", organisation=orgs["A"], holder=world.users["lead_a"]
    )
    world.clients = {role: Client() for role in ROLES}
    for role, user in world.users.items():
        world.clients[role].force_login(user)
    return world


def _with_pdf(letter: Letter) -> Letter:
    letter.pdf.save(f"{letter.reference}.pdf", ContentFile(PDF), save=True)
    return letter


class Rollback(Exception):
    """Raised to undo one request's writes."""


def rolled_back(fn):
    """Run fn() in a transaction that is always undone; return fn's result."""
    result = None
    try:
        with transaction.atomic():
            result = fn()
            raise Rollback
    except Rollback:
        pass
    return result
