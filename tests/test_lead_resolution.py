"""Lead as written, owner resolved (accounts/posts.py): each source of an owner, the directory of
posts and what it learns, and the same resolution through the paste, the several-rows form, the
import and the API."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import Post, Role
from accounts.posts import Directory, Entry, OwnerSource, resolve_lead
from actions.models import Action
from spreadsheets.importer import guess_mapping
from spreadsheets.services import check_import

from .factories import BoardFactory, MeetingFactory, OrganisationFactory, UserFactory
from .test_api import api_client

pytestmark = pytest.mark.usefixtures("fast_passwords")

MEETING_DATE = datetime.date(2022, 6, 24)

# Seed 002's Annex A (Performance and Risk Oversight Board, 24 June 2022), its fifteen rows with
# the posts its own actions name in the Lead column, as real annexes write them.
SEED_002_LEADS = {
    1: "AC Professionalism",
    2: "Chief of Corporate Services",
    3: "AC Frontline Policing",
    4: "AC Frontline Policing",
    5: "AC Frontline Policing",
    6: "AC Frontline Policing",
    7: "AC Frontline Policing",
    8: "Acting Commissioner",
    9: "AC Professionalism",
    10: "AC Frontline Policing",
    11: "AC Professionalism",
    12: "MPS and MOPAC",
    13: "AC Frontline Policing",
    14: "Director of Professionalism",
    15: "MOPAC Chief Executive",
}
SEED_002_TIMINGS = {
    1: "October 2022",
    2: "August 2022",
    3: "August 2022",
    4: "October 2022",
    5: "",
    6: "August 2022",
    7: "August 2022",
    8: "August 2022",
    9: "August/Sept 2022",
    10: "August 2022",
    11: "December 2022",
    12: "",
    13: "August 2022",
    14: "Completed",
    15: "",
}
SEED_002_ANNEX = "No.\tAction\tTiming\tLead\n" + "".join(
    f"{n}\tAction {n} of the Annex A of 20 July 2022.\t{SEED_002_TIMINGS[n]}\t{lead}\n"
    for n, lead in SEED_002_LEADS.items()
)


# -- the resolution on its own ----------------------------------------------------------------

ORGS = {"MPS": "MPS", "Metropolitan Police Service": "MPS", "MOPAC": "MOPAC"}
DIRECTORY = Directory(
    ORGS,
    {
        "ac frontline policing": Entry("AC Frontline Policing", "MPS", holder="matt"),
        "ac professionalism": Entry("AC Professionalism", "MPS", holder="barbara"),
        "chief operating officer": Entry("Chief Operating Officer", "MOPAC"),
    },
)


def resolve(lead, **options):
    options.setdefault("usual_owner", "MPS")
    return resolve_lead(lead, directory=DIRECTORY, **options)


def test_an_owner_column_wins_and_the_lead_still_gives_the_account():
    found = resolve("AC Frontline Policing", owner_text="MOPAC")
    assert (found.owners, found.source, found.lead_user) == (
        ["MOPAC"],
        OwnerSource.OWNER_COLUMN,
        "matt",
    )


def test_an_owner_column_naming_an_unknown_organisation_is_an_error():
    assert resolve("AC Frontline Policing", owner_text="NCA").errors == [
        "Unknown organisation 'NCA' in the Owner column."
    ]


@pytest.mark.parametrize(
    ("lead", "owners"),
    [
        ("MPS and MOPAC", ["MPS", "MOPAC"]),
        ("MOPAC Chief Executive", ["MOPAC"]),
        ("Metropolitan Police Service Director of Media", ["MPS"]),
        ("mps", ["MPS"]),
    ],
)
def test_organisations_named_in_the_lead_own_it(lead, owners):
    found = resolve(lead)
    assert (found.owners, found.source) == (owners, OwnerSource.NAMED_IN_LEAD)


def test_a_word_merely_starting_like_an_organisation_names_none():
    assert resolve("MPSX Review Team").source == OwnerSource.USUAL_OWNER


def test_a_post_in_the_directory_gives_its_organisation_and_holder_whatever_its_case():
    found = resolve("  ac  FRONTLINE policing ")
    assert (found.owners, found.source, found.lead_user) == (
        ["MPS"],
        OwnerSource.DIRECTORY,
        "matt",
    )
    assert resolve("Chief Operating Officer").owners == ["MOPAC"]


def test_several_posts_of_the_directory_give_their_organisations():
    found = resolve("AC Frontline Policing and Chief Operating Officer")
    assert (found.owners, found.source) == (["MPS", "MOPAC"], OwnerSource.DIRECTORY)


def test_an_owner_confirmed_in_the_preview_comes_before_the_usual_owner():
    found = resolve("Director of Audit", confirmed={"director of audit": "MOPAC"})
    assert (found.owners, found.source) == (["MOPAC"], OwnerSource.CONFIRMED)


def test_otherwise_the_boards_usual_owner_is_assumed():
    found = resolve("Sophie Linden")
    assert (found.owners, found.source, found.is_assumed) == (
        ["MPS"],
        OwnerSource.USUAL_OWNER,
        True,
    )
    assert found.errors == []
    assert resolve("Sophie Linden", usual_owner=None).errors


# -- the directory ------------------------------------------------------------------------------


@pytest.fixture
def posts(mps, mopac, lead):
    barbara = UserFactory(username="barbara", role=Role.LEAD, organisation=mps)
    return {
        "frontline": Post.objects.create(
            title="AC Frontline Policing", organisation=mps, holder=lead
        ),
        "professionalism": Post.objects.create(
            title="AC Professionalism", organisation=mps, holder=barbara
        ),
        "corporate": Post.objects.create(title="Chief of Corporate Services", organisation=mps),
    }


@pytest.mark.django_db
def test_a_post_title_is_unique_whatever_its_case_and_spacing(mps):
    Post.objects.create(title="AC Frontline Policing", organisation=mps)
    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.create(title="ac  frontline POLICING", organisation=mps)


def test_the_directory_page_lists_posts_in_a_fixed_number_of_queries(
    client, officer, posts, django_assert_max_num_queries
):
    client.force_login(officer)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("posts"))
    body = response.content.decode()
    assert "AC Frontline Policing" in body
    assert "Vacant" in body  # Chief of Corporate Services
    for n in range(20):
        Post.objects.create(title=f"Post {n}", organisation=posts["corporate"].organisation)
    with django_assert_max_num_queries(8):
        client.get(reverse("posts"))


def test_an_officer_adds_and_changes_a_post(client, officer, mps, mopac, lead):
    client.force_login(officer)
    response = client.post(
        reverse("post_add"),
        {"title": " Director of  Professionalism ", "organisation": mps.pk, "holder": lead.pk},
    )
    assert response.status_code == 302
    post = Post.objects.get()
    assert (post.title, post.organisation, post.holder) == (
        "Director of Professionalism",
        mps,
        lead,
    )
    edited = {"title": "Director of Professionalism", "organisation": mps.pk, "holder": ""}
    stale = client.post(reverse("post_edit", args=[post.pk]), edited)  # opened at no version
    assert "changed by someone else" in stale.content.decode()
    client.post(reverse("post_edit", args=[post.pk]), {**edited, "version": post.version})
    post.refresh_from_db()
    assert post.holder is None


def test_the_directory_refuses_a_second_entry_and_a_holder_of_another_organisation(
    client, officer, mopac, posts, lead
):
    client.force_login(officer)
    response = client.post(
        reverse("post_add"), {"title": "ac frontline policing", "organisation": mopac.pk}
    )
    assert "is already in the directory" in response.content.decode()
    response = client.post(
        reverse("post_add"),
        {"title": "Chief Operating Officer", "organisation": mopac.pk, "holder": lead.pk},
    )
    assert "Choose someone who works for MOPAC." in response.content.decode()
    assert Post.objects.count() == 3


def test_leads_and_reviewers_cannot_see_or_change_the_directory(client, lead, reviewer, posts):
    for user in (lead, reviewer):
        client.force_login(user)
        assert client.get(reverse("posts")).status_code == 403
        assert client.post(reverse("post_add"), {"title": "X"}).status_code == 403
    assert Post.objects.count() == 3


# -- the paste ----------------------------------------------------------------------------------


@pytest.fixture
def meeting(db):
    return MeetingFactory(date=MEETING_DATE)


def paste(client, meeting, text, **extra):
    return client.post(reverse("actions:annex_paste", args=[meeting.pk]), {"annex": text, **extra})


def test_a_15_row_annex_with_posts_as_leads_saves_in_one_go_with_owners_and_leads(
    client, officer, lead, mps, mopac, posts, meeting
):
    client.force_login(officer)
    preview = paste(client, meeting, SEED_002_ANNEX, preview="1")
    body = preview.content.decode()
    assert "Save all 15 actions" in body
    assert "Directory of posts" in body and "Named in Lead" in body
    assert "Confirm the owners of posts not in the directory" in body
    response = paste(client, meeting, SEED_002_ANNEX, save="1")
    assert response.status_code == 302
    actions = {a.number: a for a in Action.objects.filter(meeting=meeting).with_owners()}
    assert len(actions) == 15
    assert {n: a.lead for n, a in actions.items()} == SEED_002_LEADS
    assert actions[3].owner_label == "MPS" and actions[3].lead_user == lead
    assert actions[1].lead_user == posts["professionalism"].holder
    assert actions[2].owner_label == "MPS" and actions[2].lead_user is None  # vacant
    assert actions[12].owner_label == "MPS and MOPAC"
    assert actions[15].owner_label == "MOPAC"
    # Not in the directory: the board's usual owner, as previewed.
    assert actions[8].owner_label == "MPS" and actions[14].owner_label == "MPS"
    assert actions[14].status == Action.Status.CLOSED

    # The MPS lead sees the actions of their post as theirs at once.
    client.force_login(lead)
    sections = client.get(reverse("actions:mine")).context["sections"]
    assert sections[0].title == "Led by you"
    led = {row.pk for row in sections[0].shown}
    assert {actions[n].pk for n in (3, 4, 5, 6, 7, 10, 13)} <= led


def test_the_preview_says_where_each_owner_comes_from(client, officer, mps, mopac, posts, meeting):
    client.force_login(officer)
    text = (
        "1\tA.\tAugust 2022\tAC Frontline Policing\n"
        "2\tB.\tAugust 2022\tMOPAC Chief Executive\n"
        "3\tC.\tAugust 2022\tChief Operating Officer\n"
    )
    parsed = paste(client, meeting, text, preview="1").context["parsed"]
    assert [r.owner_source for r in parsed.rows] == [
        OwnerSource.DIRECTORY,
        OwnerSource.NAMED_IN_LEAD,
        OwnerSource.USUAL_OWNER,
    ]
    assert list(parsed.assumed_posts()) == ["Chief Operating Officer"]


def confirmation(title, owner, record=True):
    data = {
        "post-TOTAL_FORMS": "1",
        "post-INITIAL_FORMS": "1",
        "post-0-title": title,
        "post-0-owner": str(owner.pk),
    }
    if record:
        data["post-0-record"] = "on"
    return data


def test_the_directory_learns_the_owner_an_officer_confirms_in_the_preview(
    client, officer, mps, mopac, meeting
):
    client.force_login(officer)
    text = "1\tA.\tAugust 2022\tChief Operating Officer\n2\tB.\t\tchief operating officer\n"
    preview = paste(client, meeting, text, preview="1")
    [(form, rows)] = preview.context["confirmations"]
    assert form["owner"].value() == mps.pk  # the board's usual owner, proposed
    assert [r.number for r in rows] == [1, 2]

    response = paste(
        client, meeting, text, save="1", **confirmation("Chief Operating Officer", mopac)
    )
    assert response.status_code == 302
    assert {a.owner_label for a in Action.objects.with_owners()} == {"MOPAC"}
    post = Post.objects.get()
    assert (post.title, post.organisation) == ("Chief Operating Officer", mopac)

    # Next time the directory resolves it.
    later = MeetingFactory(board=meeting.board, date=datetime.date(2022, 9, 1))
    parsed = paste(client, later, text, preview="1").context["parsed"]
    assert [r.owner_source for r in parsed.rows] == [OwnerSource.DIRECTORY] * 2


def test_an_owner_confirmed_but_not_ticked_for_the_directory_is_used_only_this_time(
    client, officer, mps, mopac, meeting
):
    client.force_login(officer)
    text = "1\tA.\tAugust 2022\tSophie Linden\n"
    data = confirmation("Sophie Linden", mopac, record=False)
    assert paste(client, meeting, text, save="1", **data).status_code == 302
    assert Action.objects.with_owners().get().owner_label == "MOPAC"
    assert not Post.objects.exists()


def test_a_failed_save_records_nothing_in_the_directory(client, officer, mps, mopac, meeting):
    client.force_login(officer)
    text = "1\tA.\tAugust 2022\tChief Operating Officer\n1\tB.\t\tMPS\n"  # No. 1 twice
    data = confirmation("Chief Operating Officer", mopac)
    assert paste(client, meeting, text, save="1", **data).status_code == 200
    assert not Post.objects.exists() and not Action.objects.exists()


def test_the_boards_own_usual_owner_is_assumed(client, officer, mps, mopac):
    client.force_login(officer)
    board = BoardFactory(name="MOPAC internal board", usual_owner=mopac)
    meeting = MeetingFactory(board=board, date=MEETING_DATE)
    assert paste(client, meeting, "1\tA.\t\tHead of Oversight\n", save="1").status_code == 302
    assert Action.objects.with_owners().get().owner_label == "MOPAC"


def test_the_paste_reads_a_status_column_in_the_papers_words(client, officer, mps, meeting):
    client.force_login(officer)
    text = "1\tA.\tAugust 2022\tMPS\tOngoing\n2\tB.\tAugust 2022\tMPS\tDone\n3\tC.\t\tMPS\tOpen\n"
    body = paste(client, meeting, text, preview="1").content.decode()
    assert "Ongoing &rarr; In progress" in body and "Done &rarr; Completed" in body
    assert paste(client, meeting, text, save="1").status_code == 302
    statuses = dict(Action.objects.values_list("number", "status"))
    assert statuses == {1: "in_progress", 2: "closed", 3: "open"}


# -- the several-rows form ------------------------------------------------------------------------


def rows_form(row):
    data = {"actions-TOTAL_FORMS": "1", "actions-INITIAL_FORMS": "0"}
    data.update({f"actions-0-{name}": value for name, value in row.items()})
    return data


def test_the_several_rows_form_takes_owner_and_account_from_the_lead(
    client, officer, lead, posts, meeting
):
    client.force_login(officer)
    url = reverse("actions:add_to_meeting", args=[meeting.pk])
    row = {"number": "1", "text": "A.", "timing": "August 2022", "lead": "AC Frontline Policing"}
    assert client.post(url, rows_form(row)).status_code == 302
    action = Action.objects.with_owners().get()
    assert (action.owner_label, action.lead_user) == ("MPS", lead)

    row = {"number": "2", "text": "B.", "lead": "Somebody Unknown"}
    response = client.post(url, rows_form(row))
    assert "names none and is not in the directory of posts" in response.content.decode()


# -- the import and the API ------------------------------------------------------------------------

HEADER = ["No.", "Action", "Timing", "Lead", "Owner", "Status"]


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("Completed", "closed"),
        ("complete", "closed"),
        ("DONE", "closed"),
        ("Closed", "closed"),
        ("Ongoing", "in_progress"),
        ("In progress", "in_progress"),
        ("on track", "in_progress"),
        ("Not started", "open"),
        ("Open", "open"),
        ("Dropped", "dropped"),
        ("Withdrawn", "dropped"),
    ],
)
def test_the_import_reads_each_status_word_of_the_papers(mps, meeting, written, status):
    cells = ["1", "A.", "August 2022", "AC Frontline Policing", "", written]
    (row,) = check_import(meeting, [(2, cells)], guess_mapping(HEADER))
    assert row.errors == []
    assert row.status == status
    assert row.status_written == written


def test_the_import_refuses_superseded_for_a_new_action(mps, meeting):
    cells = ["1", "A.", "", "MPS", "", "Superseded"]
    (row,) = check_import(meeting, [(2, cells)], guess_mapping(HEADER))
    assert row.errors == [
        "“Superseded” needs the action this one is merged into: supersede it on its page."
    ]


def test_the_import_resolves_leads_as_the_paste_does(mps, mopac, lead, posts, meeting):
    rows = [
        (2, ["1", "A.", "", "AC Frontline Policing", "", ""]),
        (3, ["2", "B.", "", "MOPAC Chief Executive", "", ""]),
        (4, ["3", "C.", "", "AC Frontline Policing", "MOPAC", ""]),
        (5, ["4", "D.", "", "Sophie Linden", "", ""]),
    ]
    checked = check_import(meeting, rows, guess_mapping(HEADER))
    assert [(r.owners, r.owner_source) for r in checked] == [
        (["MPS"], "Directory of posts"),
        (["MOPAC"], "Named in Lead"),
        (["MOPAC"], "Owner column"),
        (["MPS"], "Board's usual owner - assumed"),
    ]
    assert [r.lead_user for r in checked] == [lead, None, lead, None]
    assert checked[3].owner_is_assumed
    assert any("Owner assumed" in warning for warning in checked[3].warnings)


def test_the_api_resolves_owners_and_account_from_the_lead(officer, lead, mps, mopac, posts):
    meeting = MeetingFactory(date=MEETING_DATE)
    client = api_client(officer)
    payload = {"meeting": meeting.pk, "number": 1, "text": "A.", "lead": "AC Frontline Policing"}
    response = client.post("/api/actions/", payload, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert [o["short_name"] for o in data["owners"]] == ["MPS"]
    assert data["lead_user"]["id"] == lead.pk

    payload = {"meeting": meeting.pk, "number": 2, "text": "B.", "lead": "MOPAC Chief Executive"}
    data = client.post("/api/actions/", payload, format="json").json()
    assert [o["short_name"] for o in data["owners"]] == ["MOPAC"]

    # Owners given win; the account given wins.
    payload = {
        "meeting": meeting.pk,
        "number": 3,
        "text": "C.",
        "lead": "AC Frontline Policing",
        "owners": [mopac.pk],
        "lead_user": None,
    }
    data = client.post("/api/actions/", payload, format="json").json()
    assert [o["short_name"] for o in data["owners"]] == ["MOPAC"]
    assert data["lead_user"] is None


def test_the_api_refuses_a_lead_it_cannot_resolve_on_a_board_with_no_owner(officer, db):
    other = OrganisationFactory(short_name="LFB")
    meeting = MeetingFactory(board=BoardFactory(name="Fire board"), date=MEETING_DATE)
    assert other.pk  # no MPS exists, and the board names no usual owner
    payload = {"meeting": meeting.pk, "number": 1, "text": "A.", "lead": "Chief Fire Officer"}
    response = api_client(officer).post("/api/actions/", payload, format="json")
    assert response.status_code == 400
    assert "not in the directory of posts" in response.json()["owners"][0]
