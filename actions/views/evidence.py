"""Evidence downloads: only after the access check on the action, always as an attachment."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from actions.access import get_action_for
from actions.models import Evidence


@login_required
def download(request, pk):
    evidence = get_object_or_404(Evidence.objects.select_related("update"), pk=pk)
    get_action_for(request.user, evidence.update.action_id)  # 404 unless they may see the action
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
