"""Importing audit results from a workbook, in two steps: upload (checked and read at once),
then the preview with every problem, confirmed to import. The sheets as read are kept on an
AuditUpload between the steps, so any server process carries on the import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.views.decorators.http import require_http_methods

from audits import tasks, workbook
from audits.forms import AuditWorkbookForm, ImportConfirmForm
from audits.models import AuditUpload
from audits.permissions import may_record_audit
from audits.views import authority_for
from core.access import guarded, require
from improvement.workbook_check import NotAWorkbook
from improvement.workbook_read import from_json


def _authority(request, authority_pk):
    authority = authority_for(request, authority_pk)
    require(request, authority)
    return authority


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_record_audit)
def upload(request, authority_pk):
    authority = _authority(request, authority_pk)
    form = AuditWorkbookForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        sent = form.cleaned_data["workbook"]
        try:
            tables = workbook.read_upload(sent.content, sent.name)
        except NotAWorkbook as error:
            form.add_error("workbook", str(error))
        else:
            tasks.clear_stale_uploads()
            kept = AuditUpload.objects.create(
                authority=authority, uploaded_by=request.user, file_name=sent.name, tables=tables
            )
            return redirect("audits:import-preview", authority_pk=authority.pk, upload_pk=kept.pk)
    return render(request, "audits/import_upload.html", {"authority": authority, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_record_audit)
def preview(request, authority_pk, upload_pk):
    authority = _authority(request, authority_pk)
    # Another person's upload is theirs to import: it may hold what the import warns of.
    kept = get_object_or_404(
        AuditUpload.objects.filter(authority=authority, uploaded_by=request.user), pk=upload_pk
    )
    if kept.imported_at:
        context = {"authority": authority, "upload": kept}
        return render(request, "audits/import_done.html", context)
    result = workbook.preview(authority, from_json(kept.tables or []))
    data = request.POST if request.method == "POST" else None
    form = ImportConfirmForm(data, warned_rows=result.warned)
    if request.method == "POST" and not result.blocking and form.is_valid():
        count = workbook.apply(kept, result, request.user)
        if count is not None:
            messages.success(request, f"{count} audit result{pluralize(count)} recorded.")
        return redirect("audits:import-preview", authority_pk=authority.pk, upload_pk=kept.pk)
    context = {"authority": authority, "upload": kept, "result": result, "form": form}
    return render(request, "audits/import_preview.html", context)
