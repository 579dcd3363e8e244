"""The history both as-at test modules read: actions and a question changed on known days."""

import datetime

import time_machine

from actions.services import change_status, edit_action, revise_timing
from actions.workflow import Transition
from questions.services import question_answer

from .factories import ActionFactory, MeetingFactory, QuestionFactory


def at(day: str, hour: int = 12) -> datetime.datetime:
    return datetime.datetime.fromisoformat(f"{day}T{hour:02}:00:00+00:00")


def make_history(officer, lead, mps, mopac):
    """Action 1 recorded 1 July 2022, started 1 August, its deadline moved and MOPAC added as an
    owner on 1 September, proposed complete 1 October and accepted on the 2nd; action 2 recorded
    only on 15 August."""
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    with time_machine.travel(at("2022-07-01"), tick=False):
        first = ActionFactory(meeting=meeting, number=1, owners=[mps], timing="August 2022")
    with time_machine.travel(at("2022-08-01"), tick=False):
        change_status(first, Transition.START, by=lead, note="Started")
    with time_machine.travel(at("2022-08-15"), tick=False):
        ActionFactory(meeting=meeting, number=2, owners=[mps], timing="December 2022")
    with time_machine.travel(at("2022-09-01"), tick=False):
        revise_timing(first, by=officer, timing="November 2022", reason="More data")
        first.refresh_from_db()
        edit_action(first, by=officer, expected_version=first.version, owners=[mps, mopac])
    with time_machine.travel(at("2022-10-01"), tick=False):
        change_status(first, Transition.PROPOSE, by=lead, note="Done")
    with time_machine.travel(at("2022-10-02"), tick=False):
        change_status(first, Transition.ACCEPT, by=officer)
    return first


def make_question(officer, mps):
    """A question put on 1 July 2022 with its response due by 1 September 2022, answered on 20
    September."""
    with time_machine.travel(at("2022-07-01"), tick=False):
        question = QuestionFactory(
            letter__date=datetime.date(2022, 7, 1), put_to=mps, response_timing="by 1 September"
        )
    with time_machine.travel(at("2022-09-20"), tick=False):
        question_answer(question, by=officer, response="The answer")
    return question
