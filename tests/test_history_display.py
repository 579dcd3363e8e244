"""One way to write a history value (common/history.py, `display_value`): a record's history
(letters, questions, recommendations) and an action's timeline show the same change the same."""

import datetime
import zoneinfo

import pytest

from actions.models import Action
from actions.timeline import FIELD_LABELS, timeline
from common.history import BLANK, display_value, history_entries

from .factories import ActionFactory, BoardFactory, MeetingFactory, UserFactory

LONG = "MPS to provide a briefing on 999 and 101 call handling. " * 8


def changes_in_history(action) -> dict[str, tuple[str, str]]:
    """{field: (before, after)} of the newest change, as common.history shows it."""
    labels = {str(f.verbose_name).capitalize(): f.name for f in Action._meta.concrete_fields}
    return {labels[c.label]: (c.before, c.after) for c in history_entries(action)[0].changes}


def changes_in_timeline(action) -> dict[str, tuple[str, str]]:
    """{field: (before, after)} of the newest edit, as the action's timeline shows it."""
    names = {label: name for name, label in FIELD_LABELS.items()}
    edits = [entry for entry in timeline(action) if entry.title == "Edited"]
    return {names[c.label]: (c.before, c.after) for c in edits[-1].changes}


def edit(action, **values):
    for name, value in values.items():
        setattr(action, name, value)
    action.save()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        ({"lead": ""}, {"lead": "DAC Smith"}, {"lead": (BLANK, "DAC Smith")}),
        ({"lead": "DAC Smith"}, {"lead": ""}, {"lead": ("DAC Smith", BLANK)}),
        (
            {"published_on": None},
            {"published_on": datetime.date(2022, 7, 1)},
            {"published_on": (BLANK, "1 July 2022")},
        ),
        ({"text": LONG}, {"text": LONG + "By Friday."}, {"text": (LONG, LONG + "By Friday.")}),
        ({"forum": None}, {"forum": "board"}, {"forum": (BLANK, "Oversight Board")}),
        ({"forum": "board"}, {"forum": None}, {"forum": ("Oversight Board", BLANK)}),
        ({"lead_user": None}, {"lead_user": "user"}, {"lead_user": (BLANK, "alex")}),
    ],
)
def test_the_same_change_reads_the_same_in_the_history_and_the_timeline(
    mps, before, after, shown
):
    related = {"board": BoardFactory(name="Oversight Board"), "user": UserFactory(username="alex")}

    def resolved(values):
        return {k: related.get(v, v) if isinstance(v, str) else v for k, v in values.items()}

    before, after = resolved(before), resolved(after)
    action = ActionFactory(meeting=MeetingFactory(), owners=[mps], **before)
    edit(action, **after)
    assert changes_in_history(action) == shown
    assert changes_in_timeline(action) == shown


@pytest.mark.django_db
def test_a_related_record_gone_reads_the_same_in_both(mps):
    board = BoardFactory(name="Gone Board")
    action = ActionFactory(meeting=MeetingFactory(), owners=[mps], forum=board)
    edit(action, forum=None)
    key = board.pk
    Action.objects.filter(forum=board).update(forum=None)
    board.delete()
    assert changes_in_history(action) == {"forum": (f"#{key}", BLANK)}
    assert changes_in_timeline(action) == {"forum": (f"#{key}", BLANK)}


def test_each_kind_of_value():
    assert display_value(None) == display_value("") == display_value(set()) == BLANK
    assert display_value("open", choices=[("open", "Open")]) == "Open"
    assert display_value(7, names={7: "MPS"}) == "MPS"
    assert display_value(8, names={7: "MPS"}) == "#8"
    assert display_value(frozenset({2, 1}), names={1: "MPS", 2: "MOPAC"}) == "MOPAC and MPS"
    assert display_value(datetime.date(2022, 6, 24)) == "24 June 2022"
    late = datetime.datetime(2022, 6, 24, 23, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))
    assert display_value(late) == "25 June 2022"  # the day in London (BST)
    assert display_value(3) == "3"
