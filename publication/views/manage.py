"""Officers choose what is published, item by item, with a publication date."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from actions.models import Action
from common.govuk import DateField, GovukForm
from common.lifecycle import IllegalTransition
from common.listing import id_param, paginate
from letters.models import Letter
from letters.workflow import Transition as LetterTransition
from letters.workflow import allowed_transitions
from meetings.models import Meeting
from publication.services import publish, unpublish
from questions.models import PerformanceQuestion

# kind -> (label, queryset, text search fields)
KINDS = {
    "letters": (
        "Letters and responses",
        lambda: Letter.objects.select_related("sender_organisation", "recipient_organisation"),
        ("reference", "subject"),
    ),
    "actions": (
        "Action statuses",
        lambda: Action.objects.select_related("meeting__board", "letter"),
        ("text", "lead"),
    ),
    "questions": (
        "Questions and answers",
        lambda: PerformanceQuestion.objects.select_related("letter", "meeting__board", "put_to"),
        ("text", "letter__reference"),
    ),
}


class PublishForm(GovukForm):
    published_on = DateField(label="Publish from")


def _require_publisher(user) -> None:
    if not user.has_perm("publication.publish"):
        raise PermissionDenied


@login_required
def manage(request):
    _require_publisher(request.user)
    kind = request.GET.get("kind", "letters")
    if kind not in KINDS:
        raise Http404
    label, queryset, fields = KINDS[kind]
    items = queryset()
    text = request.GET.get("q", "").strip()[:200]
    for word in text.split()[:10]:
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": word})
        items = items.filter(condition)
    if request.GET.get("state") == "published":
        items = items.filter(published_on__isnull=False)
    meeting_id = id_param(request, "meeting")
    meeting = "" if meeting_id is None else str(meeting_id)
    if kind != "letters" and meeting_id is not None:
        items = items.filter(meeting_id=meeting_id)
    page, querystring = paginate(request, items.order_by("-published_on", "-pk"))
    for item in page:  # a letter is published only from the statuses its lifecycle allows
        item.publishable = not isinstance(item, Letter) or (
            LetterTransition.PUBLISH in allowed_transitions(item.status)
        )
    return render(
        request,
        "publication/manage.html",
        {
            "kind": kind,
            "kinds": {key: value[0] for key, value in KINDS.items()},
            "label": label,
            "page_obj": page,
            "querystring": querystring,
            "q": text,
            "meeting": meeting,
            "meetings": Meeting.objects.select_related("board") if kind != "letters" else None,
            "today": timezone.localdate(),
            "next": request.get_full_path(),
        },
    )


@login_required
@require_POST
def change(request, kind, pk):
    _require_publisher(request.user)
    if kind not in KINDS:
        raise Http404
    item = get_object_or_404(KINDS[kind][1](), pk=pk)
    try:
        _change(request, item)
    except IllegalTransition as refused:  # the item's lifecycle does not allow it
        messages.error(request, str(refused))
    target = request.POST.get("next", "")
    if not target.startswith("/publication/"):
        target = f"/publication/?kind={kind}"
    return redirect(target)


def _change(request, item) -> None:
    if request.POST.get("action") == "unpublish":
        unpublish(item, by=request.user)
        messages.success(request, f"{_name(item)} is no longer published.")
        return
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter the publication date like 14/11/2022.")
        return
    publish(item, by=request.user, on=form.cleaned_data["published_on"])
    messages.success(
        request,
        f"{_name(item)} is published from {form.cleaned_data['published_on']:%-d %B %Y}.",
    )


def _name(item) -> str:
    if isinstance(item, Letter):
        return item.titled
    if isinstance(item, Action):
        return f"Action {item.number} of {item.source}"
    return f"Question {item.number}"
