"""Letters: the reference MOPAC uses, saving with history, and the chain of replies."""

import datetime
import re

from django.db import transaction

from letters.models import Letter

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


@transaction.atomic
def letter_save(letter: Letter, *, by, reason: str) -> Letter:
    """Save a letter, recording who changed it and why in its history."""
    letter._history_user = by
    letter._change_reason = reason[:100]
    # Published means public from published_on: the status and the date go together.
    if letter.status != Letter.Status.PUBLISHED:
        letter.published_on = None
    elif letter.published_on is None:
        letter.published_on = letter.date
    letter.save()
    return letter


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
