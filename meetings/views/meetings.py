"""Meetings: the list, one meeting's record, and recording or editing a meeting (officers)."""

from collections import defaultdict
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from common.formsets import ADD_ROW, error_links, hide_errors, with_another_row
from common.integrity import add_form_errors, taken_meanwhile
from common.listing import id_param
from common.optimistic import StaleEdit, check_version
from meetings.access import get_meeting_for, meetings_for
from meetings.forms import AttendeeFormSet, MeetingForm, MeetingStatusForm, MinuteItemFormSet
from meetings.models import Board, Meeting

PAGE_SIZE = 50


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required
def meeting_list(request):
    """Meetings the user may see, filtered by board and year, with their action counts."""
    meetings = meetings_for(request.user).select_related("board")
    board_id, year = _int_or_none(request.GET.get("board")), _int_or_none(request.GET.get("year"))
    if board_id:
        meetings = meetings.filter(board_id=board_id)
    if year and 1 <= year <= 9999:  # a date's year: anything else would be a server error
        meetings = meetings.filter(date__year=year)
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "boards": Board.objects.all(),
        "years": [d.year for d in meetings_for(request.user).dates("date", "year", order="DESC")],
        "selected_board": board_id,
        "selected_year": year,
        "can_add": request.user.has_perm("meetings.add_meeting"),
    }
    return render(request, "meetings/meeting_list.html", context)


@login_required
def meeting_detail(request, pk):
    """The meeting's record: attendees by organisation, minute items with the actions that came
    from each, the Annex A table of its actions and the questions put at it or in its letters (a
    lead sees only their organisation's)."""
    meeting = get_meeting_for(request.user, pk)
    actions = list(meeting.actions.for_user(request.user).order_by("number"))
    by_minute = defaultdict(list)
    for action in actions:
        by_minute[action.minute_item_id].append(action)
    minute_items = list(meeting.minute_items.all())
    for item in minute_items:
        item.agreed_actions = by_minute.get(item.pk, [])
    people = list(meeting.attendees.select_related("organisation"))
    attendees = [person for person in people if not person.absent]
    # The questions put at the meeting or in its letters, through the relation the questions
    # app declares (meetings imports nothing of questions).
    questions = (
        meeting.questions.model.objects.for_user(request.user)
        .filter(Q(meeting=meeting) | Q(letter__meeting=meeting))
        .select_related("put_to", "response_letter", "letter")
        .order_by("letter__date", "letter__reference", "number")
    )
    context = {
        "meeting": meeting,
        "actions": actions,
        "minute_items": minute_items,
        "questions": list(questions),
        "attendees_by_organisation": [
            (organisation, list(group))
            for organisation, group in groupby(attendees, key=lambda a: a.organisation)
        ],
        "absent": [person for person in people if person.absent],
        "can_change": request.user.has_perm("meetings.change_meeting", meeting),
        "today": timezone.localdate(),
    }
    return render(request, "meetings/meeting_detail.html", context)


def _formsets(request, meeting):
    """The attendee and minute-item formsets, posted or not; one more row if asked for."""
    kinds = {"attendees": AttendeeFormSet, "minutes": MinuteItemFormSet}
    if request.method != "POST":
        return {prefix: cls(instance=meeting, prefix=prefix) for prefix, cls in kinds.items()}
    adding = request.POST.get(ADD_ROW)
    return {
        prefix: with_another_row(cls, request.POST, prefix, instance=meeting)
        if adding == prefix
        else hide_errors(cls(request.POST, instance=meeting, prefix=prefix))
        if adding
        else cls(request.POST, instance=meeting, prefix=prefix)
        for prefix, cls in kinds.items()
    }


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk=None):
    """Record a new meeting, or edit one, with its attendees and minute items (officers)."""
    if pk is None:
        if not request.user.has_perm("meetings.add_meeting"):
            raise PermissionDenied
        meeting = Meeting(board_id=id_param(request, "board"))
    else:
        meeting = get_meeting_for(request.user, pk, "meetings.change_meeting")
    adding_row = request.method == "POST" and bool(request.POST.get(ADD_ROW))
    if adding_row:  # keep what was typed, without errors: the officer is not done yet
        form = MeetingForm(instance=meeting, initial=request.POST.dict())
    else:
        form = MeetingForm(request.POST or None, instance=meeting)
    formsets = _formsets(request, meeting)
    if request.method == "POST" and not adding_row:
        valid = form.is_valid() and all(fs.is_valid() for fs in formsets.values())
        if valid:
            try:
                with transaction.atomic():
                    if form.instance.pk is not None:
                        check_version(form.instance, form.expected_version)
                    with taken_meanwhile(form.instance):  # its board and day taken meanwhile
                        meeting = form.save()
                    for formset in formsets.values():
                        formset.instance = meeting
                        formset.save()
            except StaleEdit as stale:
                form.refuse_stale(stale)
            except ValidationError as taken:
                add_form_errors(form, taken)
            else:
                messages.success(request, f"{meeting} saved.")
                return redirect(meeting)
    show_errors = request.method == "POST" and not adding_row
    context = {
        "form": form,
        "meeting": meeting,
        "attendees": formsets["attendees"],
        "minutes": formsets["minutes"],
        "show_errors": show_errors,
        "errors": error_links(form, *formsets.values()) if show_errors else [],
    }
    return render(request, "meetings/meeting_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_status(request, pk):
    meeting = get_meeting_for(request.user, pk, "meetings.change_meeting")
    form = MeetingStatusForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                check_version(meeting, form.expected_version)
                form.save()
        except StaleEdit as stale:
            form.refuse_stale(stale)
        else:
            messages.success(request, f"The meeting is now {meeting.get_status_display().lower()}.")
            return redirect(meeting)
    return render(request, "meetings/meeting_status.html", {"form": form, "meeting": meeting})
