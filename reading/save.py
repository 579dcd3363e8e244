"""Save the items an officer kept from a letter, all or nothing, through the domain entry points:
actions through `actions.services.create_action`, questions through
`questions.services.question_save`.

Actions go to the meeting the paper follows (the letter's meeting, or the meeting whose record
was read), else to the letter; questions to the letter, else to the meeting. Each is numbered
after those already there, with the source locked so two officers saving at once cannot take
the same numbers.
"""

from django.db import transaction
from django.db.models import Max

from accounts.posts import Directory
from actions.models import Action
from actions.services import create_action
from questions.models import PerformanceQuestion
from questions.services import question_save

from .forms import ItemForm

REASON = "Read from the letter"


def _next_number(model, **source) -> int:
    return (model.objects.filter(**source).aggregate(top=Max("number"))["top"] or 0) + 1


def _lock(source) -> None:
    list(type(source).objects.select_for_update().filter(pk=source.pk).values_list("pk"))


@transaction.atomic
def save_items(items: list[dict], *, letter=None, meeting=None, by) -> tuple[list, list]:
    """Create the kept items (ItemForm.cleaned_data) of a letter or a meeting's record; returns
    (actions, questions). Any refusal raises and nothing is saved."""
    meeting = meeting or (letter.meeting if letter is not None else None)
    action_source = {"meeting": meeting} if meeting is not None else {"letter": letter}
    question_source = {"letter": letter} if letter is not None else {"meeting": meeting}
    for source in {*action_source.values(), *question_source.values()}:
        _lock(source)
    number = _next_number(Action, **action_source)
    directory = Directory.load()
    actions = []
    for item in (i for i in items if i["kind"] == ItemForm.ACTION):
        post = directory.post(item["lead"].strip())
        actions.append(
            create_action(
                **action_source,
                number=number,
                text=item["text"].strip(),
                timing=item["timing"].strip(),
                lead=item["lead"].strip(),
                lead_user=post.holder if post else None,  # the directory's holder of the post
                owners=item["organisations"],
                by=by,
                reason=REASON,
            )
        )
        number += 1
    number = _next_number(PerformanceQuestion, **question_source)
    questions = []
    for item in (i for i in items if i["kind"] == ItemForm.QUESTION):
        question = PerformanceQuestion(
            **question_source,
            number=number,
            text=item["text"].strip(),
            put_to=item["organisations"][0],
        )
        question.apply_timing(item["timing"].strip())
        questions.append(question_save(question, by=by, reason=REASON))
        number += 1
    return actions, questions
