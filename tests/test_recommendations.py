"""The recommendations log: list and filters, access, linked actions, history, the 56-day clock."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from recommendations.models import Recommendation, Report
from recommendations.selectors import inspections_awaiting_comments, inspections_overdue

from .factories import ActionFactory, OrganisationFactory, RecommendationFactory, ReportFactory

pytestmark = pytest.mark.django_db


def test_inspection_comments_are_due_56_days_after_publication():
    report = ReportFactory(published_on=datetime.date(2022, 10, 7))
    review = ReportFactory(kind=Report.Kind.REVIEW)
    assert report.comments_due == datetime.date(2022, 12, 2)
    assert review.comments_due is None


def test_overdue_inspections_are_those_past_the_56_days_without_comments():
    today = datetime.date(2022, 12, 10)
    late = ReportFactory(title="Late", published_on=datetime.date(2022, 10, 7))
    ReportFactory(title="Due", published_on=datetime.date(2022, 11, 1))
    ReportFactory(
        title="Done",
        published_on=datetime.date(2022, 9, 1),
        comments_published_on=datetime.date(2022, 10, 20),
    )
    ReportFactory(title="Review", kind=Report.Kind.REVIEW, published_on=datetime.date(2022, 1, 1))
    assert [r.title for r in inspections_awaiting_comments()] == ["Late", "Due"]
    assert list(inspections_overdue(today)) == [late]


@time_machine.travel(datetime.date(2022, 12, 10))
def test_inspection_page_shows_due_and_overdue_and_records_comments(client, officer):
    late = ReportFactory(title="PEEL 2021/22", published_on=datetime.date(2022, 10, 7))
    ReportFactory(title="Child protection", published_on=datetime.date(2022, 11, 30))
    client.force_login(officer)
    page = client.get(reverse("recommendations:inspections")).content.decode()
    assert "Overdue</strong> by 8 days" in page
    assert "PEEL 2021/22" in page and "Child protection" in page
    response = client.post(
        reverse("recommendations:comments_published", args=[late.pk]),
        {"comments_published_on": "09/12/2022"},
    )
    assert response.status_code == 302
    late.refresh_from_db()
    assert late.comments_published_on == datetime.date(2022, 12, 9)
    assert late not in inspections_awaiting_comments()


def test_lead_cannot_see_the_inspection_clock(client, lead):
    client.force_login(lead)
    assert client.get(reverse("recommendations:inspections")).status_code == 403


def test_lead_sees_only_recommendations_their_organisation_owns(client, lead, mps, other_org):
    mine = RecommendationFactory(owner=mps, text="Improve crime recording")
    theirs = RecommendationFactory(owner=other_org, text="Improve victim care")
    client.force_login(lead)
    page = client.get(reverse("recommendations:list")).content.decode()
    assert "Improve crime recording" in page
    assert "Improve victim care" not in page
    assert client.get(reverse("recommendations:detail", args=[mine.pk])).status_code == 200
    assert client.get(reverse("recommendations:detail", args=[theirs.pk])).status_code == 404


def test_lead_cannot_edit_a_recommendation(client, lead, mps):
    recommendation = RecommendationFactory(owner=mps)
    client.force_login(lead)
    url = reverse("recommendations:edit", args=[recommendation.pk])
    assert client.post(url, {"status": "closed"}).status_code == 403
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.OPEN


def test_officer_links_actions_and_records_evidence_with_history(client, officer, mps):
    recommendation = RecommendationFactory(owner=mps)
    action = ActionFactory(owners=[mps], text="Audit crime recording")
    client.force_login(officer)
    response = client.post(
        reverse("recommendations:edit", args=[recommendation.pk]),
        {
            "report": recommendation.report.pk,
            "reference": recommendation.reference,
            "kind": "afi",
            "text": recommendation.text,
            "owner": mps.pk,
            "status": "in_progress",
            "actions": [action.pk],
            "evidence": "Audit report of March 2023",
            "version": recommendation.version,
        },
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert list(recommendation.actions.all()) == [action]
    assert recommendation.history.latest().history_user == officer
    page = client.get(reverse("recommendations:detail", args=[recommendation.pk])).content.decode()
    assert "Audit crime recording" in page
    assert "Kind: Recommendation → Area for improvement" in page
    # The edit form leaves the status alone; it changes as its own step, with the history.
    assert recommendation.status == Recommendation.Status.OPEN
    status_url = reverse("recommendations:set_status", args=[recommendation.pk])
    stale = client.post(status_url, {"status": "in_progress", "version": 1})
    assert "changed by someone else" in stale.content.decode()
    fresh = {"status": "in_progress", "version": recommendation.version}
    assert client.post(status_url, fresh).status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.IN_PROGRESS
    assert recommendation.history.latest().history_change_reason == "Status set to in progress"
    page = client.get(reverse("recommendations:detail", args=[recommendation.pk])).content.decode()
    assert "Status: Open → In progress" in page


def test_list_filters_by_report_kind_owner_status_body_and_text(client, officer, mps, other_org):
    hmicfrs = OrganisationFactory(short_name="HMICFRS")
    committee = OrganisationFactory(short_name="LAPCC")
    peel = ReportFactory(body=hmicfrs)
    turnaround = ReportFactory(
        title="Turnaround Plan response", body=committee, kind=Report.Kind.COMMITTEE
    )
    RecommendationFactory(report=peel, owner=mps, text="Crime recording", kind="concern")
    RecommendationFactory(
        report=turnaround, owner=other_org, text="Publish data", status="implemented"
    )
    client.force_login(officer)

    def texts(**params):
        page = client.get(reverse("recommendations:list"), params).context["page_obj"]
        return [r.text for r in page]

    assert texts(report=turnaround.pk) == ["Publish data"]
    assert texts(kind="concern") == ["Crime recording"]
    assert texts(owner=other_org.pk) == ["Publish data"]
    assert texts(status="implemented") == ["Publish data"]
    assert texts(body=hmicfrs.pk) == ["Crime recording"]
    assert texts(q="recording") == ["Crime recording"]


def test_recommendation_list_query_count_is_bounded(
    client, officer, mps, django_assert_max_num_queries
):
    report = ReportFactory()
    for _ in range(30):
        RecommendationFactory(report=report, owner=mps)
    client.force_login(officer)
    with django_assert_max_num_queries(11):  # +1: the header's unread notices
        response = client.get(reverse("recommendations:list"))
    assert len(response.context["page_obj"]) == 30


def test_report_list_counts_only_what_a_lead_may_see(client, lead, mps, other_org):
    report = ReportFactory()
    RecommendationFactory(report=report, owner=mps, status="open")
    RecommendationFactory(report=report, owner=other_org)
    ReportFactory(title="Not for the Met")
    client.force_login(lead)
    response = client.get(reverse("recommendations:reports"))
    reports = list(response.context["page_obj"])
    assert [(r.title, r.total, r.open) for r in reports] == [(report.title, 1, 1)]


def test_officer_records_a_report_and_a_recommendation(client, officer, mps):
    body = OrganisationFactory(short_name="HMICFRS")
    client.force_login(officer)
    response = client.post(
        reverse("recommendations:report_create"),
        {
            "title": "PEEL 2023",
            "body": body.pk,
            "kind": "inspection",
            "published_on": "01/03/2023",
            "url": "",
        },
    )
    report = Report.objects.get(title="PEEL 2023")
    assert response.status_code == 302
    response = client.post(
        reverse("recommendations:create"),
        {
            "report": report.pk,
            "reference": "AFI 1",
            "kind": "afi",
            "text": "Improve 101 call handling",
            "owner": mps.pk,
            "status": "open",
        },
    )
    assert response.status_code == 302
    assert Recommendation.objects.get().history.latest().history_change_reason == (
        "Recommendation recorded"
    )
