"""Organisations, boards, themes and demo users that the seed documents share."""

from .records import BoardRecord, OrganisationRecord, UserRecord

PERFORMANCE_AND_RISK = "Performance and Risk Oversight Board"
FINANCE_CHANGE_AND_PEOPLE = "Finance, Change and People Oversight Board"
AC_PROFESSIONALISM = "DMPC-AC Professionalism meeting"
AC_FRONTLINE_POLICING = "DMPC-AC Frontline Policing meeting"
CHIEF_OF_CORPORATE_SERVICES = "DMPC-Chief of Corporate Services meeting"
POLICE_AND_CRIME_COMMITTEE = "Police and Crime Committee"

ORGANISATIONS = (
    OrganisationRecord("MOPAC", "Mayor's Office for Policing And Crime"),
    OrganisationRecord("MPS", "Metropolitan Police Service"),
    OrganisationRecord("VC", "Victims' Commissioner for London"),
    OrganisationRecord(
        "HMICFRS", "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"
    ),
    # The London Assembly's committee, never "PCC": the seeds use that for Police and Crime
    # Commissioners.
    OrganisationRecord(POLICE_AND_CRIME_COMMITTEE, "London Assembly Police and Crime Committee"),
    OrganisationRecord("Mayor", "Mayor of London"),
)

BOARDS = (
    BoardRecord(PERFORMANCE_AND_RISK, "board", "PROB"),
    BoardRecord(FINANCE_CHANGE_AND_PEOPLE, "board", "FCPOB"),
    BoardRecord(AC_PROFESSIONALISM, "bilateral", "AC Professionalism"),
    BoardRecord(AC_FRONTLINE_POLICING, "bilateral", "AC Frontline Policing"),
    BoardRecord(CHIEF_OF_CORPORATE_SERVICES, "bilateral", "Chief of Corporate Services"),
    BoardRecord(POLICE_AND_CRIME_COMMITTEE, "committee"),
)

# Themes, named as the seeds name the areas of performance focus.
NEIGHBOURHOOD_CRIME = "Neighbourhood crime"
CRIME_RECORDING = "Crime recording"
CALL_HANDLING = "999 and 101 call handling"
VIOLENCE_WITH_INJURY = "Violence with injury"
CHILD_SEXUAL_EXPLOITATION = "Child sexual exploitation"
MAYORS_ACTION_PLAN = "Stop and search and the Mayor's Action Plan"
VICTIM_CARE = "Victim care"
TRUST_AND_CONFIDENCE = "Trust and confidence"
NEIGHBOURHOOD_POLICING = "Neighbourhood policing"
SAFEGUARDING_CHILDREN = "Safer schools and child protection"
WORKFORCE = "Workforce and resourcing"
PROFESSIONAL_STANDARDS = "Professional standards"

THEMES = (
    NEIGHBOURHOOD_CRIME,
    CRIME_RECORDING,
    CALL_HANDLING,
    VIOLENCE_WITH_INJURY,
    CHILD_SEXUAL_EXPLOITATION,
    MAYORS_ACTION_PLAN,
    VICTIM_CARE,
    TRUST_AND_CONFIDENCE,
    NEIGHBOURHOOD_POLICING,
    SAFEGUARDING_CHILDREN,
    WORKFORCE,
    PROFESSIONAL_STANDARDS,
)

USERS = (
    UserRecord("officer", "officer", "MOPAC", "Olivia", "Officer", "Oversight officer"),
    UserRecord(
        "lead",
        "lead",
        "MPS",
        "Leo",
        "Lead",
        "Staff officer",
        command="AC Frontline Policing",
        is_organisation_contact=True,
    ),
    UserRecord("reviewer", "reviewer", "MOPAC", "Rita", "Reviewer", "Office of the DMPC"),
    UserRecord(
        "admin",
        "admin",
        "MOPAC",
        "Adam",
        "Administrator",
        "Systems administrator",
        is_staff=True,
        is_superuser=True,
    ),
)
