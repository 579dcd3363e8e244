"""Seed 001: the Mayor's letter of 3 May 2019 (MGLA190319-8293) to the Chairman of the Police
and Crime Committee, and the Committee's letter of 19 March 2019 it replies to.

The body is the seed's text, except that the running "MAYOR OF LONDON" page headers and the "*"
emphasis markup are dropped and the one paragraph split by a page break is joined. The seed's
salutation reads "Acw Steve," (a transcription of the handwritten "Dear Steve"). The seed does not
contain the Committee's letter: it is recorded with its date and subject as the reply gives them,
no reference and no body. The four recommendations it made are recorded as the reply puts them,
numbered 1 to 4 in the order the reply answers them ("Your second recommendation", "The fourth
recommendation"), each with the reply's answer word for word, dated 3 May 2019.
"""

# ruff: noqa: E501, RUF001 -- verbatim text, one paragraph a line, so it can be compared with the seed.

import datetime

from .common import POLICE_AND_CRIME_COMMITTEE
from .records import LetterRecord, RecommendationRecord, ReportRecord, Seed

COMMITTEE_LETTER_DATE = datetime.date(2019, 3, 19)  # "your letter of 19 March"
REPLY_DATE = datetime.date(2019, 5, 3)
REPLY_REFERENCE = "MGLA190319-8293"
SUBJECT = "Setting of local policing priorities and tackling neighbourhood crime"

MAYORS_REPLY_BODY = """\
Thank you for your letter of 19 March about the setting of local policing priorities and tackling neighbourhood crime. I apologise for the delay in replying to you. Volume crime has a significant impact on victims and the Metropolitan Police Service (MPS) and I take these offences very seriously.

In 2016 I inherited a system of neighbourhood policing that was not fit for purpose. The system was based around achieving arbitrary reduction targets for a series of priority crimes imposed on every Borough by my predecessor, regardless of whether they were the priorities for communities in those Boroughs or not. Furthermore, the pressure to hit those arbitrary targets took focus away from some of the most serious crimes against the most vulnerable people in our city. In their 2016 Review of Child Protection at the MPS, the HMICFRS concluded "that the undue focus on the MOPAC 7 crime types has led to a lack of priority being given to child protection matters".

Having consulted widely with Londoners, Boroughs and partners for my Police and Crime Plan, it was clear that change was needed. My approach is to empower local police and councils to identify and work together to solve the most significant crime problems in their area, whilst ensuring high-harm crimes – such as child sexual exploitation, violence and knife crime – are part of everyday business for local policing and that the most vulnerable Londoners are protected right across the city.

The reduction in police resources is an inescapable problem that is having an undisputable effect on the safety of Londoners. The Government has already forced the MPS to make £850m of cuts and, despite the recent police funding settlement, there remains a huge funding gap. Even with the recent increase in Council Tax the MPS must still make cuts of £263m by 2022/23. If these cuts were delivered through officer reductions, this is estimated to reduce the number of police officers from 31,000 to 28,215, a 15-year low. I share the Commissioner's belief that it is naïve to think that these cuts have no impact. Nationwide, Total Recorded Crime (excluding fraud) is up over 8 per cent, but at City Hall, we are doing all we can to compensate for the failure of ministers and we are stepping up to provide unprecedented additional funds to the MPS.

The process to choose borough priority crime types is taken with police leaders, elected officials and borough chief executives, and the Commissioner supports this local approach to volume crime. Your letter highlights the fact that when a crime type is chosen it tends to have a positive impact compared to the London average. We are only two years into this new approach and from the outset have regularly monitored the performance of boroughs in relation to their chosen priorities, as can be viewed on my Office for Policing And Crime's (MOPAC) data and statistics dashboards, which are published on the City Hall website at: www.london.gov.uk/what-we-do/mayors-office-policing-and-crime-mopac/data-and-statistics/mopac-performance-framework. As this approach progresses, the MPS continually evaluates which activities have the greatest impact in tackling local priority crime types and ensures that these methods can be shared effectively across London to reduce crime.

For example, in your own borough, burglary and non-domestic abuse violence with injury have been selected, in consultation with the local authority. While burglary has increased by 1.5 per cent in Croydon, this is a lower increase than the MPS average of 5.3 per cent. Non-DA Violence with Injury has decreased in Croydon by 7.7 per cent, a five-percentage point improvement on the MPS average. While the MPS and I would like to see all crimes reducing, I am encouraged that – as your letter sets out – the selection of local priorities appears to be making a difference.

The selection of a local priority crime type does not mean those not classed as priorities will receive a lesser police response than they would have had were there no prioritisation at all. The aim of this approach is to allow boroughs to utilise a problem-solving and partnership approach to focus on the crimes which impact their residents the most, not necessarily those crimes which show statistical increases. Although those crimes not chosen as priorities form a baseline with which to assess the performance of chosen crime types, the approach is about more than just chasing short-term statistical reductions and empowers boroughs to make their own decisions around how to tackle the issues that mean the most to their residents.

There is already significant oversight of how the MPS is delivering the priorities of my Police and Crime Plan. My Deputy Mayor for Policing and Crime and I also review the performance of the MPS by using a new evidence-based performance framework, and by holding quarterly Oversight Boards using these reports, which are also published and shared with your Committee.

Nationally, the conversation on police performance has been moving away from numerical targets for some years – the removal of Home Office targets in 2010 and the 2015 publication of Chief Superintendent Irene Curtis' Review of targets in policing being two notable milestones. Subsequently, a number of Police and Crime Commissioners (PCCs) have taken the decision to move away from specific numerical targets, in favour of a more sophisticated approach. We remain in contact with colleagues in other areas to share learning and best practice on priority setting and police performance.

Your letter requests an assessment of how wider changes, such as the introduction of the crime assessment policy, more telephone investigations and the increase in the volume and complexity of crime, may be impacting on the success of local priorities, and how this can be mitigated. The causal factors behind crime levels are complex and incredibly difficult to untangle. The Crime Assessment Policy was introduced to help officers to assess every allegation they receive and reach a decision on the best and most appropriate response. In recognition of the increase in telephone investigations the MPS are using City Hall funding to enhance the service provided to victims from within the Telephone Digital Investigation Unit (TDIU) to ensure higher levels of satisfaction. The Commissioner has also committed that every burglary victim who wishes to have a face-to-face visit will receive one.

The Crime Assessment Policy and TDIU are approaches which enable a more efficient assessment and triage system for crime reports. It is important to highlight again that MPS efficiency changes are a necessary response to the funding cuts enforced upon them by the Government. It is an operational decision for the MPS as to how they focus on local priorities, but as already mentioned, there is considerable oversight of the MPS' performance outcomes already, this will, of course, include discussion of the wider factors affecting recorded crime.

Your second recommendation calls for an assessment of falling victim satisfaction. I share your concerns about the falling levels of victim satisfaction, and I know that this is an issue which you have raised with the MPS and with Sophie Linden through your Committee. Alongside the Independent Victims' Commissioner, Claire Waxman, victim satisfaction levels are regularly monitored as part of the quarterly oversight board meeting. Claire recently made a number of recommendations in this area in her review of the Victims' Code of Practice. Ensuring victims of crime have a positive encounter with the police is key to improving satisfaction, which is why there is a significant amount of work underway to improve phone and digital reporting, as noted above. This must again be understood in the context of increasing demands on police resources and Government cuts, which have led to London losing 3,000 police officers, more than 3,000 PCSOs and 5,000 police staff.

Regarding the transparency of data, including sanction detections (SDs), I have indicated above the data and statistics published by MOPAC. Although we, in line with other PCCs, have moved away from using sanction detections to drive police performance, I agree that the current SD rate in London is too low for some crime types, and this is something that the Commissioner has also expressed concern about. The MPS is conducting several transformation programmes, such as the Strengthening Local Policing programme, that will change the way investigations are managed. The introduction of MI Investigation means all frontline police officers are being trained to be effective crime investigators. The MPS has also invested in upskilling all emergency response officers and reducing the number of times a crime is handed over from officer to officer, promoting ownership of the investigation and continuity of contact with the victim.

The MPS do publish sanction detection figures on their crime data dashboard, and they are included in MOPAC's quarterly performance reports. However, I believe that crime prevention – stopping crime from happening in the first place – must go hand in hand with detecting crimes.

The fourth recommendation asks for actions to improve the awareness and understanding of Londoners about the local priority approach. MOPAC already publishes the measures for each borough's chosen crime types, as well as the rationale and aims of the approach, which can be found here: www.london.gov.uk/sites/default/files/pcp_local_priorities_2018.19.pdf. Borough councils and police leaders choose their local priorities but are expected to engage and consult with residents who can feed into the process for deciding of these crime types.

Over the last year Sophie has led a programme of work to improve local police engagement and accountability, and to strengthen the relationship between London's communities and their police service. The team has consulted with thousands of Londoners to understand how we can ensure our communities are better informed about crime and safety in their area, understand how they can influence local priority setting, and promote opportunities for them to get involved in activities to reduce crime and improve safety where they live, study or work. This work is now being analysed and developed with key stakeholders. As Sophie discusses Local Priorities with Boroughs over the coming months, she will be covering issues of community engagement and will also be reviewing the ongoing impact and effectiveness of Local Priorities in these discussions, as planned.

I am doing everything I can to prevent crime, support victims, and keep Londoners safe, but the Government needs to reverse the £1bn savings forced on the MPS and reverse their cuts on youth services and other preventative services so that we can keep our city safe.

Thank you once again for writing to me on this issue."""


def _answer(first: str, last: str) -> str:
    """The reply's paragraphs from the one that starts `first` to the one that starts `last`."""
    paragraphs = MAYORS_REPLY_BODY.split("\n\n")
    start = next(n for n, text in enumerate(paragraphs) if text.startswith(first))
    end = next(n for n, text in enumerate(paragraphs) if text.startswith(last))
    return "\n\n".join(paragraphs[start : end + 1])


# The Committee's recommendations, as the Mayor's reply states them, each with his answer.
COMMITTEE_RECOMMENDATIONS = (
    RecommendationRecord(
        "1",
        "An assessment of how wider changes, such as the introduction of the crime assessment policy, more telephone investigations and the increase in the volume and complexity of crime, may be impacting on the success of local priorities, and how this can be mitigated.",
        "recommendation",
        owner="Mayor",
        response=_answer(
            "Your letter requests an assessment", "The Crime Assessment Policy and TDIU"
        ),
        response_letter=REPLY_REFERENCE,
    ),
    RecommendationRecord(
        "2",
        "An assessment of falling victim satisfaction.",
        "recommendation",
        owner="Mayor",
        response=_answer("Your second recommendation", "Your second recommendation"),
        response_letter=REPLY_REFERENCE,
    ),
    RecommendationRecord(
        "3",
        "The transparency of data, including sanction detections (SDs).",
        "recommendation",
        owner="Mayor",
        response=_answer("Regarding the transparency of data", "The MPS do publish sanction"),
        response_letter=REPLY_REFERENCE,
    ),
    RecommendationRecord(
        "4",
        "Actions to improve the awareness and understanding of Londoners about the local priority approach.",
        "recommendation",
        owner="Mayor",
        response=_answer("The fourth recommendation", "Over the last year Sophie"),
        response_letter=REPLY_REFERENCE,
    ),
)

COMMITTEE_LETTER = LetterRecord(
    reference="",  # the reply gives only its date
    date=COMMITTEE_LETTER_DATE,
    direction="in",
    sender="Steve O'Connell AM, Chairman of the Police and Crime Committee",
    sender_organisation=POLICE_AND_CRIME_COMMITTEE,
    recipient="Sadiq Khan, Mayor of London",
    recipient_organisation="Mayor",
    subject=SUBJECT,
    body="",
    signatory="Steve O'Connell AM",
    signatory_title="Chairman of the Police and Crime Committee",
    published_on=COMMITTEE_LETTER_DATE,
    sending_body="London Assembly Police and Crime Committee",
)

SEED = Seed(
    source="seed 001: Mayor's letter of 3 May 2019",
    letters=(
        COMMITTEE_LETTER,
        LetterRecord(
            reference=REPLY_REFERENCE,
            date=REPLY_DATE,
            direction="out",
            sender="Sadiq Khan, Mayor of London",
            sender_organisation="Mayor",
            recipient="Steve O'Connell AM, Chairman of the Police and Crime Committee",
            recipient_organisation=POLICE_AND_CRIME_COMMITTEE,
            addressee_block=(
                "Steve O'Connell AM\n"
                "Chairman of the Police and Crime Committee\n"
                "City Hall\n"
                "The Queen's Walk\n"
                "London SE1 2AA"
            ),
            salutation="Dear Steve,",
            subject=SUBJECT,
            body=MAYORS_REPLY_BODY,
            signatory="Sadiq Khan",
            signatory_title="Mayor of London",
            in_reply_to=COMMITTEE_LETTER.key,
            published_on=REPLY_DATE,
            sending_body="Mayor of London",
        ),
    ),
    reports=(
        ReportRecord(
            f"Police and Crime Committee letter of 19 March 2019: {SUBJECT.lower()}",
            POLICE_AND_CRIME_COMMITTEE,
            "committee",
            COMMITTEE_LETTER_DATE,
            recommendations=COMMITTEE_RECOMMENDATIONS,
        ),
    ),
)
