"""Import an action tracker (upload, map the columns, preview, save) and download lists."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from .exports import EXPORTS
from .forms import MappingForm, UploadForm
from .importer import guess_mapping
from .models import PendingImport
from .readers import UnreadableFile, read_sheet
from .services import ImportRefused, check_import, import_actions
from .writers import download


def _require_importer(user) -> None:
    if not user.has_perm("actions.add_action"):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    """Step 1: the file and the meeting. The file's cells are kept on the server (PendingImport)."""
    _require_importer(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            sheet = read_sheet(upload.name, upload.read())
        except UnreadableFile as exc:
            form.add_error("file", str(exc))
        else:
            PendingImport.objects.expired().delete()
            pending = PendingImport.objects.create(
                uploaded_by=request.user,
                meeting=form.cleaned_data["meeting"],
                default_owner=getattr(form.cleaned_data["default_owner"], "short_name", ""),
                filename=upload.name[:100],
                header=sheet.header,
                rows=sheet.rows,
            )
            return redirect("spreadsheets:import_review", pk=pending.pk)
    return render(request, "spreadsheets/import_upload.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def import_review(request, pk):
    """Step 2: map the columns and see the preview; then save every row, or none."""
    _require_importer(request.user)
    pending = PendingImport.objects.live().select_related("meeting__board")
    upload = pending.filter(uploaded_by=request.user, pk=pk).first()
    if upload is None:
        messages.info(request, "Upload the spreadsheet again: uploads are kept for a day.")
        return redirect("spreadsheets:import")
    meeting = upload.meeting
    header = upload.header
    if request.method == "POST":
        form = MappingForm(request.POST, header=header)
    else:
        guessed = {k: "" if v is None else str(v) for k, v in guess_mapping(header).items()}
        form = MappingForm(guessed, header=header)
    default_owner = upload.default_owner
    rows = (
        check_import(meeting, upload.rows, form.mapping(), default_owner) if form.is_valid() else []
    )
    has_errors = any(row.errors for row in rows)
    if request.method == "POST" and "save" in request.POST and form.is_valid() and not has_errors:
        try:
            result = import_actions(
                meeting,
                upload.rows,
                form.mapping(),
                by=request.user,
                filename=upload.filename,
                default_owner=default_owner,
            )
        except ImportRefused:
            messages.error(request, "The actions changed while you were looking: check again.")
        else:
            upload.delete()
            messages.success(
                request,
                f"Imported {upload.filename}: {result.created} created, "
                f"{result.updated} updated, {result.unchanged} unchanged.",
            )
            return redirect(f"{reverse('actions:list')}?meeting={meeting.pk}")
    return render(
        request,
        "spreadsheets/import_review.html",
        {
            "form": form,
            "meeting": meeting,
            "filename": upload.filename,
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
