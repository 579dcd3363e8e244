"""Letters: the reference MOPAC uses, every write of a letter, and the chain of replies."""

import datetime
import re
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import transaction

from common.history import record_change
from common.integrity import taken_meanwhile
from common.optimistic import check_version
from letters.models import Letter

from .workflow import Status, Transition, allowed_transitions, check

MAX_CHAIN_DEPTH = 20


def suggest_reference(on: datetime.date) -> str:
    """A new outgoing reference in MOPAC's format, MOPAC14072022-D4220: the date, then a number
    one above the highest D-number used so far."""
    numbers = [
        int(match.group(1))
        for ref in Letter.objects.filter(reference__contains="-D").values_list(
            "reference", flat=True
        )
        if (match := re.search(r"-D(\d+)$", ref))
    ]
    return f"MOPAC{on:%d%m%Y}-D{max(numbers, default=0) + 1}"


# -- every write of a letter --------------------------------------------------------------------
#
# Each entry point below is the only one for its step, whichever channel calls it (the register,
# the follow-up letter composer in documents, the publication page, the demo loader). Changes of
# status go through the map of letters/workflow.py; every save records who and why in the history
# through _save, which also keeps the publication date with the published status.


def _called(letter: Letter) -> str:
    """What follows "Letter" in a refusal: the reference, or "of 14 October 2022" without one."""
    return letter.reference or f"of {letter.date:%-d %B %Y}"


def _save(letter: Letter, *, by, reason: str, at: datetime.datetime | None = None) -> Letter:
    """Save the letter with who, why and when (`at`, None: now) in its history: the one place
    this app writes them.

    Published means public from published_on: the status and the date go together.
    """
    if letter.status != Status.PUBLISHED:
        letter.published_on = None
    elif letter.published_on is None:
        letter.published_on = letter.date
    record_change(letter, by, reason, at=at)
    with taken_meanwhile(letter):  # a reference taken meanwhile: ValidationError, not a 500
        letter.save()
    return letter


def _lock(letter: Letter) -> Letter:
    """Lock the letter's row (only it: PostgreSQL cannot lock an outer-joined meeting) and read
    it again, so that the step is decided on its status as it is now."""
    return (
        Letter.objects.select_for_update(of=("self",))
        .select_related("meeting__board")
        .get(pk=letter.pk)
    )


def _locked_status(letter: Letter) -> str:
    """The status saved for `letter`, its row locked, without reading the unsaved changes over."""
    locked = Letter.objects.select_for_update().filter(pk=letter.pk)
    return locked.values_list("status", flat=True).get()


@transaction.atomic
def letter_record(
    letter: Letter, *, by, reason: str = "Letter recorded", at: datetime.datetime | None = None
) -> Letter:
    """Save a letter as its document records it: a new letter of the register (whose form offers
    REGISTER_STATUSES), or a letter of the demo data's seed documents (published, with a date),
    dated `at` as the document dates it (None: now; never from a form).

    A new received letter in reply to one the map lets move to "response received" (a sent one)
    moves it there, with the reply's reference as the reason.
    """
    new = letter.pk is None
    _save(letter, by=by, reason=reason, at=at)
    if not new or letter.in_reply_to_id is None or letter.direction != Letter.Direction.IN:
        return letter
    parent = _lock(letter.in_reply_to)
    if Transition.RECEIVE_RESPONSE in allowed_transitions(parent.status):
        letter_response_received(parent, reply=letter, by=by, at=at)
    return letter


@transaction.atomic
def letter_edit(letter: Letter, *, by, expected_version: int, reason: str = "Edited") -> Letter:
    """Save an officer's edit in the register, made from `expected_version` (StaleEdit if the
    letter was saved since). The edit never changes the status: that is `letter_set_status`."""
    check_version(letter, expected_version)
    letter.status = _locked_status(letter)
    return _save(letter, by=by, reason=reason)


@transaction.atomic
def letter_set_status(letter: Letter, status: str, *, by, expected_version: int) -> Letter:
    """An officer's change of a letter's status in the register, its own step (SET_STATUS: to
    draft, sent or response received, never published), made from `expected_version`."""
    check_version(letter, expected_version)
    letter = _lock(letter)
    before = letter.status
    letter.status = check(Transition.SET_STATUS, before, reference=_called(letter), target=status)
    if letter.status == before:
        return letter
    return _save(letter, by=by, reason=f"Status set to {Status(letter.status).label.lower()}")


@transaction.atomic
def letter_save_draft(
    letter: Letter, *, by, expected_version: int | None = None, reason: str | None = None
) -> Letter:
    """Save a draft follow-up letter: new, or still a draft (SAVE_DRAFT) and, when edited on its
    form, still at the version the form was opened at (`expected_version`, else StaleEdit)."""
    if letter.pk is not None:
        if expected_version is not None:
            check_version(letter, expected_version)
        check(Transition.SAVE_DRAFT, _locked_status(letter), reference=_called(letter))
    letter.status = Status.DRAFT
    return _save(letter, by=by, reason=reason or Transition.SAVE_DRAFT.label)


@transaction.atomic
def letter_mark_sent(
    letter: Letter,
    *,
    by,
    render_pdf: Callable[[Letter], bytes] | None = None,
    reason: str | None = None,
) -> Letter:
    """Move a draft to sent (SEND), storing the PDF `render_pdf` makes of it first, if given: the
    copy shown as "the letter as sent" from then on (it replaces any copy stored before).

    The row stays locked while it renders, so two clicks cannot send it twice. Returns the letter
    as saved. Raises IllegalTransition for a letter already sent; an exception of the render
    (documents.pdf.RenderTimeout) leaves it a draft.
    """
    letter = _lock(letter)
    target = check(Transition.SEND, letter.status, reference=_called(letter))
    if render_pdf is not None:
        pdf, replaced = render_pdf(letter), letter.pdf.name
        letter.pdf.save(f"{letter.file_stem}.pdf", ContentFile(pdf), save=False)
        if replaced:
            transaction.on_commit(lambda: letter.pdf.storage.delete(replaced))
    letter.status = target
    return _save(letter, by=by, reason=reason or Transition.SEND.label)


@transaction.atomic
def letter_undo_sent(letter: Letter, *, by, reason: str) -> Letter:
    """Take a sent letter back to draft (UNDO_SEND), with the reason in its history. The copy
    stored when it was sent is deleted: the letter as sent is whatever the next send stores."""
    reason = reason.strip()
    if not reason:
        raise ValueError("Give the reason the letter goes back to draft.")
    letter = _lock(letter)
    letter.status = check(Transition.UNDO_SEND, letter.status, reference=_called(letter))
    stored = letter.pdf.name
    letter.pdf = ""
    _save(letter, by=by, reason=f"{Transition.UNDO_SEND.label}: {reason}")
    if stored:
        transaction.on_commit(lambda: letter.pdf.storage.delete(stored))
    return letter


@transaction.atomic
def letter_response_received(
    letter: Letter, *, reply: Letter, by, at: datetime.datetime | None = None
) -> Letter:
    """A received letter replies to this sent one (RECEIVE_RESPONSE), dated `at` as the reply
    is (None: now)."""
    letter = _lock(letter)
    letter.status = check(Transition.RECEIVE_RESPONSE, letter.status, reference=_called(letter))
    reason = f"{Transition.RECEIVE_RESPONSE.label}: {reply.label}"
    return _save(letter, by=by, reason=reason, at=at)


@transaction.atomic
def letter_publish(letter: Letter, *, by, on: datetime.date) -> Letter:
    """Publish the letter from `on` (PUBLISH): the public pages show it from that day."""
    letter = _lock(letter)
    letter.status = check(Transition.PUBLISH, letter.status, reference=_called(letter))
    letter.published_on = on
    return _save(letter, by=by, reason=f"Published from {on:%-d %B %Y}")


@transaction.atomic
def letter_unpublish(letter: Letter, *, by) -> Letter:
    """Take the letter off the public pages (UNPUBLISH), back to the status it had before."""
    letter = _lock(letter)
    letter.status = check(
        Transition.UNPUBLISH,
        letter.status,
        reference=_called(letter),
        target=_status_before_publication(letter),
    )
    return _save(letter, by=by, reason=Transition.UNPUBLISH.label)


def _status_before_publication(letter: Letter) -> str:
    """The status the letter had before it was published (sent if the history has none)."""
    earlier = (
        letter.history.exclude(status=Status.PUBLISHED)
        .order_by("-history_date", "-history_id")
        .values_list("status", flat=True)
        .first()
    )
    return earlier or Status.SENT


def letter_thread(letter: Letter, visible) -> list[tuple[int, Letter]]:
    """The whole reply chain around `letter` as (depth, letter) in reading order.

    Walks up `in_reply_to` to the first letter, then down through the replies one level per
    query. Only letters in the `visible` queryset are listed (a lead sees their own).
    """
    root, seen = letter, {letter.pk}
    while root.in_reply_to_id and len(seen) < MAX_CHAIN_DEPTH:
        parent = visible.filter(pk=root.in_reply_to_id).first()
        if parent is None or parent.pk in seen:
            break
        root = parent
        seen.add(root.pk)
    children: dict[int | None, list[Letter]] = {}
    level, loaded = [root.pk], {root.pk}
    for _ in range(MAX_CHAIN_DEPTH):
        replies = list(visible.filter(in_reply_to__in=level).exclude(pk__in=loaded))
        if not replies:
            break
        for reply in replies:
            children.setdefault(reply.in_reply_to_id, []).append(reply)
        level = [reply.pk for reply in replies]
        loaded.update(level)
    thread: list[tuple[int, Letter]] = []

    def walk(node: Letter, depth: int) -> None:
        thread.append((depth, node))
        for child in sorted(children.get(node.pk, []), key=lambda x: (x.date, x.pk)):
            walk(child, depth + 1)

    walk(root, 0)
    return thread
