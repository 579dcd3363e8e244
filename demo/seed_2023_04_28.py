"""Seed 003: the record of the Performance and Risk Oversight Board of 28 April 2023.

Attendees and numbered minute items are as printed (sub-bullets kept in the item's text, the
"**" emphasis of the source dropped). The record names Actions 1 to 7 inside the minutes; each
action's text is written from its minute item as an officer would log it, except Action 7, which
the record prints in full. Also the meetings it mentions: 10 February 2023 (whose minutes it
agrees) and the Finance, Change and People Oversight Board of 30 June 2023.
"""

# ruff: noqa: E501 -- verbatim text, one paragraph a line, so it can be compared with the seed.

import datetime

from .common import (
    CALL_HANDLING,
    CHILD_SEXUAL_EXPLOITATION,
    FINANCE_CHANGE_AND_PEOPLE,
    NEIGHBOURHOOD_POLICING,
    PERFORMANCE_AND_RISK,
    TRUST_AND_CONFIDENCE,
    WORKFORCE,
)
from .records import ActionRecord, AttendeeRecord, MeetingRecord, MinuteRecord, Seed

MEETING_DATE = datetime.date(2023, 4, 28)

# In the order printed: MOPAC, then MPS.
ATTENDEES = (
    AttendeeRecord("Sophie Linden", "Deputy Mayor for Policing and Crime (DMPC)", "MOPAC"),
    AttendeeRecord("Kenny Bowie", "Director of Strategy and MPS Oversight", "MOPAC"),
    AttendeeRecord("Amana Humayun", "Chief Financial Officer", "MOPAC"),
    AttendeeRecord("Will Balakrishnan", "Director of Commissioning and Partnerships", "MOPAC"),
    AttendeeRecord("James Bottomley", "Head of Oversight and Performance", "MOPAC"),
    AttendeeRecord("Dr Paul Dawson", "Head of Evidence and Insight", "MOPAC"),
    AttendeeRecord("Natasha Plummer", "Head of Community Engagement", "MOPAC"),
    AttendeeRecord("Sir Mark Rowley", "Commissioner", "MPS"),
    AttendeeRecord("Dame Lynne Owens", "Deputy Commissioner", "MPS"),
    AttendeeRecord("Louisa Rolfe", "Assistant Commissioner", "MPS"),
    AttendeeRecord("Barbara Gray", "Assistant Commissioner", "MPS"),
    AttendeeRecord("Michelle Thorp", "Temporary Chief Strategy and Transformation Officer", "MPS"),
    AttendeeRecord("Helen Millichap", "Deputy Assistant Commissioner", "MPS"),
    AttendeeRecord("Alexis Boon", "Deputy Assistant Commissioner", "MPS"),
)

MINUTES = (
    MinuteRecord(
        "1.1",
        "Minutes",
        "The minutes of the 10 February 2023 Performance and Risk Oversight Board meeting were agreed. Updates were provided on a number of the actions.",
    ),
    MinuteRecord(
        "1.2",
        "Minutes",
        "There was a discussion of the outstanding action for the MPS to conduct a dip sample of cases across London to assess if safeguarding risks were being picked up, in light of the child exploitation data issues. It was noted that the key work of assessing whether any missing child safeguarding issue had been identified was yet to take place. The MPS would update MOPAC on the outcome of this work once it was completed (Action 1).",
    ),
    MinuteRecord(
        "2.1",
        "Trust and Confidence",
        "Kenny Bowie introduced the item, identifying the following as the key issues for discussion:\n- Turnaround Plan priorities 1 (neighbourhood policing) and 5 (raising standards).\n- How the MPS would be including response to the issues raised in Dame Louise Casey's report in its revised Turnaround Plan.\n- The implications of the Casey review report for trust and confidence.\n- How the MPS assured itself that the strategic intent around trust and confidence was driving frontline activity.",
    ),
    MinuteRecord(
        "2.2",
        "Trust and Confidence",
        "There was a discussion of the allocation of increased resources to neighbourhood policing. The MPS advised that as well as meeting the Mayoral commitment on Dedicated Ward Officers, they would be recruiting an additional 500 Police Community Support Officers (PCSOs). The 32 borough superintendents were contacting borough councils to discuss the allocation and what it might mean for their borough.",
    ),
    MinuteRecord(
        "2.3",
        "Trust and Confidence",
        "The Deputy Mayor requested that before detailed conversations are held with boroughs, the MPS provided MOPAC with the detailed work behind the neighbourhood policing allocation and the impact that it would have on wards, particularly where the impact would result in wards no longer being regarded as a priority area (Action 2).",
    ),
    MinuteRecord(
        "2.4",
        "Trust and Confidence",
        "The Deputy Commissioner advised that the aim is for all the additional PCSOs to be in post by the end of the financial year. The MPS would consider the feasibility of the Mayor's request for the recruitment of PCSOs to be accelerated and respond as quickly as possible, including with reasons if it is not possible (Action 3).",
    ),
    MinuteRecord(
        "2.5",
        "Trust and Confidence",
        "Michelle Thorpe provided an update on the Turnaround Plan. She advised that although it was being revised, the MPS was continuing with its implementation, as the new version would not be removing any initiatives. Following the public consultation, they would be strengthening:\n- content on delivery\n- commitment to plans and timelines\n- diversity and inclusion\n- relationship with Londoners",
    ),
    MinuteRecord(
        "2.6",
        "Trust and Confidence",
        "There was a discussion of how the MPS was resetting its relationship with Londoners how it was serving Londoners and how it stayed in touch with them. The MPS would share with MOPAC its plans for this (Action 4).",
    ),
    MinuteRecord(
        "2.7",
        "Trust and Confidence",
        "The Deputy Mayor said there needed to be a standard level of engagement across every area of London, with local innovation on top of that. She said that the MPS needed to be able to assess that the standard level was being implemented and that it was reaching the people they needed to reach.",
    ),
    MinuteRecord(
        "2.8",
        "Trust and Confidence",
        "MOPAC was also reviewing its own community engagement arrangements and was working with the MPS to ensure that there was an alignment of plans. It was agreed there should be joint governance to ensure the work was joined up. MOPAC also offered to support the MPS with its evaluation of its new neighbourhood policing offer.",
    ),
    MinuteRecord(
        "2.9",
        "Trust and Confidence",
        "There was a discussion of the MPS's response to 999 calls. The Deputy Commissioner acknowledged that there had been, for a number of years, a downward trend in response times. She advised that there had been minor progress as that trend had flattened, but they needed to improve this. To do so they needed to get the workforce and vehicles in the right place; reduce some of the demand; and improve supervision and supervisory ratios. DAC Boon added that response times and the links with tasking, was a priority for the Performance Delivery Board.",
    ),
    MinuteRecord(
        "2.10",
        "Trust and Confidence",
        "The Deputy Mayor noted that this sounded positive, commenting that timeliness of responding to calls was one of the significant drivers of trust and confidence in the police. The Commissioner agreed and said he was confident the steps they had taken would result in improvement in response times. There was a discussion on the feasibility of providing a projection for that improvement, with the Deputy Mayor keen to understand what was possible in this space in order to better assess performance. It was agreed that the MPS and MOPAC would discuss how best to consider performance in responding to 999 calls, noting the wider links with other areas (Action 5).",
    ),
    MinuteRecord(
        "2.11",
        "Trust and Confidence",
        "The Deputy Mayor enquired about the MPS's work to identify the areas where the Met were under resourced due to the 8,500 officers that were not fully deployable. She was advised that this was a big project but that the first stage of the work was completed. The MPS would provide an update on this work to the Finance, Change and People Oversight Board meeting on 30 June 2023 (Action 6).",
    ),
    MinuteRecord(
        "3.1",
        "2022-23 Q3 MPS Performance Oversight",
        "The Deputy Mayor noted that in Quarter 3, improvements had been seen in the detection rates for rape, sexual offences and knife crime. She asked if the MPS understood the drivers for this improvement. The Deputy Commissioner advised that in respect of improved rape sanction detections, they trialled extra resources and a different approach in the South BCU, which was now being rolled out across all of the BCUs. Additionally, the CPS had dedicated lawyers for this crime. AC Rolfe added that passionate leaders, who were focused and interventional, were also making an impact.",
    ),
    MinuteRecord(
        "3.2",
        "2022-23 Q3 MPS Performance Oversight",
        "It was noted that MOPAC's latest Public Attitude Survey revealed that LGBTQ+ respondents' confidence in the MPS was eight percentage points below the London average. This finding was also reflected in Dame Louise Casey's report. The MPS outlined recent initiatives to address this, including dedicated LGBT+ officers and hate crime training. There was a discussion of a strategic plan in respect of all protected characteristics and the need for there to be more effort in this area.",
    ),
)

ACTIONS = (
    ActionRecord(
        1,
        "MPS to update MOPAC on the outcome of the dip sample of cases across London assessing whether safeguarding risks, including any missing child safeguarding issue, were being picked up, once that work is completed.",
        "",
        "MPS",
        ("MPS",),
        theme=CHILD_SEXUAL_EXPLOITATION,
        minute="1.2",
    ),
    ActionRecord(
        2,
        "Before detailed conversations are held with boroughs, MPS to provide MOPAC with the detailed work behind the neighbourhood policing allocation and the impact it would have on wards, particularly where wards would no longer be regarded as a priority area.",
        "",
        "MPS",
        ("MPS",),
        theme=NEIGHBOURHOOD_POLICING,
        minute="2.3",
    ),
    ActionRecord(
        3,
        "MPS to consider the feasibility of the Mayor's request for the recruitment of PCSOs to be accelerated and respond as quickly as possible, including with reasons if it is not possible.",
        "",  # "respond as quickly as possible": no date given
        "MPS",
        ("MPS",),
        theme=NEIGHBOURHOOD_POLICING,
        minute="2.4",
    ),
    ActionRecord(
        4,
        "MPS to share with MOPAC its plans for resetting its relationship with Londoners: how it serves Londoners and how it stays in touch with them.",
        "",
        "MPS",
        ("MPS",),
        theme=TRUST_AND_CONFIDENCE,
        minute="2.6",
    ),
    ActionRecord(
        5,
        "MPS and MOPAC to discuss how best to consider performance in responding to 999 calls, noting the wider links with other areas.",
        "",
        "MPS and MOPAC",
        ("MPS", "MOPAC"),
        theme=CALL_HANDLING,
        minute="2.10",
    ),
    ActionRecord(
        6,
        "MPS to provide an update on its work to identify the areas where the Met is under-resourced because of the 8,500 officers who are not fully deployable, to the Finance, Change and People Oversight Board meeting on 30 June 2023.",
        "30 June 2023",
        "MPS",
        ("MPS",),
        forum=FINANCE_CHANGE_AND_PEOPLE,
        theme=WORKFORCE,
        minute="2.11",
    ),
    ActionRecord(
        7,
        "MPS and MOPAC to discuss how they align on what is needed for addressing the low trust and confidence that LGBTQ+ communities have in the MPS, and the next steps.",
        "",
        "MPS and MOPAC",
        ("MPS", "MOPAC"),
        theme=TRUST_AND_CONFIDENCE,
        minute="3.2",
    ),
)

SEED = Seed(
    source="seed 003: record of the 28 April 2023 Oversight Board",
    meetings=(
        MeetingRecord(
            PERFORMANCE_AND_RISK,
            datetime.date(2023, 2, 10),
            "minutes_agreed",
            recorded_on=MEETING_DATE,  # minute 1.1 agrees its minutes
        ),
        MeetingRecord(
            PERFORMANCE_AND_RISK,
            MEETING_DATE,
            "minutes_agreed",
            focus="Trust and confidence; 2022-23 Q3 MPS performance",
            attendees=ATTENDEES,
            minutes=MINUTES,
            actions=ACTIONS,
        ),
        MeetingRecord(
            FINANCE_CHANGE_AND_PEOPLE,
            datetime.date(2023, 6, 30),
            "scheduled",
            recorded_on=MEETING_DATE,  # named in minute 2.11 (Action 6)
        ),
    ),
)
