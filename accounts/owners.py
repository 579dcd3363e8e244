"""Owner organisations named in text: the one reading of an Annex A Lead cell and of a
spreadsheet's Owner column.

Both name one or more organisations, by short name ("MPS") or full name ("Metropolitan Police
Service"), in any case, separated by "and", "&", ",", "/", ";" or "+":

    "MPS and MOPAC", "MPS/MOPAC", "mps & mopac", "MPS, Mayor's Office for Policing And Crime"

A full name may itself hold a separator ("Mayor's Office for Policing And Crime"): the longest
run of parts that names an organisation is taken first, so such a name is read whole.

`read_owners` is plain Python (the organisations are passed in), so the paste and the import,
which check rows before anything touches the database, share it; `organisations_by_name` reads
the organisations to pass.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from accounts.models import Organisation, name_key

T = TypeVar("T")

# The separator with the spaces around it, kept by split() (the group) so that parts can be
# joined back as written.
SEPARATOR = re.compile(r"(\s*(?:,|/|&|;|\+|\band\b)\s*)", re.IGNORECASE)


@dataclass
class OwnerText(Generic[T]):
    """What a piece of owner text names: the organisations, and the parts that name none."""

    owners: list[T] = field(default_factory=list)  # in the order written, each once
    unknown: list[str] = field(default_factory=list)  # as written, spaces tidied


def _most_parts(names) -> int:
    """The most parts a known name splits into: no longer run of parts need be tried."""
    return max((len(SEPARATOR.split(name)) // 2 + 1 for name in names or ()), default=1)


def split_owners(
    text: str, names: Mapping[str, object] | None = None, longest: int | None = None
) -> list[str]:
    """The names in owner text, as written: "MPS and MOPAC" -> ["MPS", "MOPAC"].

    With `names` (keyed by `name_key`), parts joined by a separator are kept together when
    together they are one of the names: "Mayor's Office for Policing And Crime" stays whole.
    `longest` is `_most_parts(names)`, when the caller has it already.
    """
    pieces = SEPARATOR.split(" ".join(text.split()))
    parts, separators = pieces[0::2], pieces[1::2]

    def joined(first: int, last: int) -> str:
        return "".join(
            parts[i] + (separators[i] if i < last else "") for i in range(first, last + 1)
        ).strip()

    longest = longest or _most_parts(names)
    found, first = [], 0
    while first < len(parts):
        last = next(
            (
                last
                for last in range(min(first + longest, len(parts)) - 1, first, -1)
                if name_key(joined(first, last)) in names
            ),
            first,
        )
        if joined(first, last):
            found.append(joined(first, last))
        first = last + 1
    return found


def read_owners(text: str, organisations: Mapping[str, T]) -> OwnerText[T]:
    """The organisations `text` names, looked up in `organisations` (each organisation under
    its short name and its full name, in any case), and the parts that name none."""
    return OwnerReader(organisations)(text)


class OwnerReader(Generic[T]):
    """`read_owners` for many texts against the same organisations, their names read once."""

    def __init__(self, organisations: Mapping[str, T]):
        self.names = {name_key(name): organisation for name, organisation in organisations.items()}
        self.longest = _most_parts(self.names)

    def __call__(self, text: str) -> OwnerText[T]:
        result: OwnerText[T] = OwnerText()
        for part in split_owners(text, self.names, self.longest):
            organisation = self.names.get(name_key(part))
            if organisation is None:
                result.unknown.append(part)
            elif organisation not in result.owners:
                result.owners.append(organisation)
        return result


def organisations_by_name() -> dict[str, Organisation]:
    """Every organisation under its short name and under its full name."""
    found = {}
    for organisation in Organisation.objects.all():
        found[organisation.name] = organisation
        found[organisation.short_name] = organisation
    return found
