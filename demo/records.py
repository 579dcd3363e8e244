"""The shapes of the demo data: plain, frozen records that the seed modules fill in.

Organisations, boards and themes are referred to by name (an organisation by its short name),
meetings by (board name, date) and letters by reference, so each seed module reads like the
document it comes from and the loader resolves the names.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class OrganisationRecord:
    short_name: str
    name: str


@dataclass(frozen=True)
class BoardRecord:
    name: str
    kind: str  # Board.Kind value
    short_name: str = ""


@dataclass(frozen=True)
class AttendeeRecord:
    name: str
    title: str
    organisation: str


@dataclass(frozen=True)
class MinuteRecord:
    number: str  # as printed: "2.3"
    heading: str  # the section it sits in: "Trust and Confidence"
    text: str


@dataclass(frozen=True)
class ActionRecord:
    number: int
    text: str
    timing: str  # as written; blank where the document leaves it blank
    lead: str  # as written
    owners: tuple[str, ...]  # organisation short names, in the order they are written
    forum: str = ""  # board name where it will be discussed
    theme: str = ""
    minute: str = ""  # number of the minute item it comes from


@dataclass(frozen=True)
class MeetingRecord:
    board: str
    date: datetime.date
    status: str  # Meeting.Status value
    focus: str = ""
    attendees: tuple[AttendeeRecord, ...] = ()
    minutes: tuple[MinuteRecord, ...] = ()
    actions: tuple[ActionRecord, ...] = ()


@dataclass(frozen=True)
class QuestionRecord:
    number: int
    text: str
    theme: str
    timing: str  # response deadline as written
    put_to: str = "MPS"


@dataclass(frozen=True)
class LetterRecord:
    reference: str
    date: datetime.date
    direction: str  # Letter.Direction value
    sender: str
    sender_organisation: str
    recipient: str
    recipient_organisation: str
    subject: str
    body: str
    addressee_block: str = ""
    salutation: str = ""
    cc: str = ""
    signatory: str = ""
    signatory_title: str = ""
    meeting: tuple[str, datetime.date] | None = None  # (board name, date)
    in_reply_to: str = ""  # reference of the letter it answers
    status: str = "published"
    published_on: datetime.date | None = None
    questions: tuple[QuestionRecord, ...] = ()


@dataclass(frozen=True)
class RecommendationRecord:
    reference: str
    text: str
    kind: str  # Recommendation.Kind value
    owner: str = "MPS"


@dataclass(frozen=True)
class ReportRecord:
    title: str
    body: str  # organisation short name
    kind: str  # Report.Kind value
    published_on: datetime.date
    url: str = ""
    recommendations: tuple[RecommendationRecord, ...] = ()


@dataclass(frozen=True)
class UserRecord:
    username: str
    role: str
    organisation: str
    first_name: str
    last_name: str
    job_title: str = ""
    command: str = ""
    is_organisation_contact: bool = False
    is_staff: bool = False
    is_superuser: bool = False


@dataclass(frozen=True)
class Seed:
    """What one seed document contributes."""

    source: str  # the document, for the history's change reason
    meetings: tuple[MeetingRecord, ...] = ()
    letters: tuple[LetterRecord, ...] = ()
    reports: tuple[ReportRecord, ...] = ()
