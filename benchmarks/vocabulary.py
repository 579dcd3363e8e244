"""The words seed_scale builds its records from: real-looking bodies, boards, themes and texts."""

ORGANISATIONS = [
    ("MOPAC", "Mayor's Office for Policing And Crime"),
    ("MPS", "Metropolitan Police Service"),
    ("HO", "Home Office"),
    ("HMICFRS", "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"),
    ("IOPC", "Independent Office for Police Conduct"),
    ("CoP", "College of Policing"),
    ("GLA", "Greater London Authority"),
    ("LC", "London Councils"),
    ("CoLP", "City of London Police"),
    ("BTP", "British Transport Police"),
    ("NPCC", "National Police Chiefs' Council"),
    ("CPS", "Crown Prosecution Service London"),
    ("VRU", "London Violence Reduction Unit"),
    ("VCL", "Victims' Commissioner for London"),
    ("NHSE", "NHS England London Region"),
    ("LFB", "London Fire Brigade"),
    ("TfL", "Transport for London"),
    ("YJB", "Youth Justice Board"),
] + [
    (f"OPCC {area}", f"Office of the Police and Crime Commissioner for {area}")
    for area in (
        "Kent",
        "Surrey",
        "Essex",
        "Hertfordshire",
        "Thames Valley",
        "Sussex",
        "Bedfordshire",
        "West Midlands",
        "West Yorkshire",
        "Merseyside",
        "Avon and Somerset",
        "Hampshire",
        "Northumbria",
        "South Yorkshire",
        "Lancashire",
        "Cheshire",
        "Nottinghamshire",
        "Leicestershire",
        "Derbyshire",
        "Devon and Cornwall",
        "Dorset",
        "Wiltshire",
    )
]

# (name, short name, kind)
BOARDS = [
    ("MOPAC Oversight Board", "Oversight Board", "board"),
    ("Police and Crime Committee", "Police and Crime Committee", "committee"),
    ("MOPAC/MPS Audit Panel", "Audit Panel", "committee"),
    ("London Policing Ethics Panel", "Ethics Panel", "committee"),
    ("London Criminal Justice Board", "LCJB", "board"),
    ("Violence Against Women and Girls Board", "VAWG Board", "board"),
    ("Victims Board", "Victims Board", "board"),
    ("Stop and Search Monitoring Group", "S&S Group", "committee"),
    ("Custody Independent Advisory Panel", "Custody Panel", "committee"),
    ("Estates Board", "Estates", "board"),
    ("Technology and Digital Board", "Technology", "board"),
    ("People and Culture Board", "People", "board"),
    ("Finance and Investment Board", "Finance", "board"),
    ("Performance Board", "Performance", "board"),
    ("Serious Violence Board", "Serious Violence", "board"),
    ("Neighbourhood Policing Board", "Neighbourhoods", "board"),
    ("Domestic Abuse Board", "Domestic Abuse", "board"),
    ("Hate Crime Board", "Hate Crime", "board"),
    ("Road Safety Board", "Road Safety", "board"),
    ("Integrity and Standards Board", "Integrity", "board"),
    ("Community Engagement Board", "Engagement", "board"),
    ("Safer Schools Board", "Safer Schools", "board"),
    ("Youth Justice Partnership Board", "Youth Justice", "board"),
    ("Counter Terrorism Oversight Group", "CT Oversight", "committee"),
    ("DMPC-AC Professionalism bilateral", "Professionalism", "bilateral"),
    ("DMPC-AC Frontline Policing bilateral", "Frontline Policing", "bilateral"),
    ("DMPC-AC Met Operations bilateral", "Met Operations", "bilateral"),
    ("DMPC-AC Specialist Operations bilateral", "Specialist Operations", "bilateral"),
    ("DMPC-Commissioner bilateral", "Commissioner bilateral", "bilateral"),
    ("Regional PCC Collaboration Forum", "PCC Forum", "committee"),
]

THEMES = [
    "Neighbourhood crime",
    "Violence with injury",
    "999 and 101 call handling",
    "Stop and search",
    "Custody",
    "Recruitment and retention",
    "Professional standards",
    "Violence against women and girls",
    "Youth violence",
    "Road safety",
    "Public confidence",
    "Digital and data",
]

BOROUGHS = [
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "Croydon",
    "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow",
    "Havering", "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea", "Kingston",
    "Lambeth", "Lewisham", "Merton", "Newham", "Redbridge", "Richmond", "Southwark", "Sutton",
    "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster",
]  # fmt: skip

VERBS = [
    "provide a briefing note on",
    "complete an evaluation of",
    "share the outcome of the review of",
    "report back on",
    "set out a plan for",
    "present an update on",
    "assess the impact of",
    "agree a timetable for",
    "publish data on",
    "provide an assessment of",
]

SUBJECTS = [
    "the recruitment of PCSOs",
    "stop and search outcomes",
    "Taser deployment",
    "response times to emergency calls",
    "101 call abandonment",
    "knife crime in {borough}",
    "engagement work in {borough}",
    "custody healthcare provision",
    "body-worn video use",
    "officer wellbeing and sickness absence",
    "the violence reduction programme in {borough}",
    "victim satisfaction",
    "the domestic abuse pilot in {borough}",
    "the misconduct hearings backlog",
    "vetting of new recruits",
    "the estates disposal programme",
    "the Command and Control replacement",
    "youth diversion schemes",
    "hate crime reporting",
    "road traffic collisions in {borough}",
    "the officers and staff needed to meet current and likely future demand",
    "rape investigation timeliness",
]

CONTEXTS = [
    "",
    " and share it with MOPAC",
    ", including a breakdown across Business Groups",
    " for discussion at the next meeting",
    ", with an assessment of costs",
    " before the next quarterly review",
    ", setting out the lessons learned",
]

LEAD_POSTS = [
    "AC Frontline Policing",
    "AC Met Operations",
    "AC Specialist Operations",
    "DAC Professionalism",
    "Director of Strategy",
    "Chief Finance Officer",
    "Director of People",
    "MOPAC Head of Oversight",
    "Chief Digital Officer",
]

UPDATE_NOTES = [
    "Work has started; a first draft is with the senior leadership team.",
    "Data collected for the last two quarters; analysis under way.",
    "Meeting held with partners; next steps agreed.",
    "Briefing note drafted and awaiting sign-off.",
    "Delayed by competing operational demand; a revised date will be proposed.",
    "Evaluation complete; findings attached for MOPAC.",
    "Shared with MOPAC officers for comment.",
]

FIRST_NAMES = [
    "Alex", "Sam", "Priya", "Tom", "Grace", "Omar", "Hannah", "Jamal", "Sophie", "Daniel",
    "Aisha", "Chris", "Laura", "Mohammed", "Emma", "Ben", "Fatima", "Rachel", "Kwame", "Joanna",
]  # fmt: skip
LAST_NAMES = [
    "Smith", "Khan", "Jones", "Patel", "Brown", "Taylor", "Ahmed", "Williams", "Okafor", "Evans",
    "Wilson", "Ali", "Thomas", "Roberts", "Walker", "Wright", "Hughes", "Green", "Hall", "Clarke",
]  # fmt: skip

REPORT_TITLES = [
    "PEEL inspection {year}",
    "Custody inspection {year}",
    "Review of stop and search {year}",
    "Police and Crime Committee report on neighbourhood policing {year}",
    "Inspection of vetting, misconduct and misogyny {year}",
    "Review of 999 call handling {year}",
]
