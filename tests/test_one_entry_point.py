"""The same illegal write through every channel that can express it: the same refusal, with the
same message, and nothing written.

Each write on an action has one entry point in actions/services.py, where its rules live; the web
pages, the API and the spreadsheet import (in the browser and from the command line) only show
its refusal. Before, the API took a progress note on a closed action that the web form refused,
and the import set any status without the lifecycle's map.
"""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from rest_framework.test import APIClient

from actions import services
from actions.models import Action
from actions.workflow import Status, Transition
from common.lifecycle import IllegalTransition
from spreadsheets.importer import guess_mapping
from spreadsheets.services import import_actions

from .factories import ActionFactory, MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]

NOT_LIVE = "This action is no longer live: reopen it before updating it."
PROPOSE_CLOSED = "“Completion proposed” is not possible for an action that is completed."
DROP_CLOSED = "“Dropped” is not possible for an action that is completed."
NO_NOTE = "Enter what has been done"
HEADER = ["No.", "Action", "Timing", "Lead", "Owner", "Status"]


@pytest.fixture
def action(mps, lead, officer):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    return ActionFactory(meeting=meeting, number=1, owners=[mps], text="Brief the board.")


def finish(action, status, officer, lead):
    """Bring the action to `status` the way people do."""
    if status == Status.IN_PROGRESS:
        services.post_update(action, by=lead, note="Started")
    elif status == Status.SUPERSEDED:
        into = ActionFactory(meeting=action.meeting, number=2, owners=list(action.owners.all()))
        services.change_status(
            action, Transition.SUPERSEDE, by=officer, note="Merged", superseded_by=into
        )
    elif status == Status.DROPPED:
        services.change_status(action, Transition.DROP, by=officer, note="Overtaken")
    elif status == Status.CLOSED:
        services.change_status(action, Transition.PROPOSE, by=lead, note="Done")
        services.change_status(action, Transition.ACCEPT, by=officer)


def written(action) -> tuple:
    """Everything a write could leave behind."""
    fresh = Action.objects.get(pk=action.pk)
    return (
        fresh.status,
        fresh.version,
        fresh.closed_at,
        fresh.last_update_at,
        fresh.updates.count(),
        fresh.history.count(),
        fresh.timing_revisions.count(),
        Action.objects.count(),
    )


# -- the channels: each makes the write and returns the refusal messages it shows -------------


def via_service(action, user, write, text, **_):
    with pytest.raises(IllegalTransition) as refused:
        if write == "note":
            services.post_update(action, by=user, note=text)
        elif write == "propose":
            services.change_status(action, Transition.PROPOSE, by=user, note=text)
        elif write == "drop":
            services.change_status(action, Transition.DROP, by=user, note=text)
        else:
            services.move_to_status(action, write, by=user, reason=text)
    return [str(refused.value)]


def via_web(action, user, write, text, client, **_):
    client.force_login(user)
    name = {"note": "post_update", "propose": "propose", "drop": "drop"}[write]
    response = client.post(
        reverse(f"actions:{name}", args=[action.pk]), {"note": text, "reason": text}
    )
    assert response.status_code == 200  # the form again, not on to the action page
    return [str(error) for errors in response.context["form"].errors.values() for error in errors]


def via_api(action, user, write, text, **_):
    client = APIClient()
    client.force_authenticate(user)
    path = {"note": "updates", "propose": "propose-completion"}[write]
    response = client.post(f"/api/actions/{action.pk}/{path}/", {"note": text}, format="json")
    assert response.status_code == 400, response.content
    body = response.json()
    return [body["detail"]] if "detail" in body else [m for ms in body.values() for m in ms]


def _tracker(action, status: str) -> list[list[str]]:
    return [HEADER, [str(action.number), action.text, action.timing, action.lead, "MPS", status]]


def via_import_command(action, user, write, text, tmp_path, **_):
    path = tmp_path / "tracker.csv"
    with open(path, "w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(_tracker(action, write))
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_actions",
            str(path),
            "--meeting",
            str(action.meeting_id),
            "--user",
            user.username,
            stdout=out,
        )
    return [line.split(": ", 1)[1] for line in out.getvalue().splitlines()]


def via_import_page(action, user, write, text, client, **_):
    client.force_login(user)
    table = io.StringIO()
    csv.writer(table).writerows(_tracker(action, write))
    uploaded = client.post(
        reverse("spreadsheets:import"),
        {
            "meeting": action.meeting_id,
            "file": SimpleUploadedFile("tracker.csv", table.getvalue().encode()),
        },
    )
    mapping = {name: str(i) for i, name in enumerate(["number", "text", "timing", "lead"])}
    mapping |= {"owner": "4", "status": "5"}
    response = client.post(uploaded["Location"], {**mapping, "save": "1"})
    assert response.status_code == 200  # the preview again, not on to the list
    assert 'name="save"' not in response.content.decode()
    return [error for row in response.context["rows"] for error in row.errors]


CHANNELS = {
    "service": via_service,
    "web": via_web,
    "api": via_api,
    "import command": via_import_command,
    "import page": via_import_page,
}

WEB_API = ("web", "api")
IMPORTS = ("import command", "import page")
# (what is tried, the action's status, the write, its text, the refusal, the channels that can
# express it besides the service itself)
CASES = [
    ("note on a closed action", Status.CLOSED, "note", "More work", NOT_LIVE, WEB_API),
    ("note on a superseded action", Status.SUPERSEDED, "note", "More work", NOT_LIVE, WEB_API),
    ("note on a dropped action", Status.DROPPED, "note", "More work", NOT_LIVE, WEB_API),
    ("closed -> completion proposed", Status.CLOSED, "propose", "", PROPOSE_CLOSED, WEB_API),
    (
        "closed -> completion proposed, as a status",
        Status.CLOSED,
        Status.COMPLETION_PROPOSED,
        "Imported",
        PROPOSE_CLOSED,
        IMPORTS,
    ),
    ("closed -> dropped", Status.CLOSED, "drop", "No longer needed", DROP_CLOSED, ("web",)),
    (
        "closed -> dropped, as a status",
        Status.CLOSED,
        Status.DROPPED,
        "Imported",
        DROP_CLOSED,
        IMPORTS,
    ),
    ("a note without words", Status.IN_PROGRESS, "note", "   ", NO_NOTE, WEB_API),
]


def _params():
    for name, status, write, text, message, channels in CASES:
        for channel in ("service", *channels):
            yield pytest.param(status, write, text, message, channel, id=f"{name} [{channel}]")


@pytest.mark.parametrize(("status", "write", "text", "message", "channel"), list(_params()))
def test_the_same_illegal_write_is_refused_alike_through_every_channel(
    status, write, text, message, channel, action, officer, lead, client, tmp_path
):
    finish(action, status, officer, lead)
    assert action.status == status
    user = officer if write not in ("note", "propose") else lead
    before = written(action)

    shown = CHANNELS[channel](action, user, write, text, client=client, tmp_path=tmp_path)

    assert shown == [message]
    assert written(action) == before


# -- what the import may do, it does as the web pages do ----------------------------------------


def test_an_imported_status_has_the_side_effects_of_the_transitions(action, officer, tmp_path):
    path = tmp_path / "tracker.csv"
    with open(path, "w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(_tracker(action, "Closed"))
    call_command(
        "import_actions",
        str(path),
        "--meeting",
        "2022-06-24",
        "--user",
        "officer",
        stdout=io.StringIO(),
    )
    action.refresh_from_db()
    assert action.status == Status.CLOSED
    assert action.completion_proposed_at is not None  # as proposing completion sets it
    assert action.closed_at is not None and action.last_update_at is not None
    update = action.updates.get()
    assert (update.kind, update.author, update.status_before) == ("accept", officer, "open")
    assert (
        update.note
        == "Imported from tracker.csv: status set to completed by way of completion proposed."
    )


@pytest.fixture
def meeting_for_import(db):
    return MeetingFactory(date=datetime.date(2022, 7, 1))


def test_a_new_imported_row_reaches_its_status_through_the_map(meeting_for_import, officer, mps):
    rows = [
        (2, ["7", "New and already proposed", "August 2022", "AC", "MPS", "Completion proposed"])
    ]
    import_actions(meeting_for_import, rows, guess_mapping(HEADER), by=officer, filename="t.csv")
    created = Action.objects.get(number=7)
    assert created.status == Status.COMPLETION_PROPOSED
    assert created.completion_proposed_at is not None
    assert created.updates.get().kind == "propose"
