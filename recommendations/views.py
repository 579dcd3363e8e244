"""The recommendations log: recommendations, their reports, and the inspection response clock."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from actions.models import Action
from common.as_at import as_records_said
from common.history import history_entries, record_change
from common.listing import id_param, paginate, render_filtered_list
from common.optimistic import StaleEdit, check_version
from letters.access import letters_for
from recommendations.access import LISTED, get_recommendation_for, recommendations_for
from recommendations.models import Report

from .filters import RecommendationFilter
from .forms import CommentsPublishedForm, RecommendationForm, RecommendationStatusForm, ReportForm
from .selectors import inspections_awaiting_comments, reports_with_counts


def _require_change(user) -> None:
    if not user.has_perm("recommendations.change_recommendation"):
        raise PermissionDenied


def visible_recommendations(user):
    return recommendations_for(user).select_related(*LISTED)


@login_required
def recommendation_list(request):
    """The log, filtered; as at a past day (`?as_at=`), as it stood then."""
    recommendation_filter = RecommendationFilter(
        request.GET, queryset=visible_recommendations(request.user)
    )
    day = recommendation_filter.day
    return render_filtered_list(
        request,
        "recommendations/recommendation_list.html",
        recommendation_filter,
        "recommendations",
        shown=(lambda records: as_records_said(records, *LISTED)) if day else None,
        export_kind="recommendations",
        can_change=request.user.has_perm("recommendations.change_recommendation") and not day,
        as_at=day,
    )


@login_required
def recommendation_detail(request, pk):
    recommendation = visible_recommendations(request.user).get(
        pk=get_recommendation_for(request.user, pk).pk
    )
    actions = Action.objects.for_user(request.user).filter(recommendations=recommendation)
    # The letter that answers it, only when this user may see that letter.
    response_letter = letters_for(request.user).filter(pk=recommendation.response_letter_id).first()
    return render(
        request,
        "recommendations/recommendation_detail.html",
        {
            "recommendation": recommendation,
            "response_letter": response_letter,
            "actions": actions,
            "history": history_entries(recommendation),
            "can_change": request.user.has_perm(
                "recommendations.change_recommendation", recommendation
            ),
        },
    )


@transaction.atomic
def _save_versioned(form, recommendation, *, by, reason: str):
    """Save `form`'s recommendation with who and why in its history, as made from the version the
    form was opened at (StaleEdit if it was saved since); `recommendation` None: a new one."""
    if recommendation is not None:
        check_version(recommendation, form.expected_version)
    saved = form.save(commit=False)
    record_change(saved, by, reason)
    saved.save()
    form.save_m2m()
    return saved


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_set_status(request, pk):
    """Change a recorded recommendation's status, as its own step. Officers only."""
    _require_change(request.user)
    recommendation = get_recommendation_for(
        request.user, pk, "recommendations.change_recommendation"
    )
    form = RecommendationStatusForm(request.POST or None, instance=recommendation)
    if request.method == "POST" and form.is_valid():
        reason = f"Status set to {form.instance.get_status_display().lower()}"
        try:
            saved = _save_versioned(form, recommendation, by=request.user, reason=reason)
        except StaleEdit as stale:
            form.refuse_stale(stale)
        else:
            messages.success(request, f"{saved.label}: status saved.")
            return redirect("recommendations:detail", saved.pk)
    return render(
        request,
        "letters/form_page.html",
        {
            "form": form,
            "title": f"Change the status: {recommendation.label}",
            "back_url": reverse("recommendations:detail", args=[recommendation.pk]),
            "back_label": recommendation.label,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_edit(request, pk=None):
    """Create (pk None) or edit a recommendation. Officers only."""
    _require_change(request.user)
    recommendation = (
        get_recommendation_for(request.user, pk, "recommendations.change_recommendation")
        if pk
        else None
    )
    initial = {"report": id_param(request, "report")} if not pk else {}
    form = RecommendationForm(request.POST or None, instance=recommendation, initial=initial)
    if request.method == "POST" and form.is_valid():
        reason = "Edited" if recommendation else "Recommendation recorded"
        try:
            saved = _save_versioned(form, recommendation, by=request.user, reason=reason)
        except StaleEdit as stale:
            form.refuse_stale(stale)
        else:
            messages.success(request, f"{saved.label} saved.")
            return redirect("recommendations:detail", saved.pk)
    return render(
        request,
        "letters/form_page.html",
        {
            "form": form,
            "title": f"Edit: {recommendation.label}"
            if recommendation
            else "Record a recommendation",
            "back_url": reverse("recommendations:list"),
            "back_label": "Recommendations log",
        },
    )


@login_required
def report_list(request):
    reports = reports_with_counts(recommendations_for(request.user))
    if not request.user.sees_everything:
        reports = reports.filter(total__gt=0)
    page, querystring = paginate(request, reports)
    return render(
        request,
        "recommendations/report_list.html",
        {
            "page_obj": page,
            "querystring": querystring,
            "can_change": request.user.has_perm("recommendations.change_recommendation"),
        },
    )


def _visible_report(user, pk) -> Report:
    """A report the user may see: any for those who see everything; for a lead, one with a
    recommendation their organisation owns."""
    reports = Report.objects.select_related("body")
    if not user.sees_everything:
        reports = reports.filter(recommendations__in=recommendations_for(user)).distinct()
    return get_object_or_404(reports, pk=pk)


@login_required
def report_detail(request, pk):
    report = _visible_report(request.user, pk)
    recommendations = visible_recommendations(request.user).filter(report=report)
    return render(
        request,
        "recommendations/report_detail.html",
        {
            "report": report,
            "recommendations": recommendations,
            "can_change": request.user.has_perm("recommendations.change_recommendation"),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request, pk=None):
    """Create (pk None) or edit a report. Officers only."""
    _require_change(request.user)
    report = get_object_or_404(Report, pk=pk) if pk else None
    form = ReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                if report:
                    check_version(report, form.expected_version)
                report = form.save()
        except StaleEdit as stale:
            form.refuse_stale(stale)
        else:
            messages.success(request, f"Report “{report.title}” saved.")
            return redirect("recommendations:report_detail", report.pk)
    return render(
        request,
        "letters/form_page.html",
        {
            "form": form,
            "title": "Edit report" if report else "Record a report",
            "back_url": reverse("recommendations:reports"),
            "back_label": "Reports",
        },
    )


@login_required
def inspection_clock(request):
    """Inspectorate reports awaiting MOPAC's published comments, with the 56-day deadline."""
    if not request.user.sees_everything:
        raise PermissionDenied
    today = timezone.localdate()
    rows = [
        {
            "report": report,
            "days_left": (report.comments_due - today).days,
            "days_overdue": (today - report.comments_due).days,
        }
        for report in inspections_awaiting_comments().select_related("body")
    ]
    recent = Report.objects.filter(
        kind=Report.Kind.INSPECTION, comments_published_on__isnull=False
    ).select_related("body")[:20]
    return render(
        request,
        "recommendations/inspection_clock.html",
        {
            "rows": rows,
            "recent": recent,
            "today": today,
            "can_change": request.user.has_perm("recommendations.change_recommendation"),
        },
    )


@login_required
@require_POST
def comments_published(request, pk):
    _require_change(request.user)
    report = get_object_or_404(Report, pk=pk, kind=Report.Kind.INSPECTION)
    form = CommentsPublishedForm(request.POST)
    if form.is_valid():
        report.comments_published_on = form.cleaned_data["comments_published_on"]
        report.save(update_fields=["comments_published_on", "version"])
        messages.success(request, f"Comments on “{report.title}” recorded as published.")
    else:
        messages.error(request, "Enter the date the comments were published, like 14/11/2022.")
    return redirect("recommendations:inspections")
