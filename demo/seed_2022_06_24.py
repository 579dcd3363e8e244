"""Seed 002: the DMPC's letter of 20 July 2022 (MOPAC14072022-D4220) to the Acting Commissioner
after the Performance and Risk Oversight Board of 24 June 2022, and its Annex A.

Annex A is copied exactly as printed (No., Action, Timing, Lead); owners follow the Lead column.
Forums are set where the action says where it will be discussed; themes are our classification.
The actions are recorded on the date of the board; No. 14, which the Annex prints "Completed",
is recorded with no timing (the board's is not given) and completed by the letter of 20 July
2022, its timing then revised to "Completed" as printed.
"""

# ruff: noqa: E501, RUF001 -- verbatim text, one paragraph a line, so it can be compared with the seed.

import datetime

from .common import (
    AC_FRONTLINE_POLICING,
    AC_PROFESSIONALISM,
    CHIEF_OF_CORPORATE_SERVICES,
    FINANCE_CHANGE_AND_PEOPLE,
    MAYORS_ACTION_PLAN,
    NEIGHBOURHOOD_CRIME,
    NEIGHBOURHOOD_POLICING,
    PERFORMANCE_AND_RISK,
    PROFESSIONAL_STANDARDS,
    SAFEGUARDING_CHILDREN,
    TRUST_AND_CONFIDENCE,
    VICTIM_CARE,
    WORKFORCE,
)
from .records import ActionRecord, CompletionRecord, LetterRecord, MeetingRecord, Seed

MEETING_DATE = datetime.date(2022, 6, 24)
LETTER_REFERENCE = "MOPAC14072022-D4220"
LETTER_DATE = datetime.date(2022, 7, 20)

ANNEX_A = (
    ActionRecord(
        1,
        "MPS to complete evaluation of engagement work in Croydon and share outcome with MOPAC. For discussion at the DMPC-AC Professionalism meeting in October.",
        "October 2022",
        "MPS",
        ("MPS",),
        forum=AC_PROFESSIONALISM,
        theme=TRUST_AND_CONFIDENCE,
    ),
    ActionRecord(
        2,
        "MPS to provide a briefing note on the issues with recruiting PCSOs. For discussion at the next DMPC-Chief of Corporate Services meeting.",
        "August 2022",
        "MPS",
        ("MPS",),
        forum=CHIEF_OF_CORPORATE_SERVICES,
        theme=NEIGHBOURHOOD_POLICING,
    ),
    ActionRecord(
        3,
        "MPS to provide the DMPC with a list of the schools which do not have a Safer Schools Officer in place and why.",
        "August 2022",
        "MPS",
        ("MPS",),
        theme=SAFEGUARDING_CHILDREN,
    ),
    ActionRecord(
        4,
        "MPS to review the ways of working for Safer Schools Officers and share outcome with MOPAC. For discussion at the DMPC-AC Frontline Policing meeting in October 2022, including the barriers to achieving a named officer in every school and the training provided to support the officers.",
        "October 2022",
        "MPS",
        ("MPS",),
        forum=AC_FRONTLINE_POLICING,
        theme=SAFEGUARDING_CHILDREN,
    ),
    ActionRecord(
        5,
        "The MPS undertook to remind BCU Commanders that DWO posts must be filled and not abstracted.",
        "",
        "MPS",
        ("MPS",),
        theme=NEIGHBOURHOOD_POLICING,
    ),
    ActionRecord(
        6,
        "MPS to provide to the DMPC a note detailing what screening out crimes meant in practice and what victims were advised. For discussion at the DMPC-AC Frontline Policing meeting in August 2022.",
        "August 2022",
        "MPS",
        ("MPS",),
        forum=AC_FRONTLINE_POLICING,
        theme=VICTIM_CARE,
    ),
    ActionRecord(
        7,
        "MPS to provide their assessment of when and how the increased number of detectives will have an impact on sanction detection rates.",
        "August 2022",
        "MPS",
        ("MPS",),
        theme=NEIGHBOURHOOD_CRIME,
    ),
    ActionRecord(
        8,
        "MPS to provide an assessment of the officers and staff needed to meet current and likely future demand, including a breakdown across Business Groups. For discussion with the Acting Commissioner and Deputy prior to the new Commissioner taking up his post.",
        "August 2022",
        "MPS",
        ("MPS",),
        theme=WORKFORCE,
    ),
    ActionRecord(
        9,
        "MPS to advise the DMPC on their targets and dates for training officers on the PNC app. For discussion at the next DMPC-AC Professionalism meeting.",
        "August/Sept 2022",
        "MPS",
        ("MPS",),
        forum=AC_PROFESSIONALISM,
        theme=WORKFORCE,
    ),
    ActionRecord(
        10,
        "DMPC to discuss with AC Frontline Policing at their next meeting, how they assure themselves that improvement in Child Protection is continuing at the pace required.",
        "August 2022",
        "MPS",
        ("MPS",),
        forum=AC_FRONTLINE_POLICING,
        theme=SAFEGUARDING_CHILDREN,
    ),
    ActionRecord(
        11,
        "MPS to provide a paper on the pan-London themes arising from community engagement and the actions being taken to address them. The paper to also set out how the MPS assured itself of the impact of its engagement and that it is reaching all the target communities. For discussion at the DMPC-AC Professionalism meeting in December 2022.",
        "December 2022",
        "MPS",
        ("MPS",),
        forum=AC_PROFESSIONALISM,
        theme=TRUST_AND_CONFIDENCE,
    ),
    ActionRecord(
        12,
        "MPS and MOPAC to work together to align their reviews of community engagement.",
        "",
        "MPS and MOPAC",
        ("MPS", "MOPAC"),
        theme=TRUST_AND_CONFIDENCE,
    ),
    ActionRecord(
        13,
        "MPS to provide to MOPAC the data connecting the use of handcuffing with stop and search. For discussion at the DMPC-AC Frontline Policing meeting in August 2022.",
        "August 2022",
        "MPS",
        ("MPS",),
        forum=AC_FRONTLINE_POLICING,
        theme=MAYORS_ACTION_PLAN,
    ),
    ActionRecord(
        14,
        "MPS undertook to provide MOPAC with their SSO report by 27 June.",
        "",
        "MPS",
        ("MPS",),
        theme=SAFEGUARDING_CHILDREN,
        completed=CompletionRecord(LETTER_DATE, f"Annex A of letter {LETTER_REFERENCE}"),
    ),
    ActionRecord(
        15,
        "Disproportionality in the misconduct process, including how the Casey Review will assist with this issue, would be discussed in upcoming discussions on the Casey Review.",
        "",
        "MPS and MOPAC",
        ("MPS", "MOPAC"),
        theme=PROFESSIONAL_STANDARDS,
    ),
)

LETTER_BODY = """\
This letter follows up on the quarterly Performance and Risk Oversight Board meeting we held on 24 June. As I mentioned at the meeting, it was the first Oversight Board meeting under our new oversight structures, which focused on Q4 performance and risk. We had a separate Oversight Board meeting on 19 July focusing on finance, change and people.

Thank you for the response to my letter following the April meeting and addressing the additional questions it posed and the actions. Your responses are now published on MOPAC's website.

The principal focus of the discussion at our June meeting was trust and confidence in the MPS – both in terms of what the Q4 data showed us and the range of engagement the MPS was undertaking. We also discussed the rationale behind the refresh of the MPS corporate risk register where I highlighted that the risk of serious violence – particularly in respect of children and young people – is an area where it is absolutely vital we maintain a laser-like focus.

A number of actions were agreed at the meeting, and these are set out in Annex A. In addition to those, I want to highlight some of the key discussion points covered at the meeting.

I am grateful to you for the paper setting out the MPS's approach to engagement, the achievements and outcomes and your plans for future engagement. We both recognise the imperative to address declining confidence levels. I note your commitment to improve and that you are undertaking a review of the MPS's community engagement. MOPAC is also undertaking a review of its work in this area, and I know that our organisations will co-ordinate on this.

We discussed the engagement work the MPS is undertaking in Croydon and the need to understand the impact that this is having on trust and confidence. You are undertaking an evaluation of this work and I look forward to discussing the outcome of this with the Assistant Commissioner, Professionalism when we meet in October.

We also discussed the impact of the BCU model on partnership working, in particular with councils. We agreed that there was a need to reflect on feedback from partners and use it to improve engagement and partnership activity going forward.

I noted that not every school had a named officer and a Safer Schools Partnership in place, and I am keen to understand the detailed picture and the barriers to achieving full coverage. I asked that you provide me with a list of the schools which do not have a Safer Schools Officer in place. We also discussed the work Safer Schools Officers should be undertaking and the training provided to support them to do this. I look forward to discussing this further with the Assistant Commissioner, Frontline Policing when we meet in October.

I noted that it has been six years since the HMICFRS published its report on MPS child protection work and that, while there had been improvement in some areas of child protection, further work is required for the MPS to be performing at the required level. When I next meet with the Assistant Commissioner, Frontline Policing, I will be asking for assurance that the necessary improvement in child protection is continuing at the pace required.

Finally, the question of your assessment of the number of officers and staff needed to meet current and likely future demand was raised at the meeting. I would be grateful if you could provide this assessment, including a breakdown across Business Groups, in order that I can discuss this with you and the Acting Deputy Commissioner prior to the new Commissioner taking up his post. I would also like to understand whether, when and in what areas you expect the higher number of detectives in the MPS to begin having a real impact on detection rates.

Our next Performance and Risk Oversight Board meeting will be victims focused. We will be discussing at that meeting the review into Witness Care Units, where you are aware both Claire Waxman and I continue to have concerns and where, consequently, you have asked DARA to conduct a review. I will wish to be assured that the work to improve performance here is having the necessary impact."""

SEED = Seed(
    source="seed 002: DMPC letter of 20 July 2022 and Annex A",
    meetings=(
        MeetingRecord(
            PERFORMANCE_AND_RISK,
            MEETING_DATE,
            "held",
            focus="Q4 performance and risk; trust and confidence",
            actions=ANNEX_A,
        ),
        MeetingRecord(
            FINANCE_CHANGE_AND_PEOPLE,
            datetime.date(2022, 7, 19),
            "held",
            focus="Finance, change and people",
            recorded_on=LETTER_DATE,  # "We had a separate Oversight Board meeting on 19 July"
        ),
    ),
    letters=(
        LetterRecord(
            reference=LETTER_REFERENCE,
            date=LETTER_DATE,
            direction="out",
            sender="Sophie Linden, Deputy Mayor for Policing and Crime",
            sender_organisation="MOPAC",
            recipient="Sir Stephen House QPM, Acting Commissioner of the Metropolitan Police",
            recipient_organisation="MPS",
            addressee_block=(
                "Sir Stephen House QPM\n"
                "Acting Commissioner of the Metropolitan Police\n"
                "Metropolitan Police Service,\n"
                "Empress State Building,\n"
                "Empress Approach,\n"
                "Lillie Road,\n"
                "London, SW6 1TR\n"
                "Stephen.House@met.police.uk"
            ),
            salutation="Dear Steve",
            subject="Performance and Risk Oversight Board, 24 June 2022",
            body=LETTER_BODY,
            signatory="Sophie Linden",
            signatory_title="Deputy Mayor for Policing and Crime",
            meeting=(PERFORMANCE_AND_RISK, MEETING_DATE),
            published_on=LETTER_DATE,
        ),
    ),
)
