"""The bodies whose letters the tracker holds, as their letterheads print (the seeds' papers).

The data migration 0002 created them from a copy of this list; the demo loader and a flushed
database get them through `ensure_sending_bodies`. Admins change them, or add more, in the
Django admin.
"""

from .models import SendingBody

CITY_HALL = "City Hall\nKamal Chunchie Way\nLondon E16 1ZE"
CITY_HALL_ONE_LINE = "City Hall, Kamal Chunchie Way, London E16 1ZE"
CONTACT = "Tel: 020 7983 4000 · www.london.gov.uk"

MOPAC = "MOPAC and the DMPC"
MAYOR = "Mayor of London"
POLICE_AND_CRIME_COMMITTEE = "London Assembly Police and Crime Committee"

BODIES = [
    {
        "name": MOPAC,
        "letterhead": "MAYOR OF LONDON\nOFFICE FOR POLICING AND CRIME",
        "address": CITY_HALL,
        "return_address": f"MOPAC, {CITY_HALL_ONE_LINE}",
        "contact": CONTACT,
    },
    {
        "name": MAYOR,
        "letterhead": "MAYOR OF LONDON",
        "address": CITY_HALL,
        "return_address": f"Mayor of London, {CITY_HALL_ONE_LINE}",
        "contact": CONTACT,
    },
    {
        "name": POLICE_AND_CRIME_COMMITTEE,
        "letterhead": "LONDON ASSEMBLY\nPOLICE AND CRIME COMMITTEE",
        "address": CITY_HALL,
        "return_address": f"London Assembly, {CITY_HALL_ONE_LINE}",
        "contact": CONTACT,
    },
]


def ensure_sending_bodies() -> dict[str, SendingBody]:
    """The three bodies by name, created as above where missing (an admin's edits are kept)."""
    return {
        values["name"]: SendingBody.objects.get_or_create(name=values["name"], defaults=values)[0]
        for values in BODIES
    }
