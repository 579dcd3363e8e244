"""Every permission of accounts/rules.py for every role, and the access helpers' 404 / 403."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.models import Role
from actions.access import get_action_for
from letters.access import get_letter_for, letters_for
from meetings.access import get_meeting_for, meetings_for
from questions.access import get_question_for
from recommendations.access import get_recommendation_for

from .factories import (
    ActionFactory,
    LetterFactory,
    MeetingFactory,
    QuestionFactory,
    RecommendationFactory,
    UserFactory,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")

ROLES = ["officer", "owner_lead", "other_lead", "reviewer", "admin", "anonymous"]


@pytest.fixture
def users(officer, lead, other_lead, reviewer, admin_user):
    return {
        "officer": officer,
        "owner_lead": lead,
        "other_lead": other_lead,
        "reviewer": reviewer,
        "admin": admin_user,
        "anonymous": AnonymousUser(),
    }


@pytest.fixture
def objects(mps, mopac):
    """One object of each kind, owned by (or put to) the MPS."""
    meeting = MeetingFactory()
    letter = LetterFactory(sender_organisation=mopac, recipient_organisation=mopac)
    return {
        "action": ActionFactory(meeting=meeting, owners=[mps]),
        "meeting": meeting,
        "letter": letter,
        "question": QuestionFactory(letter=letter, put_to=mps),
        "recommendation": RecommendationFactory(owner=mps),
    }


# permission -> the object it is checked on -> the roles that hold it
MATRIX = {
    "actions.view_action": ("action", {"officer", "owner_lead", "reviewer", "admin"}),
    "actions.change_action": ("action", {"officer", "admin"}),
    "actions.update_progress": ("action", {"officer", "owner_lead", "admin"}),
    "actions.decide_completion": ("action", {"officer", "admin"}),
    "meetings.view_meeting": ("meeting", {"officer", "owner_lead", "reviewer", "admin"}),
    "meetings.change_meeting": ("meeting", {"officer", "admin"}),
    "letters.view_letter": ("letter", {"officer", "owner_lead", "reviewer", "admin"}),
    "letters.change_letter": ("letter", {"officer", "admin"}),
    "questions.view_question": ("question", {"officer", "owner_lead", "reviewer", "admin"}),
    "questions.answer_question": ("question", {"officer", "owner_lead", "admin"}),
    "questions.add_question": ("question", {"officer", "admin"}),
    "questions.change_question": ("question", {"officer", "admin"}),
    "questions.decide_answer": ("question", {"officer", "admin"}),
    "publication.publish": ("letter", {"officer", "admin"}),
    "recommendations.view_recommendation": (
        "recommendation",
        {"officer", "owner_lead", "reviewer", "admin"},
    ),
    "recommendations.change_recommendation": ("recommendation", {"officer", "admin"}),
}


@pytest.mark.parametrize("perm", MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_permission_is_held_by_exactly_the_roles_in_the_matrix(perm, role, users, objects):
    kind, holders = MATRIX[perm]
    assert users[role].has_perm(perm, objects[kind]) is (role in holders)


@pytest.mark.parametrize("perm", MATRIX)
def test_deactivated_officer_holds_no_permission(perm, officer, objects):
    officer.is_active = False
    officer.save()
    assert not officer.has_perm(perm, objects[MATRIX[perm][0]])


def test_admin_role_without_superuser_flag_still_acts_as_officer(mopac, objects):
    admin = UserFactory(role=Role.ADMIN, organisation=mopac)
    assert admin.has_perm("actions.decide_completion", objects["action"])
    assert admin.has_perm("meetings.change_meeting", objects["meeting"])


def test_lead_sees_meeting_only_while_it_has_an_action_of_their_organisation(lead, other_org):
    meeting = MeetingFactory()
    action = ActionFactory(meeting=meeting, owners=[other_org])
    assert not lead.has_perm("meetings.view_meeting", meeting)
    action.owners.add(lead.organisation)
    assert lead.has_perm("meetings.view_meeting", meeting)


def test_lead_sees_letter_addressed_to_their_organisation(lead, mopac):
    letter = LetterFactory(sender_organisation=mopac, recipient_organisation=lead.organisation)
    assert lead.has_perm("letters.view_letter", letter)


def test_owner_check_uses_prefetched_owners_without_a_query(lead, mps, django_assert_num_queries):
    action = ActionFactory(owners=[mps])
    from actions.models import Action

    action = Action.objects.prefetch_related("owners").get(pk=action.pk)
    with django_assert_num_queries(0):
        assert lead.has_perm("actions.update_progress", action)


# -- access helpers ------------------------------------------------------------------------

HELPERS = {
    "action": get_action_for,
    "meeting": get_meeting_for,
    "letter": get_letter_for,
    "question": get_question_for,
    "recommendation": get_recommendation_for,
}


@pytest.mark.parametrize("kind", HELPERS)
def test_helper_returns_what_the_owner_lead_may_see(kind, lead, objects):
    assert HELPERS[kind](lead, objects[kind].pk) == objects[kind]


@pytest.mark.parametrize("kind", HELPERS)
def test_helper_hides_another_organisations_object_as_not_found(kind, other_lead, objects):
    with pytest.raises(Http404):
        HELPERS[kind](other_lead, objects[kind].pk)


@pytest.mark.parametrize("kind", HELPERS)
def test_helper_hides_everything_from_anonymous_users(kind, objects):
    with pytest.raises(Http404):
        HELPERS[kind](AnonymousUser(), objects[kind].pk)


@pytest.mark.parametrize(
    ("kind", "perm"),
    [
        ("action", "actions.change_action"),
        ("action", "actions.decide_completion"),
        ("meeting", "meetings.change_meeting"),
        ("letter", "letters.change_letter"),
        ("recommendation", "recommendations.change_recommendation"),
    ],
)
def test_helper_refuses_a_visible_object_the_lead_may_not_change(kind, perm, lead, objects):
    with pytest.raises(PermissionDenied):
        HELPERS[kind](lead, objects[kind].pk, perm)


def test_helper_refuses_reviewer_any_change(reviewer, objects):
    with pytest.raises(PermissionDenied):
        get_action_for(reviewer, objects["action"].pk, "actions.update_progress")


def test_helper_raises_not_found_for_a_missing_object(officer, db):
    with pytest.raises(Http404):
        get_action_for(officer, 999999)


def test_meetings_for_lead_lists_only_meetings_with_their_actions(lead, mps, other_org):
    mine, theirs, empty = MeetingFactory(), MeetingFactory(), MeetingFactory()
    ActionFactory(meeting=mine, owners=[mps, other_org])
    ActionFactory(meeting=mine, owners=[mps])
    ActionFactory(meeting=theirs, owners=[other_org])
    assert list(meetings_for(lead)) == [mine]
    assert set(meetings_for(UserFactory(role=Role.REVIEWER))) == {mine, theirs, empty}


def test_letters_for_lead_lists_letters_sent_received_or_with_their_actions(
    lead, mps, mopac, other_org
):
    received = LetterFactory(sender_organisation=mopac, recipient_organisation=mps)
    with_action = LetterFactory(sender_organisation=mopac, recipient_organisation=other_org)
    ActionFactory(meeting=None, letter=with_action, owners=[mps])
    LetterFactory(sender_organisation=mopac, recipient_organisation=other_org)
    assert set(letters_for(lead)) == {received, with_action}


def test_lead_sees_letter_that_puts_a_question_to_their_organisation(lead, mps, mopac, other_org):
    letter = LetterFactory(sender_organisation=mopac, recipient_organisation=other_org)
    assert not lead.has_perm("letters.view_letter", letter)
    QuestionFactory(letter=letter, put_to=mps)
    assert lead.has_perm("letters.view_letter", letter)
    assert list(letters_for(lead)) == [letter]
