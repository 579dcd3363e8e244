"""An action's owner organisations and its lead's account, from its Lead as written: the one
resolution that the Annex A paste, the several-rows form, the spreadsheet import, the API and
letter reading use.

The Lead keeps the post or person as the papers write it ("AC Frontline Policing", "MOPAC Chief
Executive", "MPS and MOPAC"). The owners come, in this order, from:

1. an Owner column, when the table has one and the row fills it in;
2. the organisations the Lead names ("MPS and MOPAC", "MOPAC Chief Executive"), read with
   `accounts.owners` as every owner text is;
3. the directory of posts (`accounts.models.Post`: title -> organisation and current holder);
4. an owner the officer confirmed in the preview for this post;
5. the board's usual owner (`meetings.models.Board.assumed_owner`), an assumption the preview
   asks the officer to confirm.

The lead's account is the holder of the post the Lead names, whichever step gave the owners.

`resolve_lead` is plain Python over a `Directory` read once per paste or import, so rows are
checked before anything touches the database. `learn_posts` records the posts whose owner an
officer confirmed in a preview.
"""

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from accounts.models import Post, name_key
from accounts.owners import organisations_by_name, read_owners, split_owners

T = TypeVar("T")
U = TypeVar("U")


class OwnerSource(enum.StrEnum):
    """Where a row's owners came from, as the previews say it."""

    OWNER_COLUMN = "owner_column"
    NAMED_IN_LEAD = "named_in_lead"
    DIRECTORY = "directory"
    CONFIRMED = "confirmed"
    USUAL_OWNER = "usual_owner"

    @property
    def label(self) -> str:
        return SOURCE_LABELS[self]


SOURCE_LABELS = {
    OwnerSource.OWNER_COLUMN: "Owner column",
    OwnerSource.NAMED_IN_LEAD: "Named in Lead",
    OwnerSource.DIRECTORY: "Directory of posts",
    OwnerSource.CONFIRMED: "Confirmed by you",
    OwnerSource.USUAL_OWNER: "Board's usual owner - assumed",
}


@dataclass(frozen=True)
class Entry(Generic[T]):
    """A post of the directory: its organisation and its holder (None when vacant)."""

    title: str
    organisation: T
    holder: object = None


@dataclass
class Directory(Generic[T]):
    """What the resolution reads: every organisation under each of its names, and the posts by
    their compared title (`name_key`)."""

    organisations: Mapping[str, T]
    posts: Mapping[str, Entry[T]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "Directory":
        """The organisations and the directory of posts, in two queries."""
        posts = Post.objects.select_related("organisation", "holder")
        return cls(
            organisations_by_name(),
            {p.key: Entry(p.title, p.organisation, p.holder) for p in posts},
        )

    def post(self, title: str) -> Entry[T] | None:
        return self.posts.get(name_key(title))

    def converted(self, organisation: Callable[[T], U]) -> "Directory[U]":
        """The same directory with each organisation given another way, for a caller that
        compares short names rather than records (the spreadsheet import)."""
        return Directory(
            {name: organisation(o) for name, o in self.organisations.items()},
            {
                key: Entry(e.title, organisation(e.organisation), e.holder)
                for key, e in self.posts.items()
            },
        )


@dataclass
class Resolution(Generic[T]):
    """A row's owners, where they came from, its lead's account, and what stops it saving."""

    owners: list[T] = field(default_factory=list)
    source: OwnerSource | None = None
    lead_user: object = None
    errors: list[str] = field(default_factory=list)

    @property
    def is_assumed(self) -> bool:
        return self.source == OwnerSource.USUAL_OWNER


def resolve_lead(
    lead: str,
    *,
    directory: Directory[T],
    usual_owner: T | None,
    owner_text: str = "",
    confirmed: Mapping[str, T] | None = None,
) -> Resolution[T]:
    """The owners and the lead's account of an action whose Lead is `lead` (see the module's
    docstring for the order). `owner_text` is the row's Owner column; `confirmed` maps compared
    titles (`name_key`) to the owner the officer chose for them in the preview."""
    lead = " ".join(lead.split())
    entry = directory.post(lead) if lead else None
    holder = entry.holder if entry else None
    if owner_text.strip():
        found = read_owners(owner_text, directory.organisations)
        errors = [f"Unknown organisation '{name}' in the Owner column." for name in found.unknown]
        return Resolution(found.owners, OwnerSource.OWNER_COLUMN, holder, errors)
    named = named_organisations(lead, directory.organisations)
    if named:
        return Resolution(named, OwnerSource.NAMED_IN_LEAD, holder)
    if entry:
        return Resolution([entry.organisation], OwnerSource.DIRECTORY, holder)
    several = _owners_of_posts(lead, directory)
    if several:
        return Resolution(several, OwnerSource.DIRECTORY)
    if confirmed and name_key(lead) in confirmed:
        return Resolution([confirmed[name_key(lead)]], OwnerSource.CONFIRMED)
    if usual_owner is None:
        return Resolution(errors=[_no_owner(lead)])
    return Resolution([usual_owner], OwnerSource.USUAL_OWNER)


def named_organisations(lead: str, organisations: Mapping[str, T]) -> list[T]:
    """The organisations a Lead names, each part read whole ("MPS and MOPAC") or by the name it
    starts with ("MOPAC Chief Executive"); [] when it names none."""
    names = {name_key(name): organisation for name, organisation in organisations.items()}
    longest_first = sorted(names, key=len, reverse=True)
    found: list[T] = []
    for part in split_owners(lead, names):
        key = name_key(part)
        start = next((n for n in longest_first if key == n or key.startswith(n + " ")), None)
        if start is not None and names[start] not in found:
            found.append(names[start])
    return found


def _owners_of_posts(lead: str, directory: Directory[T]) -> list[T]:
    """The organisations of several posts named together ("AC Frontline Policing and AC
    Professionalism"), when every one is in the directory; else []."""
    parts = split_owners(lead)
    entries = [directory.post(part) for part in parts]
    if len(parts) < 2 or not all(entries):
        return []
    return list(dict.fromkeys(entry.organisation for entry in entries))


def _no_owner(lead: str) -> str:
    if not lead:
        return "The Lead is blank and the board has no usual owner: name the owner organisation."
    return (
        f"'{lead}' names no organisation and is not in the directory of posts, and the board "
        "has no usual owner: name the owner organisation."
    )


def learn_posts(confirmed: Mapping[str, object]) -> list[Post]:
    """Record in the directory each post (title as written -> organisation) whose owner an
    officer confirmed; a post already there keeps its entry."""
    learned = []
    for title, organisation in confirmed.items():
        post, created = Post.objects.get_or_create(
            key=name_key(title), defaults={"title": title, "organisation": organisation}
        )
        if created:
            learned.append(post)
    return learned
