"""The reminders page: what was sent, what failed and what is waiting, for officers and admins."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from actions.models import Action
from common.govuk import GovukForm
from common.listing import paginate
from questions.models import PerformanceQuestion

from .models import MAX_ATTEMPTS, Reminder

ANY = [("", "Any")]


class ReminderFilter(GovukForm):
    status = forms.ChoiceField(choices=ANY + Reminder.Status.choices, required=False)
    kind = forms.ChoiceField(choices=ANY + Reminder.Kind.choices, required=False)
    action = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    question = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


@login_required
def reminder_list(request):
    """All reminders, newest first, filtered by status, kind and item (?action= or ?question=)."""
    if not request.user.is_officer:
        raise PermissionDenied
    form = ReminderFilter(request.GET)
    reminders = Reminder.objects.select_related(
        "recipient",
        "action__meeting__board",
        "action__letter",
        "question__meeting__board",
        "question__letter",
    )
    item, noun = None, ""
    if form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            item = get_object_or_404(Action.objects.for_user(request.user), pk=data["action"])
            reminders, noun = reminders.filter(action=item), "Action"
        elif data["question"]:
            visible = PerformanceQuestion.objects.for_user(request.user)
            item = get_object_or_404(visible, pk=data["question"])
            reminders, noun = reminders.filter(question=item), "Question"
        counts = reminders.aggregate(
            **{status: Count("pk", filter=Q(status=status)) for status in Reminder.Status.values}
        )
        reminders = reminders.filter(
            **{name: data[name] for name in ("status", "kind") if data[name]}
        )
    else:
        counts = {}
        reminders = reminders.none()
    page, querystring = paginate(request, reminders)
    return render(
        request,
        "reminders/reminder_list.html",
        {
            "form": form,
            "item": item,
            "noun": noun,
            "counts": [(label, counts.get(value, 0)) for value, label in Reminder.Status.choices],
            "page_obj": page,
            "querystring": querystring,
            "max_attempts": MAX_ATTEMPTS,
        },
    )
