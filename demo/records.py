"""The shapes of the demo data: plain, frozen records that the seed modules fill in.

Organisations, boards and themes are referred to by name (an organisation by its short name),
meetings by (board name, date) and letters by `LetterRecord.key` (the reference, or the sender
and date of a letter that has none), so each seed module reads like the document it comes from
and the loader resolves the names. A value the document does not give is left blank (None).
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
    name: str  # as the document names the person ("DAC Jane Connors", "Deputy Commissioner")
    title: str
    organisation: str
    absent: bool = False  # named as not attending ("you were unable to attend")


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
    completed: "CompletionRecord | None" = None  # a later paper records it completed


@dataclass(frozen=True)
class CompletionRecord:
    """A later paper records the action completed: on its date, with its timing as printed."""

    on: datetime.date
    paper: str  # the paper, for the history's reason
    timing: str = "Completed"


@dataclass(frozen=True)
class MeetingRecord:
    board: str
    date: datetime.date
    status: str  # Meeting.Status value
    focus: str = ""
    # The date of the paper that first records the meeting, when that is not the meeting's own
    # (a meeting named ahead, as "the next Board on 24 January 2023"). None: the meeting's date.
    recorded_on: datetime.date | None = None
    attendees: tuple[AttendeeRecord, ...] = ()
    minutes: tuple[MinuteRecord, ...] = ()
    actions: tuple[ActionRecord, ...] = ()


@dataclass(frozen=True)
class QuestionRecord:
    number: int
    text: str
    theme: str
    timing: str  # response deadline as written; blank where the letter sets none for it
    put_to: str = "MPS"


@dataclass(frozen=True)
class LetterRecord:
    reference: str  # as printed; blank when the letter has none
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
    in_reply_to: str = ""  # key of the letter it answers
    status: str = "published"
    published_on: datetime.date | None = None
    questions: tuple[QuestionRecord, ...] = ()
    sending_body: str = "MOPAC and the DMPC"  # whose letterhead (letters/letterheads.py)
    annex: bool = True  # Annex A lists its meeting's actions

    @property
    def key(self) -> str:
        """How the other records name it: the reference, or its sender and date without one."""
        return self.reference or f"{self.sender_organisation} {self.date:%Y-%m-%d}"


@dataclass(frozen=True)
class RecommendationRecord:
    reference: str  # as the document numbers it; blank when it does not
    text: str
    kind: str  # Recommendation.Kind value
    owner: str = "MPS"
    response: str = ""  # the answer as given, word for word
    response_letter: str = ""  # key of the letter that gives it (it is dated by that letter)


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
