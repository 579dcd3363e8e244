"""Notices: what happens to an action is told to the people concerned (notices/recipients.py),
on the Notices page with a count in the header, and by email to those who chose it (queued on
commit, claimed, logged for officers with its outcome)."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.models import Absence, NoticeDelivery, Role
from actions import extensions, services
from actions.extension_workflow import Decision
from actions.signals import Event
from actions.workflow import Transition
from notices.context_processors import unread_notices
from notices.models import Notice

from .factories import ActionFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(mps, lead):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    return ActionFactory(meeting=meeting, owners=[mps], lead_user=lead, number=3)


def notices_of(user):
    return list(Notice.objects.filter(recipient=user))


def test_a_rejection_tells_the_lead_with_the_reason_by_email(
    action, lead, officer, django_capture_on_commit_callbacks
):
    services.change_status(action, Transition.PROPOSE, by=lead, note="Sent")
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(
            action, Transition.REJECT, by=officer, note="The <b>annex</b> is missing"
        )
    (notice,) = [n for n in notices_of(lead) if n.event == Event.COMPLETION_REJECTED]
    assert notice.note == "The <b>annex</b> is missing"
    assert notice.email_status == Notice.Email.SENT and notice.emailed_at is not None
    (email,) = [m for m in mail.outbox if m.to == [lead.email]]
    assert email.subject == f"Completion rejected: {action.title}"
    assert "The <b>annex</b> is missing" in email.body
    assert "The &lt;b&gt;annex&lt;/b&gt; is missing" in email.alternatives[0][0]


def test_a_proposal_tells_the_officers_but_not_the_proposer(action, lead, officer, mopac):
    second = UserFactory(username="officer2", role=Role.OFFICER, organisation=mopac)
    services.change_status(action, Transition.PROPOSE, by=officer, note="Seen the report")
    assert [n.event for n in notices_of(second)] == [Event.COMPLETION_PROPOSED]
    assert notices_of(officer) == []


def test_an_update_tells_the_lead_and_the_owners_contacts_not_its_author(action, lead, mps):
    contact = UserFactory(
        username="contact", role=Role.LEAD, organisation=mps, is_organisation_contact=True
    )
    services.post_update(action, by=contact, note="Draft sent")
    assert [n.event for n in notices_of(lead)] == [Event.UPDATE_POSTED]
    assert notices_of(contact) == []
    services.post_update(action, by=lead, note="Final sent")
    assert [n.note for n in notices_of(contact)] == ["Final sent"]


def test_in_app_only_means_no_email(action, lead, officer, django_capture_on_commit_callbacks):
    lead.notice_delivery = NoticeDelivery.IN_APP
    lead.save()
    services.change_status(action, Transition.PROPOSE, by=lead, note="Sent")
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(action, Transition.REJECT, by=officer, note="Not yet")
    assert notices_of(lead)[0].email_status == Notice.Email.NONE
    assert not [m for m in mail.outbox if m.to == [lead.email]]


def test_more_time_asked_and_decided_and_passing_on_are_told(action, lead, officer, mps):
    request = extensions.ask_for_more_time(action, by=lead, timing="March 2023", reason="Data")
    assert [n.event for n in notices_of(officer)] == [Event.MORE_TIME_REQUESTED]
    extensions.decide_more_time(request, Decision.DECLINE, by=officer, reason="Board fixed")
    assert notices_of(lead)[0].event == Event.MORE_TIME_DECLINED
    assert notices_of(lead)[0].note == "Board fixed"
    colleague = UserFactory(username="cara", role=Role.LEAD, organisation=mps)
    services.pass_action(action, by=lead, to=colleague, note="Yours now")
    assert [(n.event, n.note) for n in notices_of(colleague)] == [(Event.PASSED_ON, "Yours now")]


def test_the_deputy_is_told_while_the_lead_is_away(action, lead, officer, mps):
    deputy = UserFactory(username="deputy", role=Role.LEAD, organisation=mps)
    today = timezone.localdate()
    Absence.objects.create(user=lead, deputy=deputy, starts_on=today, ends_on=today)
    services.change_status(action, Transition.PROPOSE, by=lead, note="Sent")
    services.change_status(action, Transition.REJECT, by=officer, note="Not yet")
    assert [n.event for n in notices_of(deputy)] == [Event.COMPLETION_REJECTED]


def test_a_failed_email_is_logged_with_its_error(
    action, lead, officer, django_capture_on_commit_callbacks
):
    services.change_status(action, Transition.PROPOSE, by=lead, note="Sent")
    refused = OSError("relay refused")
    with (
        mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=refused),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.change_status(action, Transition.REJECT, by=officer, note="Not yet")
    notice = Notice.objects.get(recipient=lead)
    assert (notice.email_status, notice.email_error) == (Notice.Email.FAILED, "relay refused")


def test_nothing_is_told_when_the_write_is_refused(action, lead, officer):
    with pytest.raises(Exception, match="not possible"):
        services.change_status(action, Transition.REJECT, by=officer, note="x")
    assert not Notice.objects.exists()


# -- the pages ------------------------------------------------------------------------------


def test_header_count_is_one_query_and_the_page_marks_read(
    client, action, lead, officer, django_assert_num_queries
):
    services.change_status(action, Transition.PROPOSE, by=lead, note="Sent")
    services.change_status(action, Transition.REJECT, by=officer, note="Not yet")
    services.post_update(action, by=officer, note="Chased")
    request = RequestFactory().get("/")
    request.user = lead
    with django_assert_num_queries(1):
        assert unread_notices(request) == {"unread_notices": 2}
    client.force_login(lead)
    page = client.get(reverse("notices:list")).content.decode()
    assert '2<span class="govuk-visually-hidden"> unread</span>' in page
    assert "Completion rejected: Action 3" in page
    first = Notice.objects.filter(recipient=lead).first()
    client.post(reverse("notices:mark_read", args=[first.pk]))
    assert Notice.objects.filter(recipient=lead, read_at__isnull=True).count() == 1
    client.post(reverse("notices:mark_all_read"))
    assert not Notice.objects.filter(recipient=lead, read_at__isnull=True).exists()


def test_no_one_marks_anothers_notice(client, action, lead, officer, other_lead):
    services.post_update(action, by=officer, note="Chased")
    notice = Notice.objects.get(recipient=lead)
    client.force_login(other_lead)
    assert client.post(reverse("notices:mark_read", args=[notice.pk])).status_code == 404
    assert client.get(reverse("notices:list")).content.decode().count("Chased") == 0


def test_the_email_log_is_for_officers_in_fixed_queries(
    client, mps, lead, officer, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    for _ in range(6):
        with django_capture_on_commit_callbacks(execute=True):
            services.post_update(
                ActionFactory(meeting=meeting, owners=[mps], lead_user=lead),
                by=officer,
                note="Chased",
            )
    client.force_login(lead)
    assert client.get(reverse("notices:email_log")).status_code == 403
    client.force_login(officer)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("notices:email_log")).content.decode()
    assert page.count(lead.email) == 6 and page.count('<td class="govuk-table__cell">Sent') == 6
    client.force_login(lead)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("notices:list")).content.decode()
    assert page.count("app-notices__item--unread") == 6
