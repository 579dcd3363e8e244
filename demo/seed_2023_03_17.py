"""Seed 004: the Police and Crime Committee's letter of 17 March 2023 to the Commissioner on the
draft MPS Turnaround Plan 2023-2025 (Appendix 1 of Assembly decision MDA 1486), and the
recommendations it makes.

The letter has no reference of its own, and is recorded with none. The body is the appendix
letter's text with the paragraphs split by page breaks joined, the "**" bold markup dropped and the
footnotes gathered at the end. Each sentence in which the Committee asks something of the Met is a
recommendation (see ASKS), unnumbered as in the letter.
"""

# ruff: noqa: E501, RUF001 -- verbatim text, one paragraph a line, so it can be compared with the seed.

import datetime

from .common import POLICE_AND_CRIME_COMMITTEE
from .markdown import seed_letter_markdown
from .records import (
    LetterRecord,
    MeetingRecord,
    RecommendationRecord,
    ReportRecord,
    Seed,
)

LETTER_DATE = datetime.date(2023, 3, 17)
COMMITTEE_MEETING = datetime.date(2023, 2, 22)  # where the Committee delegated its response

# Every sentence in which the Committee asks something of the Met for the final Plan, in the
# order of the letter and word for word: the sentences it prints in bold, whole (the bold text
# may start mid-sentence), and those it does not. The letter does not number them. Two sentences
# go together where the second only goes on with the first ("This should ...").
ASKS = (
    "While the Committee welcomes this commitment, it believes further detail on timescales and how the Met will report on these measures of success is needed to allow for effective monitoring and scrutiny of the Met's reform.",
    "However, further information on how the Met will increase collaboration with partners, including youth services, mental health and communities, to achieve this is needed in the final Plan.",
    "The Committee recommends that the Met will need to establish new partnerships and strengthen work with MOPAC to speed up vetting in order to ensure it has the expertise it needs to meet the threats of the future.",
    "We would like to see a specific commitment and further information in the final Turnaround Plan on how the Met will work collaboratively with key partners and London's communities to prepare for, and prevent, terrorism, including online.",
    "The Committee seeks reassurance that in order to meet recruitment targets, the Met does not lower its recruitment standards.",
    "The Committee would welcome further information in the final Turnaround Plan on the Met's plans to strengthen neighbourhood policing resources, the deployment of officers and how it will manage abstractions.",
    "The Committee would also like to see further detail in the final Turnaround Plan that outlines what the Met will be doing differently to identify and resolve neighbourhood priorities and the action it will take to strengthen the way the Met works with neighbourhoods and communities to tackle crime together.",
    "The final Turnaround Plan should include a specific commitment to increase community engagement across the capital to provide Londoners with more opportunities to work with the Met to help solve the problems that matter to them.",
    'The Committee recommends that the final Plan includes further detail on how you plan to go about building "strong and trusted partnerships to fix local problems" and how this will differ from the structures currently in place.',
    "Alongside this, the final Plan should include consideration of how the Met will measure and demonstrate improvement in respect of community engagement.",
    "To assure Londoners, specific detail on how the Met will achieve this is needed in the final Turnaround Plan.",
    "We hope that the Met will use the final Turnaround Plan as an opportunity to help support and strengthen the role of SNBs.",
    'We would welcome further information on how SNBs fit into the Met\'s outcome for "Better, more visible relationships with communities who tell us that out partnerships are solving problems that matter".',
    "We therefore urge you to progress the work you are doing with the College of Policing and national leads as swiftly as possible to ensure the Met is well equipped with specialist expertise to better protect victims and bring more perpetrators to justice.",
    "The Committee would welcome further information in the final Turnaround Plan on how the Met will work with women and girls in London, including those from Black and ethnic minority communities, to reduce VAWG and rebuild trust and confidence in the police.",
    "The Committee believes the final Turnaround Plan should be much more explicit about the action the Met will take to work with partners and communities to better protect all Londoners.",
    "However, the Committee believes the final Turnaround Plan would benefit from further information on the action the Met will take to demonstrate to Londoners how these promises will deliver less crime and provide a better service to victims.",
    "We recommend that children in these cases must be seen first and foremost as victims.",
    "While the draft Turnaround Plan mentions missing people, we believe that it should also explicitly acknowledge how the Met is working with partners to ensure all officers are fully trained to be able to recognise risk factors for missing children and are able to deliver an effective safeguarding response to children at-risk.",
    "In addition, the Committee would like to see more detailed information in the final Turnaround Plan on how the Met will work in partnership with London's health services to better support people it comes into contact with poor mental health.",
    "However, the Committee believes that more detail should be provided in the final Plan that sets out how, and when, the Met will deliver these key interventions.",
    "In addition, recognising the increasing demand for skilled officers across the Met, the Committee would welcome further information on how the Met will enhance officer capability and capacity in this area, balancing this with competing demands from other business areas.",
    "The Committee would welcome further information on the specific steps the Met is taking to ensure this programme of work remains on track.",
    "The Committee believes that providing further information on how the Met is jointly working with MOPAC and London's Victims' Commissioner to develop the Met's approach to victim care, as stated in the draft Turnaround Plan, would help Londoners better understand how the Met is improving its service to victims moving forward.",
    "The Committee asks that the Met ensures the final Turnaround Plan provides sufficient focus on online crimes, including fraud.",
    "In addition, as recommended in the Committee's response to the Mayor's draft Police and Crime Plan, we recommend that the final Turnaround Plan includes a commitment to work with the NCA to improve reporting and the provision of support to victims of fraud in London. This should make specific references to efforts to tackle cybercrime and improve Londoners' awareness of this type of crime.",
    "The Committee would also like to see support in the final Turnaround Plan for innovative tactics like the taking down of iSpoof.",
    "The Committee believes that the final Turnaround Plan must take account of Baroness Casey's findings and clearly set out where action will be taken to address these findings.",
    "We also urge you to ensure the Met removes corrupt officers at pace and takes every opportunity to tell Londoners about this work.",
    "We are disappointed that the draft Turnaround Plan does not mention the work the Met is doing to reach out to London's communities, including Black and LGBTQ+ communities, and would recommend the final Turnaround Plan outlines the specific steps the Met will take to ensure its people reflect London's communities.",
    "We look forward to receiving further information on how this new role is working to support stronger decision-making, the targeting of resources where they can have the most effect, managing workloads, preventing and solving crime and measuring success and performance improvement.",
    "The Committee asks that the Met ensures the Board is open and transparent and publishes regular updates on its work.",
)

RECOMMENDATIONS = tuple(RecommendationRecord("", text, "recommendation") for text in ASKS)

FOOTNOTES = """\
¹ MPS Turnaround Plan 2023-2025 (met.police.uk)
² MPS Turnaround Plan 2023-2025 (met.police.uk)
³ Police and Crime Committee, 30 November 2022 and 11 January 2023
⁴ Police and Crime Committee, 11 January 2023 – transcript
⁵ MPS Turnaround Plan 2023-2025 (met.police.uk)
⁶ Police and Crime Committee, 12 October 2022 – transcript
⁷ Police and Crime Committee, 12 October 2022 – transcript
⁸ Police and Crime Committee, 12 October 2022 – transcript
⁹ MPS Turnaround Plan 2023-2025 (met.police.uk)
¹⁰ Police and Crime Committee, 12 October 2022 – transcript
¹¹ MPS Turnaround Plan 2023-2025 (met.police.uk)
¹² Police and Crime Committee, 25 January 2023 – transcript
¹³ MPS Turnaround Plan 2023-2025 (met.police.uk)
¹⁴ Police and Crime Committee, 12 October 2022 – transcript
¹⁵ Police and Crime Committee, Violence against women and girls, March 2022
¹⁶ Police and Crime Committee, 25 January 2023 – transcript
¹⁷ HMICFRS, PEEL 2021/22: Police effectiveness, efficiency and legitimacy – An inspection of the Metropolitan Police Service, September 2022
¹⁸ Police and Crime Committee, 12 October 2022 – transcript
¹⁹ MPS Turnaround Plan 2023-2025 (met.police.uk)
²⁰ Police and Crime Committee, 22 February 2023 – transcript
²¹ MPS Turnaround Plan 2023-2025 (met.police.uk)
²² MPS Turnaround Plan 2023-2025 (met.police.uk)
²³ Police and Crime Committee, 12 October 2022 – transcript
²⁴ MPS Turnaround Plan 2023-2025 (met.police.uk)
²⁵ Police and Crime Committee, Response to the Mayor's draft Police and Crime Plan, February 2022
²⁶ Mayor of London, Police and Crime Plan 2021-25
²⁷ Police and Crime Committee, Response to the Mayor's draft Police and Crime Plan
²⁸ Evening Standard, No justice for fraud victims who receive poor service from police, says watchdog, 5 August 2021
²⁹ The Times, Action Fraud scrapped after Times expose, 28 July 2021
³⁰ Police and Crime Committee, Police Conduct and Complaints, December 2022
³¹ Police and Crime Committee, 25 January 2023 – transcript
³² Police and Crime Committee, 25 January 2023 – transcript
³³ MPS Turnaround Plan 2023-2025 (met.police.uk)
³⁴ Police and Crime Committee, 22 February 2023 – transcript
³⁵ Sir Mark Rowley, Letter to Chairman of PCC, 13 September 2022
³⁶ Police and Crime Committee, 25 January 2023 – transcript"""

LETTER_TEXT = """\
I am writing to you on behalf of the Police and Crime Committee following the publication of the Met's draft Turnaround Plan. The Committee welcomes the draft Plan and the opportunity to provide feedback on its proposals to deliver your mission of "More Trust, Less Crime and High Standards".

I would like to take this opportunity to thank you for your engagement with the Police and Crime Committee, and keeping Assembly Members informed of key developments, since taking up your position last September. The Committee has welcomed your determination and the action you have taken to begin to address the urgent change needed across the Met. I would also like to acknowledge and thank the vast number of highly skilled and hardworking officers and staff in the Met that are dedicated to keeping Londoners safe.

Delivering the mission

The Committee is pleased to see that the draft Turnaround Plan acknowledges the importance of performance delivery and that the Met has "developed a robust new performance framework to measure how successful [it is] at delivering More Trust, Less Crime and High Standards". You have made a bold commitment to reform the Met and give Londoners confidence in their police service. You have also said that the Turnaround Plan sets out how you will do this. While the Committee welcomes this commitment, it believes further detail on timescales and how the Met will report on these measures of success is needed to allow for effective monitoring and scrutiny of the Met's reform.

Core policing activities

The Met's plan to "rebalance [its] activity, to give more emphasis to [its] proactive capabilities to prevent more crime" is welcomed by the Committee. The draft Plan states that demand for public protection and safeguarding, including mental health, is "increasing sharply". The Committee has previously heard that officers can spend entire shifts at A&E while waiting for the right care for those in mental health crisis. The Committee is concerned that these officers cannot serve local communities while sitting in a hospital waiting room and that many of the commitments in the Turnaround Plan will be hard to achieve until this issue is resolved. The Committee welcomes the Met's commitment to "Strive for those in mental health crisis to receive the right care from the right service by working with the NHS and other partners". However, further information on how the Met will increase collaboration with partners, including youth services, mental health and communities, to achieve this is needed in the final Plan.

As I am sure you are aware, the Committee has been investigating counter-terrorism and radicalisation in London. In November 2022,³ we heard from Lord Harris following his review of London's preparedness to respond to a terrorist incident and were pleased to see that progress has been made by MOPAC and the Met to implement the review's recommendations. We were also encouraged to hear how the Counter Terrorism Operations Centre will further enhance London and the UK's counter-terror operation.

During our investigation, we heard that the Met faces significant challenges in recruiting and retaining digital specialists into counter-terror policing. The Committee recommends that the Met will need to establish new partnerships and strengthen work with MOPAC to speed up vetting in order to ensure it has the expertise it needs to meet the threats of the future. We would like to see a specific commitment and further information in the final Turnaround Plan on how the Met will work collaboratively with key partners and London's communities to prepare for, and prevent, terrorism, including online.

Neighbourhood policing

The draft Turnaround Plan states that the Met "will have the strongest ever neighbourhood policing". The Committee welcomes the commitments and key interventions set out in the draft Plan in order to achieve the proposed outcomes.

At the Committee's meeting in October 2022, you highlighted the need for "precise community crime fighting" and for police and communities to be "tackling crime together". You said "That is how we succeed. Policing should not be imposed. It should be done jointly, and we have not always got that tone right". You also said that you were "trying to capture that spirit of [Sir Robert] Peel that policing is best done when we are fighting crime alongside communities. It is not about imposing solutions, it is about how we work with people, whether that is about violence in communities or whether that is about violence against women and girls. Its heart is community and neighbourhood policing. Our neighbourhood policing model is not as strong as it was ten years ago and there are lots of reasons for that, many of them good, some of them less good". The Committee agrees and very much welcomes your commitment in the draft Turnaround Plan to "overhaul the current neighbourhood policing model [...] investing in more local officers and additional PCSOs to create stronger, more capable teams".

At the meeting in October 2022, you also told Members that your "ambition is that we have the biggest force we ever had". The Committee seeks reassurance that in order to meet recruitment targets, the Met does not lower its recruitment standards.

You also told the Committee in October 2022 that you "would like [the Met] to get back to the strongest neighbourhood policing that [it has] ever had. Those local police officers and Police Community Support Officers (PCSOs) who really know the patch and know communities are critical to how we operate in the future. It is not the only part of community crimefighting because everyone should be looking to work with communities, but that is absolutely essential. That goes to the number of resources and it goes to how they are deployed. It goes to making sure that abstractions are not too high, which is not the case at the moment". ¹⁰ The Committee would welcome further information in the final Turnaround Plan on the Met's plans to strengthen neighbourhood policing resources, the deployment of officers and how it will manage abstractions.

The Committee would also like to see further detail in the final Turnaround Plan that outlines what the Met will be doing differently to identify and resolve neighbourhood priorities and the action it will take to strengthen the way the Met works with neighbourhoods and communities to tackle crime together. The final Turnaround Plan should include a specific commitment to increase community engagement across the capital to provide Londoners with more opportunities to work with the Met to help solve the problems that matter to them.

The Committee recommends that the final Plan includes further detail on how you plan to go about building "strong and trusted partnerships to fix local problems" and how this will differ from the structures currently in place. Alongside this, the final Plan should include consideration of how the Met will measure and demonstrate improvement in respect of community engagement.

You have also told the Committee that the Met is "looking at the role of PCSOs and police officers in neighbourhoods, the work they do, how they have the most impact on crime and how to improve engagement. We are looking at new technologies to get a better, more granular understanding of different communities' concerns. Alongside that, we are going to be looking at how the rest of the MPS connects into community policing and connects into neighbourhoods to support their activity". ¹² To assure Londoners, specific detail on how the Met will achieve this is needed in the final Turnaround Plan.

Safer Neighbourhood Boards (SNBs) are a key example of local partnership working to improve policing and crime outcomes for Londoners. However, we are concerned that they are not mentioned in the draft Turnaround Plan. The Committee is supportive of work to ensure SNBs are fit for purpose and that they, and wider community engagement structures, fully represent the voice of all Londoners. We hope that the Met will use the final Turnaround Plan as an opportunity to help support and strengthen the role of SNBs. We would welcome further information on how SNBs fit into the Met's outcome for "Better, more visible relationships with communities who tell us that out partnerships are solving problems that matter".13

Public protection and safeguarding

The Committee welcomes the Met's commitment to prioritise improvements in public protection and safeguarding and recognises the pressures on police resource and the impact that this has on performance in this area. When we met with you in October 2022, you spoke about the challenges in relation to experience and new recruits going into this area. As you said, this "is not a problem if the ratios are right". We therefore urge you to progress the work you are doing with the College of Policing and national leads as swiftly as possible to ensure the Met is well equipped with specialist expertise to better protect victims and bring more perpetrators to justice.

The issue of violence against women and girls (VAWG) has attracted national attention over recent years, following the murders of Sarah Everard, Nicole Smallman, Bibaa Henry and Sabina Nessa, and many other women in the capital. In 2021, the Committee launched an investigation in response to the renewed focus on VAWG following a number of high-profile murders of women and the increase in reports of domestic abuse, sexual violence and rape. We examined the detail behind the rise in reports of VAWG, support for victims, and the way in which partner organisations are working to prevent it. We also explored what more is needed from the Mayor, the Met and other criminal justice partners to effectively tackle VAWG.¹⁵

The Committee also considered the work taking place to rebuild trust in the police and spoke to organisations working with victims and survivors to understand what more could be done to improve the way VAWG is tackled and how victims can be better supported. The Committee recommended that the Met must listen to and learn from the conversation now taking place on VAWG and that it should actively seek and respond to feedback from partners and communities on its VAWG action plan, particularly Black and minority ethnic women and organisations, to ensure it implements what London's women and girls want to see from their police. The Committee would welcome further information in the final Turnaround Plan on how the Met will work with women and girls in London, including those from Black and ethnic minority communities, to reduce VAWG and rebuild trust and confidence in the police.

The key interventions in the draft Turnaround Plan to strengthen work in public protection and safeguarding, including the victims of rape and serious sexual violence, child safeguarding and those in mental health crisis are welcome.

When we met with you in January 2023, you told the Committee that the Met was putting more resources into the public protection environment and was trying to strengthen that area as it was overstretched. You also highlighted that the Met has been proactive in working with women across London to identify and patrol vulnerable locations, has made "very powerful" arrests and is making a lot of progress on these cases, including an increase in detection rates. However, you also mentioned that "there is so much more to do". 16

The Committee believes the final Turnaround Plan should be much more explicit about the action the Met will take to work with partners and communities to better protect all Londoners.

In its 2021-22 PEEL Inspection, HMICFRS found that the Met's public protection teams had the least experienced staff of all in the Met. It stated that the Met "appears to see public protection as a role anyone can perform, and one everyone should gain experience of early in their investigative career [...]. Roles in public protection aren't valued for their high level of risk management or for the nuances of dealing with the most vulnerable victims. Experienced staff are generally quick to leave them. And public protection leaders are powerless to stop them leaving, despite the overwhelming demand they face".¹⁷

The Committee spoke to you about the recruitment challenges in public protection at its meeting in October 2022. We were pleased to hear you say that many staff in public protection stay there a long time. However, the Met currently has a lot of new officers in public protection as part of recruitment and detective training. You said: "The challenge at the moment is that sort of fluidity created by this big surge in recruitment". The draft Turnaround Plan rightly says that the Met "will seek to ensure our resources and skills best meet the demand and complexity of public protection investigations [...] increase the specialist expertise available to our officers [and] use the most modern data science techniques to catch the perpetrators of these crime and better protect victims and target our efforts more effectively". However, the Committee believes the final Turnaround Plan would benefit from further information on the action the Met will take to demonstrate to Londoners how these promises will deliver less crime and provide a better service to victims.

Over the past few months, the Committee has been exploring the issue of missing children in London. During our investigation we have found that the number of children missing is probably much higher than those reported to the police. In addition, the Committee recognises that some missing children are exploited into criminal activity. We recommend that children in these cases must be seen first and foremost as victims. While the draft Turnaround Plan mentions missing people, we believe that it should also explicitly acknowledge how the Met is working with partners to ensure all officers are fully trained to be able to recognise risk factors for missing children and are able to deliver an effective safeguarding response to children at-risk.

The Committee has had a long-standing interest in the work the Met is doing to support people with poor mental health. At the Committee's meeting in February 2023, the Deputy Commissioner told us that Humberside Police has managed to reduce the demand mental health is placing on its service, while ensuring the right level of support from health services. Dame Lynne said that she is meeting with health representatives in London and is looking to implement a London version of the Humberside model. While recognising the structures in London make this more complicated, the Committee welcomes this work and will watch with interest. In addition, the Committee would like to see more detailed information in the final Turnaround Plan on how the Met will work in partnership with London's health services to better support people it comes into contact with poor mental health.

Effective service to victims and other members of the public

It is right that the draft Turnaround Plan prioritises a "more victim-centred approach"²¹ and the Committee welcomes the work already underway to better serve victims of crime in London. However, the Committee believes that more detail should be provided in the final Plan that sets out how, and when, the Met will deliver these key interventions. In addition, recognising the increasing demand for skilled officers across the Met, the Committee would welcome further information on how the Met will enhance officer capability and capacity in this area, balancing this with competing demands from other business areas.

The Committee has repeatedly raised concern with the Met's IT systems over a number of years. It is pleased to see that the draft Turnaround Plan refers to the launch of CONNECT – "the modernisation of multiple legacy IT systems – which will improve how investigations and cases are progressed and, will improve crime recording". The Plan also commits to "quickly increasing call-handling capacity and response through the Met Command and Control Improvement Programme". ²² In October 2022, you told the Committee that the Met's Command and Control Improvement Programme has slipped "a few times" and is now due to "come to fruition in 2024".

The Committee would welcome further information on the specific steps the Met is taking to ensure this programme of work remains on track.

Victim satisfaction has been declining over recent years, despite the Met's efforts to improve support provided to victims. At the Committee's meeting in October 2022, you spoke about the importance of prompt Met attendance, response times, providing people with the right information and follow-up. You added that you "like the idea of us finding a way to jointly bring together the police responsibilities in victim care and the Victims' Commissioner, MOPAC, third sector organisations and others. Finding a way to scale that up and join that up would be really powerful.". The Committee believes that providing further information on how the Met is jointly working with MOPAC and London's Victims' Commissioner to develop the Met's approach to victim care, as stated in the draft Turnaround Plan, would help Londoners better understand how the Met is improving its service to victims moving forward. In turn, the Committee trusts this will also have a positive impact on levels of trust and confidence in the Met across London's communities.

Reducing crime

The Committee has recently explored the issue of online crime and fraud. It is pleased to see an outcome in the draft Turnaround Plan for "new capabilities that reduce online crime and fraud". As mentioned in its response to the Mayor's draft Police and Crime Plan 2022-25, the Committee was encouraged to see commitments in the Mayor's draft Plan to "continue to target those engaged in fraud, cyber-related fraud and criminal finance" and to strengthen the response to crime on the "dark web". However, we did not believe that the draft Plan went far enough in tackling this issue. Just a few months prior to the Mayor's draft Plan's publication, HMICFRS found that many fraud victims still receive a "poor service" from police services across the country. We are acutely aware that, in parallel, Action Fraud will be replaced with "an improved national fraud and cybercrime reporting system", which is welcome, but it is not clear when this will happen or how it will improve outcomes for fraud victims. Whilst we accept that the new system will be owned and operated within the National Crime Agency (NCA), we have recommended that there is an urgent need to work closely with the NCA in both the creation and ongoing development of the new arrangements.

The Committee asks that the Met ensures the final Turnaround Plan provides sufficient focus on online crimes, including fraud. In addition, as recommended in the Committee's response to the Mayor's draft Police and Crime Plan, we recommend that the final Turnaround Plan includes a commitment to work with the NCA to improve reporting and the provision of support to victims of fraud in London. This should make specific references to efforts to tackle cybercrime and improve Londoners' awareness of this type of crime. The Committee would also like to see support in the final Turnaround Plan for innovative tactics like the taking down of iSpoof.

Raising standards

The Met has been beset by a series of scandals. Too many of these scandals involve unacceptable behaviour committed by serving Met officers. Londoners will be distressed that this behaviour has been allowed to continue, as will the thousands of dedicated officers in the Met. The Committee welcomes the work that Baroness Casey has done to review the culture and standards in the Met and acknowledges that the final report will no doubt impact plans and commitments in this space.

The Committee believes that the final Turnaround Plan must take account of Baroness Casey's findings and clearly set out where action will be taken to address these findings.

In 2022, the Committee examined the role of the police conduct and complaints system. Our investigation focussed primarily on the role of the Independent Office for Police Conduct (IOPC), which has a duty to secure and maintain public confidence in the police complaints system. The minimum that the public expects is that complaints and allegations of misconduct against police officers are thoroughly and independently investigated, and that action is taken to remove any officer found guilty of serious wrongdoing. However, we found that this is too often not the case. During our investigation we encountered a system of lengthy investigations causing real pain for victims, complainants and officers.³⁰

At the Committee's meeting in January 2023, in response to the charging of David Carrick, you told us that the Met has "not applied the same sense of ruthlessness to guarding our own integrity that we routinely apply to confronting criminals and I am deeply sorry for that". You said that the Met had "failed as investigators" and "should have been more intrusive and joined the dots over his repeated misogyny over decades. As leaders, our mindset should have been more determined to spot and root out such a misogynist".³¹

In response to these failings, you told us that the Met has significantly increased resources in its Department of Professional Standards, established an Anti-corruption and Abuse Command and launched the first ever public appeal line through the Crimestoppers Police Integrity Hotline. ³² The Committee welcomes the action you have already taken and the focus in the draft Turnaround Plan on rooting out corrupt officers. We support you in your efforts to better the equip the Met to deal with misconduct fairly and promptly. We also urge you to ensure the Met removes corrupt officers at pace and takes every opportunity to tell Londoners about this work.

The Committee welcomes the commitment in the draft Turnaround Plan for a "more diverse Met recruiting people with the right value's which reflect London's communities". 33 We were pleased to hear from the Deputy Commissioner in February 2023 that recruitment levels for women are "relatively good" and they are "very slowly improving for BAME heritage people". However, Dame Lynne also told us that it is harder for the Met to demonstrate how it is doing in recruiting more officers from London's LGBTQ+ communities. 34 We are disappointed that the draft Turnaround Plan does not mention the work the Met is doing to reach out to London's communities, including Black and LGBTQ+ communities, and would recommend the final Turnaround Plan outlines the specific steps the Met will take to ensure its people reflect London's communities.

Data driven and evidence based delivery

Since your appointment, you have often mentioned the need for the Met to be "driven by data and facts" and how it will "use world-class data and analysis assisted by best practice from around the world to help us make the best use of public money and develop new ways of working that benefits the public and our officers the most". 35

The Committee welcomes the appointment of the Met's first Chief Scientific Officer, Professor Laurence Sherman, to better support the work of the Met. We look forward to receiving further information on how this new role is working to support stronger decision-making, the targeting of resources where they can have the most effect, managing workloads, preventing and solving crime and measuring success and performance improvement.

In January 2023, you told the Committee how the Turnaround Board is helping the Met improve the quality of the draft Turnaround Plan – through criticism and challenge.³⁶ We are pleased that London's communities are represented on the Board, alongside key partners, such as HMICFRS, London boroughs, MOPAC and the College of Policing. The Committee asks that the Met ensures the Board is open and transparent and publishes regular updates on its work.

The Committee acknowledges the challenges outlined in the draft Turnaround Plan and that there will be more challenges to come. Reform is needed across the Met. We welcome this draft Turnaround Plan as a first step towards delivering the change Met urgently needs.

The Committee trusts the information in this letter is helpful. Please do let Janette Roker, janette.roker@london.gov.uk, know if you would like to discuss in more detail. We look forward to seeing the final version of the plan in April 2023 with further detail on the outcomes the Met is seeking to achieve."""

SEED = Seed(
    source="seed 004: Police and Crime Committee response to the Turnaround Plan (MDA 1486)",
    meetings=(
        MeetingRecord(
            POLICE_AND_CRIME_COMMITTEE,
            COMMITTEE_MEETING,
            "held",
            focus="MPS Turnaround Plan 2023-2025: response delegated to the Chairman",
            recorded_on=LETTER_DATE,  # known from the decision form (MDA 1486) of 17 March 2023
        ),
    ),
    letters=(
        LetterRecord(
            reference="",  # the letter prints none
            date=LETTER_DATE,
            direction="in",
            sender="Susan Hall AM, Chairman of the Police and Crime Committee",
            sender_organisation=POLICE_AND_CRIME_COMMITTEE,
            recipient="Sir Mark Rowley, Commissioner of Police of the Metropolis",
            recipient_organisation="MPS",
            addressee_block=(
                "Sir Mark Rowley\nCommissioner of Police of the Metropolis\n(Sent by email)"
            ),
            salutation="Dear Sir Mark,",
            cc="Sophie Linden, Deputy Mayor for Policing and Crime; Diana Luchford, CEO, MOPAC",
            subject="Police and Crime Committee Response to the Metropolitan Police draft Turnaround Plan",
            body=seed_letter_markdown(
                LETTER_TEXT, FOOTNOTES, bold=tuple(r.text for r in RECOMMENDATIONS)
            ),
            signatory="Susan Hall AM",
            signatory_title="Chairman of the Police and Crime Committee",
            meeting=(POLICE_AND_CRIME_COMMITTEE, COMMITTEE_MEETING),
            published_on=LETTER_DATE,
            sending_body="London Assembly Police and Crime Committee",
        ),
    ),
    reports=(
        ReportRecord(
            "Police and Crime Committee response to the MPS Turnaround Plan 2023-2025",
            POLICE_AND_CRIME_COMMITTEE,
            "committee",
            LETTER_DATE,
            recommendations=RECOMMENDATIONS,
        ),
    ),
)
