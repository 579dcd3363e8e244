"""Who is told of each event: the rules in one table.

- completion proposed, more time asked for: the officers (officers are not assigned to boards,
  so every active officer: the board's officers are MOPAC's);
- completion rejected: the action's lead (and their deputy while away);
- an update: the lead and deputy, and the contacts of the owner organisations;
- more time agreed or declined: whoever asked, and the lead;
- passed on: the new lead.
Never the person who did it.
"""

from accounts.models import Role, User
from accounts.rules import deputies_of
from actions.signals import Event


def _officers() -> set[int]:
    return set(
        User.objects.filter(is_active=True, role__in=[Role.OFFICER, Role.ADMIN]).values_list(
            "pk", flat=True
        )
    )


def _lead(action) -> set[int]:
    if action.lead_user_id is None:
        return set()
    return {action.lead_user_id, *deputies_of([action.lead_user_id]).get(action.lead_user_id, [])}


def _owner_contacts(action) -> set[int]:
    contacts = User.objects.filter(
        is_active=True, is_organisation_contact=True, organisation__actionowner__action=action
    )
    return set(contacts.values_list("pk", flat=True))


def recipients(action, event: str, *, by, person) -> set[int]:
    """The ids of the users told of `event` on `action`."""
    person_id = {person.pk} if person is not None else set()
    people = {
        Event.COMPLETION_PROPOSED: _officers,
        Event.MORE_TIME_REQUESTED: _officers,
        Event.COMPLETION_REJECTED: lambda: _lead(action),
        Event.UPDATE_POSTED: lambda: _lead(action) | _owner_contacts(action),
        Event.MORE_TIME_AGREED: lambda: person_id | _lead(action),
        Event.MORE_TIME_DECLINED: lambda: person_id | _lead(action),
        Event.PASSED_ON: lambda: person_id,
    }[event]()
    return people - {getattr(by, "pk", None)}
