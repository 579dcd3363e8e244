"""Seed 000: the DMPC's letter to the Commissioner after the Performance and Risk Oversight
Board of 14 October 2022, its key actions and every question it asks; and the HMICFRS PEEL
2021/22 inspection it refers to.

The seed has no reference and no date. The letter is recorded with no reference; a letter must
have a date, and it is given the date of the board it follows (14 October 2022), the earliest it
can have been written, from which its "by 14 November" is read. That deadline governs only the
update on the Mayor's Action Plan (question 13); the other questions are given none. The meeting
has the people the letter names as there, and the Commissioner, whom it names as unable to
attend. Leads and owners of the key actions are as the text names them. The findings of the
HMICFRS PEEL inspection that the letter reports are recorded on that report, in its words.
"""

# ruff: noqa: E501, RUF001 -- verbatim text, one paragraph a line, so it can be compared with the seed.

import datetime

from .common import (
    CALL_HANDLING,
    CHILD_SEXUAL_EXPLOITATION,
    CRIME_RECORDING,
    FINANCE_CHANGE_AND_PEOPLE,
    MAYORS_ACTION_PLAN,
    NEIGHBOURHOOD_CRIME,
    PERFORMANCE_AND_RISK,
    VICTIM_CARE,
    VIOLENCE_WITH_INJURY,
)
from .records import (
    ActionRecord,
    AttendeeRecord,
    LetterRecord,
    MeetingRecord,
    QuestionRecord,
    RecommendationRecord,
    ReportRecord,
    Seed,
)

MEETING_DATE = datetime.date(2022, 10, 14)
# "an update provided separately, by 14 November": the one deadline the letter sets.
UPDATE_TIMING = "by 14 November"

# As the letter names them: "I" (its signatory), the Victims' Commissioner, the Deputy
# Commissioner, DAC Jane Connors and Commander Nick Johns; and "you", the Commissioner it is
# addressed to, "unable to attend".
ATTENDEES = (
    AttendeeRecord("Sophie Linden", "Deputy Mayor for Policing and Crime", "MOPAC"),
    AttendeeRecord("Victims’ Commissioner for London", "", "VC"),
    AttendeeRecord("Deputy Commissioner", "", "MPS"),
    AttendeeRecord("DAC Jane Connors", "", "MPS"),
    AttendeeRecord("Commander Nick Johns", "", "MPS"),
    AttendeeRecord(
        "Sir Mark Rowley", "Commissioner of Police of the Metropolis", "MPS", absent=True
    ),
)

# "Key actions from that discussion were:" in the order printed.
KEY_ACTIONS = (
    ActionRecord(
        1,
        "MPS will share with MOPAC the slides setting out the work of Project Peel. The Deputy Mayor and MOPAC were invited to visit the Project Peel team.",
        "",
        "MPS",
        ("MPS",),
        theme=VICTIM_CARE,
    ),
    ActionRecord(
        2,
        "I asked for assurance that the strategy you are developing would build on your 100-day plan and include an explicit victim focus, ensuring a step change in the MPS’s approach. The Deputy Commissioner advised that it would and invited MOPAC to contribute to the development of the strategy in that regard.",
        "",
        "Deputy Commissioner",
        ("MPS",),
        theme=VICTIM_CARE,
    ),
    ActionRecord(
        3,
        "The Victims’ Commissioner invited you, the Deputy Commissioner and senior officers to attend a victims roundtable, so you can hear first-hand the lived experiences of victims. The Deputy Commissioner welcomed this invitation.",
        "",
        "Victims' Commissioner",
        ("VC", "MPS"),
        theme=VICTIM_CARE,
    ),
    ActionRecord(
        4,
        "The Deputy Commissioner, Deputy Mayor and the Victims' Commissioner will discuss, before the end of the year, the issues and options for establishing a Victim Care Hub, and other possible initiatives for the MPS to meet the needs of victims.",
        "before the end of the year",
        "Deputy Commissioner, Deputy Mayor and Victims' Commissioner",
        ("MPS", "MOPAC", "VC"),
        theme=VICTIM_CARE,
    ),
    ActionRecord(
        5,
        "It was agreed that the MPS and MOPAC will individually and collectively work on how they could best improve usage and response to the Victim Voice High Harm Survey.",
        "",
        "MPS and MOPAC",
        ("MPS", "MOPAC"),
        theme=VICTIM_CARE,
    ),
    ActionRecord(
        6,
        "The Deputy Commissioner undertook to find a solution in the short-term to providing victims with access into the MPS to ‘troubleshoot’ problems. For example, when they are having difficulty contacting their Officer in Charge, or are experiencing issues in their case or issues with the OIC.",
        "",
        "Deputy Commissioner",
        ("MPS",),
        theme=VICTIM_CARE,
    ),
    ActionRecord(
        7,
        "The Deputy Commissioner agreed that the MPS recommendations log, which captures all recommendations from oversight bodies and reports, will include those from MOPAC reports and meetings. The recommendations of the Victims’ Commissioner’s London Rape Review were given as an example of a report that should be covered.",
        "",
        "Deputy Commissioner",
        ("MPS",),
        theme=VICTIM_CARE,
    ),
)

# Every question the letter asks, in the order asked; only the last has a deadline.
QUESTIONS = (
    QuestionRecord(
        1,
        "What is the expected performance impact of the Met’s commitment to attend all residential burglaries?",
        NEIGHBOURHOOD_CRIME,
        "",
    ),
    QuestionRecord(
        2,
        "How will this initiative link to wider activity to improve the service provided to victims, for example, whether there is an expectation that burglary victims will be provided with victim’s leaflets?",
        VICTIM_CARE,
        "",
    ),
    QuestionRecord(
        3,
        "How will the attendance at all burglaries be resourced and how is the required redistribution of resource expected to impact other areas of performance?",
        NEIGHBOURHOOD_CRIME,
        "",
    ),
    QuestionRecord(
        4,
        "How you intend to ensure more accurate recording of crime and anti-social behaviour?",
        CRIME_RECORDING,
        "",
    ),
    QuestionRecord(
        5,
        "How the MPS is using analysis of location, property taken, victims and offenders to inform problem solving approaches to drive activity?",
        NEIGHBOURHOOD_CRIME,
        "",
    ),
    QuestionRecord(
        6,
        "What assessment has the MPS made of the victim profile on robbery and theft?",
        NEIGHBOURHOOD_CRIME,
        "",
    ),
    QuestionRecord(
        7,
        "How the MPS’s detection action plan will incorporate and address HMICFRS concerns around supervision of investigations and drive improvements in detections and whether activity will address HMICFRS concerns about offender and suspect management?",
        NEIGHBOURHOOD_CRIME,
        "",
    ),
    QuestionRecord(
        8,
        "What is the MPS’s corporate approach to the performance management of emergency response and what is the MPS doing to drive improvement?",
        CALL_HANDLING,
        "",
    ),
    QuestionRecord(
        9,
        "The Met’s plans to combat the observed rise in ‘public place’ violence, including what role Town Centre Teams will play in tackling that violence?",
        VIOLENCE_WITH_INJURY,
        "",
    ),
    QuestionRecord(
        10,
        "That cases are being properly identified and investigated.",
        CHILD_SEXUAL_EXPLOITATION,
        "",
    ),
    QuestionRecord(
        11,
        "That victims of these offences are being properly identified and supported.",
        CHILD_SEXUAL_EXPLOITATION,
        "",
    ),
    QuestionRecord(
        12,
        "That you are putting in place actions to improve data accuracy, including what specific steps are being undertaken to improve CSE flagging.",
        CHILD_SEXUAL_EXPLOITATION,
        "",
    ),
    QuestionRecord(
        13,
        "MOPAC’s paper to the Board set out my areas of concern, some of which are longstanding actions which are yet to be fully addressed. I would be grateful if these could be addressed as a priority and an update provided separately, by 14 November, to my team on progress.",
        MAYORS_ACTION_PLAN,
        UPDATE_TIMING,
    ),
)

LETTER_BODY = """\
I am sorry that you were unable to attend the Performance and Risk Oversight Board meeting on 14 October, I know it was an exceptionally busy day. We had a very productive meeting with the Deputy Commissioner, and I would like to thank her, DAC Jane Connors and Commander Nick Johns for their candour.

Victim Care

The Victims’ Commissioner for London and I were pleased to have the opportunity to discuss the vital issue of ensuring that victims are at the heart of everything the MPS does. With victim satisfaction at an unacceptably low level, we agreed that changes were urgently needed to how the MPS provides its victim care; a view that is supported by the findings in the recent HMICFRS PEEL inspection. The Victims' Commissioner and MOPAC have been raising this with the MPS for a number of years and we are keen to see fundamental change drive a vastly improved experience for victims as quickly as possible. I know from previous discussions that you are too.

The minutes recording the discussion will be agreed and published in due course. Key actions from that discussion were:

- MPS will share with MOPAC the slides setting out the work of Project Peel. The Deputy Mayor and MOPAC were invited to visit the Project Peel team.
- I asked for assurance that the strategy you are developing would build on your 100-day plan and include an explicit victim focus, ensuring a step change in the MPS’s approach. The Deputy Commissioner advised that it would and invited MOPAC to contribute to the development of the strategy in that regard.
- The Victims’ Commissioner invited you, the Deputy Commissioner and senior officers to attend a victims roundtable, so you can hear first-hand the lived experiences of victims. The Deputy Commissioner welcomed this invitation.
- The Deputy Commissioner, Deputy Mayor and the Victims' Commissioner will discuss, before the end of the year, the issues and options for establishing a Victim Care Hub, and other possible initiatives for the MPS to meet the needs of victims.
- It was agreed that the MPS and MOPAC will individually and collectively work on how they could best improve usage and response to the Victim Voice High Harm Survey.
- The Deputy Commissioner undertook to find a solution in the short-term to providing victims with access into the MPS to ‘troubleshoot’ problems. For example, when they are having difficulty contacting their Officer in Charge, or are experiencing issues in their case or issues with the OIC.
- The Deputy Commissioner agreed that the MPS recommendations log, which captures all recommendations from oversight bodies and reports, will include those from MOPAC reports and meetings. The recommendations of the Victims’ Commissioner’s London Rape Review were given as an example of a report that should be covered.

Q1 Performance

My officers and I have reviewed performance across the Police and Crime Plan Outcomes Framework, while also being mindful of the issues raised by HMICFRS in their PEEL assessment and as part of the Engage process. The key areas of performance focus for this quarter were:

- Neighbourhood crime and emergency response;
- Violence with injury; and,
- Child Sexual Exploitation.

HMICFRS rated the MPS good at preventing crime and anti-social behaviour and I am pleased that your plan includes a commitment to “improve our response to volume crimes”. Against that backdrop, I welcome your commitment to provide a response to all burglaries. I am keen to understand more about the implementation of this commitment, and I would be particularly grateful for your views on the following:

- What is the expected performance impact of the Met’s commitment to attend all residential burglaries?
- How will this initiative link to wider activity to improve the service provided to victims, for example, whether there is an expectation that burglary victims will be provided with victim’s leaflets?
- How will the attendance at all burglaries be resourced and how is the required redistribution of resource expected to impact other areas of performance?

It is worth noting though that burglary is in fact the only acquisitive crime that has not seen increased volumes year on year. Linked to that, and as you know, I am concerned about detections for key neighbourhood crimes (and the PCP Outcomes Framework measures these). I am also concerned that HMICFRS identified “a barely adequate standard of crime recording accuracy”, particularly in relation to anti-social behaviour. All of these issues have a direct impact on many Londoners’ experiences of crime and the MPS. In light of this, I would be grateful if you could outline, by way of response:

- How you intend to ensure more accurate recording of crime and anti-social behaviour?
- How the MPS is using analysis of location, property taken, victims and offenders to inform problem solving approaches to drive activity?
- What assessment has the MPS made of the victim profile on robbery and theft?
- How the MPS’s detection action plan will incorporate and address HMICFRS concerns around supervision of investigations and drive improvements in detections and whether activity will address HMICFRS concerns about offender and suspect management?

HMICFRS identified “performance falling far short of national standards for the handling of emergency and non-emergency calls” as one of the key concerns leading to the MPS entering the Engage phase. My officers have noted a downward trend in I and S call performance. The proportion of I and S calls responded to within target time has decreased by 8 percentage points (pp) and 16 pp. respectively in the most recent quarter compared to Q1 20/21. I and S call performance has been raised previously in Oversight Board (most recently in January) and I would like further assurance that this issue is being gripped. In particular:

- What is the MPS’s corporate approach to the performance management of emergency response and what is the MPS doing to drive improvement?

Violence with injury has returned to near pre-pandemic levels. Our analysis – shared with your team - indicates that this is likely linked to night time economy. The MPS business plan notes that town centre teams “work closely with Violence Suppression Units to engage in proactive work tackling violence and acquisitive crime types collaboratively.” I would be grateful for an update on

- The Met’s plans to combat the observed rise in ‘public place’ violence, including what role Town Centre Teams will play in tackling that violence?

Finally, in relation to Q1 performance, in early August, the MPS informed my officers that they could not provide quarterly data on CSE due to issues with recording. I am concerned that if data are not accurate there must be a risk to the MPS’s ability to identify victims and take appropriate actions. Further, the recent PEEL report identified three areas for improvement for the MPS in relation to Crime Data Integrity and rated the MPS as ‘requires improvement’ for Protecting Vulnerable People. My officers continue to work with your teams to understand the issue, while those discussions are underway, I would be grateful for your assurance on the following:

- That cases are being properly identified and investigated.
- That victims of these offences are being properly identified and supported.
- That you are putting in place actions to improve data accuracy, including what specific steps are being undertaken to improve CSE flagging.

Mayor’s Action Plan

There was not time to discuss the Mayor’s Action Plan for Transparency, Accountability and Trust in Policing (MAP). This is an important topic and 13 November will be the two-year anniversary of its publication. While the MPS has made progress in a number of areas, there are some areas where I would want to see work progressed and I note that HMICFRS identified a “failure to record the grounds for [stop and search] in sufficient detail” as an area of concern. MOPAC’s paper to the Board set out my areas of concern, some of which are longstanding actions which are yet to be fully addressed. I would be grateful if these could be addressed as a priority and an update provided separately, by 14 November, to my team on progress.

Other Areas Raised by HMICFRS

In addition to the areas covered above, HMICFRS raised concerns around public protection and RUI and bail. While I am not requesting a detailed response to these issues at this point, I do want to highlight that I will be raising them within upcoming oversight meetings.

Finally, HMICFRS raised concerns in relation to “the absence of an effective personal annual appraisal system”, “an insufficient understanding of the force’s training requirements”, a “failure to optimise the productivity of MPS resources and assets, including failure to effectively manage the force’s digital programme, fleet and estate” and “the lack of a detailed understanding of capacity and capability across all aspects of policing, and an insufficiently comprehensive understanding of demand”. These will form part of the agenda at the next Finance, Change and People Oversight Board on 24 January 2023."""

PEEL_TITLE = "PEEL 2021/22: Police effectiveness, efficiency and legitimacy – An inspection of the Metropolitan Police Service"

# What the letter reports the inspection found, in the letter's words and the order it gives them:
# findings the report does not class in the letter's words are "finding"s, unnumbered.
PEEL_FINDINGS = tuple(
    RecommendationRecord("", text, "finding")
    for text in (
        "HMICFRS identified “a barely adequate standard of crime recording accuracy”, particularly in relation to anti-social behaviour.",
        "HMICFRS identified “performance falling far short of national standards for the handling of emergency and non-emergency calls” as one of the key concerns leading to the MPS entering the Engage phase.",
        "The PEEL report identified three areas for improvement for the MPS in relation to Crime Data Integrity.",
        "HMICFRS identified a “failure to record the grounds for [stop and search] in sufficient detail” as an area of concern.",
        "HMICFRS raised concerns around public protection and RUI and bail.",
        "HMICFRS raised concerns in relation to “the absence of an effective personal annual appraisal system”.",
        "HMICFRS raised concerns in relation to “an insufficient understanding of the force’s training requirements”.",
        "HMICFRS raised concerns in relation to a “failure to optimise the productivity of MPS resources and assets, including failure to effectively manage the force’s digital programme, fleet and estate”.",
        "HMICFRS raised concerns in relation to “the lack of a detailed understanding of capacity and capability across all aspects of policing, and an insufficiently comprehensive understanding of demand”.",
    )
)

SEED = Seed(
    source="seed 000: DMPC letter after the 14 October 2022 Oversight Board",
    meetings=(
        MeetingRecord(
            PERFORMANCE_AND_RISK,
            MEETING_DATE,
            "held",
            focus="Victim care; Q1 performance",
            attendees=ATTENDEES,
            actions=KEY_ACTIONS,
        ),
        # "the next Finance, Change and People Oversight Board on 24 January 2023"
        MeetingRecord(
            FINANCE_CHANGE_AND_PEOPLE,
            datetime.date(2023, 1, 24),
            "scheduled",
            recorded_on=MEETING_DATE,
        ),
    ),
    letters=(
        LetterRecord(
            reference="",  # the letter prints none
            date=MEETING_DATE,
            direction="out",
            sender="Sophie Linden, Deputy Mayor for Policing and Crime",
            sender_organisation="MOPAC",
            recipient="Sir Mark Rowley, Commissioner of Police of the Metropolis",
            recipient_organisation="MPS",
            salutation="Dear Mark",
            subject="Letter from DMPC to Commissioner - 14 October Oversight Board",
            body=LETTER_BODY,
            signatory="Sophie Linden",
            signatory_title="Deputy Mayor for Policing and Crime",
            meeting=(PERFORMANCE_AND_RISK, MEETING_DATE),
            published_on=MEETING_DATE,
            questions=QUESTIONS,
            annex=False,  # its key actions are in its text: the letter has no Annex A
        ),
    ),
    reports=(
        ReportRecord(
            PEEL_TITLE,
            "HMICFRS",
            "inspection",
            # From public record (press coverage of 22 September 2022), not the seeds;
            # seed 004 cites the report as "September 2022".
            datetime.date(2022, 9, 22),
            url="https://hmicfrs.justiceinspectorates.gov.uk/news/news-feed/concerns-raised-over-metropolitan-polices-performance/",
            recommendations=PEEL_FINDINGS,
        ),
    ),
)
