"""Import an action tracker (upload, map the columns, preview, save) and download lists."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from meetings.models import Meeting

from .exports import EXPORTS
from .forms import MappingForm, UploadForm
from .importer import guess_mapping
from .readers import UnreadableFile, read_sheet
from .services import ImportRefused, check_import, import_actions
from .writers import download

SESSION_KEY = "spreadsheet_import"


def _require_importer(user) -> None:
    if not user.has_perm("actions.add_action"):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    """Step 1: the file and the meeting. The file's cells are kept in the session."""
    _require_importer(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            sheet = read_sheet(upload.name, upload.read())
        except UnreadableFile as exc:
            form.add_error("file", str(exc))
        else:
            request.session[SESSION_KEY] = {
                "meeting": form.cleaned_data["meeting"].pk,
                "default_owner": getattr(form.cleaned_data["default_owner"], "short_name", ""),
                "filename": upload.name[:100],
                "header": sheet.header,
                "rows": sheet.rows,
            }
            return redirect("spreadsheets:import_review")
    return render(request, "spreadsheets/import_upload.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def import_review(request):
    """Step 2: map the columns and see the preview; then save every row, or none."""
    _require_importer(request.user)
    upload = request.session.get(SESSION_KEY)
    if not upload:
        messages.info(request, "Upload a spreadsheet first.")
        return redirect("spreadsheets:import")
    meeting = get_object_or_404(Meeting.objects.select_related("board"), pk=upload["meeting"])
    header = upload["header"]
    if request.method == "POST":
        form = MappingForm(request.POST, header=header)
    else:
        guessed = {k: "" if v is None else str(v) for k, v in guess_mapping(header).items()}
        form = MappingForm(guessed, header=header)
    default_owner = upload.get("default_owner", "")
    rows = (
        check_import(meeting, upload["rows"], form.mapping(), default_owner)
        if form.is_valid()
        else []
    )
    has_errors = any(row.errors for row in rows)
    if request.method == "POST" and "save" in request.POST and form.is_valid() and not has_errors:
        try:
            result = import_actions(
                meeting,
                upload["rows"],
                form.mapping(),
                by=request.user,
                filename=upload["filename"],
                default_owner=default_owner,
            )
        except ImportRefused:
            messages.error(request, "The actions changed while you were looking: check again.")
        else:
            del request.session[SESSION_KEY]
            messages.success(
                request,
                f"Imported {upload['filename']}: {result.created} created, "
                f"{result.updated} updated, {result.unchanged} unchanged.",
            )
            return redirect(f"{reverse('actions:list')}?meeting={meeting.pk}")
    return render(
        request,
        "spreadsheets/import_review.html",
        {
            "form": form,
            "meeting": meeting,
            "filename": upload["filename"],
            "rows": rows,
            "error_count": sum(bool(row.errors) for row in rows),
            "counts": {
                o: sum(r.outcome == o for r in rows) for o in ("create", "update", "unchanged")
            },
        },
    )


@login_required
def export(request, kind, fmt):
    """A filtered list as .xlsx or .csv: the same filters (GET parameters) as its list page."""
    spec = EXPORTS.get(kind)
    if spec is None or fmt not in ("xlsx", "csv"):
        raise Http404
    rows = spec.rows(request.user, request.GET)
    return download(kind, fmt, spec.columns, rows, spec.date_columns)
