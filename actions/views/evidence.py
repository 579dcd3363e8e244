"""Evidence downloads: only after the access check on the action, always as an attachment."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from accounts.access import get_action_for
from actions.models import Action, Evidence


@login_required
def download(request, pk):
    visible = Action.objects.for_user(request.user)
    evidence = get_object_or_404(Evidence.objects.filter(update__action__in=visible), pk=pk)
    get_action_for(request.user, evidence.update.action_id)
    try:
        stored = evidence.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("The file is no longer stored.") from missing
    response = FileResponse(
        stored,
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
