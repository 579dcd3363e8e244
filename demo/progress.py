"""Progress the MPS reported on the actions of the 24 June 2022 board, so that the board pack of
14 October 2022 and the reports have updates to print.

Invented for the demo: the seeds hold no progress notes. They are posted by the demo lead
through actions.services.post_update (an open action moves to in progress), once: a note the
action already has is not posted again.
"""

import datetime

from accounts.models import User
from actions import services as action_services
from actions.models import Action

BOARD = "Performance and Risk Oversight Board"
MEETING_DATE = datetime.date(2022, 6, 24)
POSTED_BY = "lead"

# (action No., notes in the order they were posted)
PROGRESS = (
    (
        2,
        (
            "A briefing note on PCSO recruitment has been drafted. It will go to the Board in "
            "October with the workforce paper.",
        ),
    ),
    (
        3,
        (
            "The list is being compiled from the returns of each BCU.",
            "The list of schools without a Safer Schools Officer was sent to the DMPC's office on "
            "5 August 2022. Eleven schools are waiting for an officer to be posted.",
        ),
    ),
    (
        7,
        (
            "The assessment is being prepared with the workforce plan; detective numbers are "
            "modelled to March 2024. Expected by the end of September.",
        ),
    ),
    (
        9,
        (
            "Training targets for the PNC app are agreed with the Frontline Policing command. "
            "The dates will follow once the app's next release is confirmed.",
        ),
    ),
    (
        13,
        (
            "The handcuffing data has been extracted and is being checked for quality before it "
            "is shared with MOPAC.",
        ),
    ),
)


def load_progress() -> int:
    """Post the notes not yet posted; return how many were. Nothing without the demo lead."""
    lead = User.objects.filter(username=POSTED_BY).first()
    if lead is None:
        return 0
    meeting_actions = Action.objects.filter(meeting__board__name=BOARD, meeting__date=MEETING_DATE)
    actions = {action.number: action for action in meeting_actions}
    posted = 0
    for number, notes in PROGRESS:
        action = actions[number]
        said = set(action.updates.values_list("note", flat=True))
        for note in notes:
            if note not in said:
                action_services.post_update(action, by=lead, note=note)
                posted += 1
    return posted
