"""Pages of the plan's workbook: export, and import in steps (upload, columns, preview, confirm).

The uploaded file is kept in the database (WorkbookUpload) between the steps. The upload is
checked against the workbook limits on the request (improvement.workbook_check, streaming) and
read once on the tasks worker into the upload's tables, which the columns and preview steps and
the import read; so no step depends on one server process's memory, and none reads the file again.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from authorities.access import get_scoped_or_404
from authorities.models import Membership
from core.access import guarded, require, signed_in
from improvement import workbook_import
from improvement.models import ImportStatus, ImprovementPlan, ReadStatus, WorkbookUpload
from improvement.permissions import may_edit_plan, may_set_reminders
from improvement.reminders import set_reminder_choices
from improvement.tasks import queue_import, queue_read
from improvement.workbook_export import plan_workbook
from improvement.workbook_fields import guess_mapping
from improvement.workbook_forms import (
    ColumnMappingForm,
    ImportConfirmForm,
    ReminderSettingsForm,
    WorkbookUploadForm,
)
from improvement.workbook_read import cell_text, from_json

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@guarded(signed_in)
def plan_xlsx(request, pk):
    plan = get_scoped_or_404(ImprovementPlan.objects.all(), request.user, pk=pk)
    response = HttpResponse(plan_workbook(plan), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.pk}.xlsx"'
    return response


def plan_for_editor(request, pk):
    plan = get_scoped_or_404(ImprovementPlan.objects.all(), request.user, pk=pk)
    require(request, plan)
    return plan


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_plan)
def workbook_upload(request, pk):
    plan = plan_for_editor(request, pk)
    form = WorkbookUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["workbook"]
        stored = WorkbookUpload.objects.create(
            plan=plan, uploaded_by=request.user, file_name=upload.name, content=upload.content
        )
        queue_read(stored)
        return redirect("improvement:workbook_columns", pk=plan.pk, upload_pk=stored.pk)
    return render(request, "improvement/workbook_upload.html", {"plan": plan, "form": form})


def headers_of(tables):
    """Every header of every sheet, once each, in the order they first appear."""
    seen = {}
    for _, headers, _ in tables:
        seen.update((h, None) for h in headers if h and h not in seen)
    return list(seen)


def samples_of(tables, count=2):
    """{header: the first `count` different values of its column, as text}, from every sheet:
    shown beside each column so the person can check what it holds."""
    samples = {}
    for _, headers, body in tables:
        for _, values in body:
            for header, value in zip(headers, values, strict=False):
                text = sample_text(value)
                found = samples.setdefault(header, [])
                if text and text not in found and len(found) < count:
                    found.append(text)
    return samples


def sample_text(value, limit=60):
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    text = " ".join(cell_text(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unread(request, plan, upload):
    """Until the worker has read the upload, the page that says so (or why it could not be
    read); None once it is read."""
    queue_read(upload)  # an upload from before workbooks were read on the worker
    if upload.read_status == ReadStatus.READ:
        return None
    context = {"plan": plan, "upload": upload, "Status": ReadStatus}
    return render(request, "improvement/workbook_reading.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_plan)
def workbook_columns(request, pk, upload_pk):
    plan = plan_for_editor(request, pk)
    upload = get_object_or_404(plan.workbook_uploads, pk=upload_pk)
    if upload.status:  # confirmed: its columns are settled
        return redirect("improvement:workbook_status", pk=plan.pk, upload_pk=upload.pk)
    if waiting := unread(request, plan, upload):
        return waiting
    tables = from_json(upload.tables)
    headers = headers_of(tables)
    form = ColumnMappingForm(
        request.POST or None,
        headers=headers,
        initial_mapping=upload.mapping or guess_mapping(headers),
        samples=samples_of(tables),
    )
    if request.method == "POST" and form.is_valid():
        upload.mapping = form.mapping()
        upload.save(update_fields=["mapping"])
        return redirect("improvement:workbook_preview", pk=plan.pk, upload_pk=upload.pk)
    context = {"plan": plan, "upload": upload, "form": form}
    return render(request, "improvement/workbook_columns.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_plan)
def workbook_preview(request, pk, upload_pk):
    plan = plan_for_editor(request, pk)
    upload = get_object_or_404(plan.workbook_uploads, pk=upload_pk)
    if upload.status:
        return redirect("improvement:workbook_status", pk=plan.pk, upload_pk=upload.pk)
    if not upload.mapping:
        return redirect("improvement:workbook_columns", pk=plan.pk, upload_pk=upload.pk)
    if waiting := unread(request, plan, upload):
        return waiting
    result = workbook_import.preview(plan, from_json(upload.tables), upload.mapping)
    # Bound on every POST: with the box unticked and no reason the browser sends no field at all.
    data = request.POST if request.method == "POST" else None
    form = ImportConfirmForm(data, result=result)
    if request.method == "POST" and not result.blocking and form.is_valid():
        reason = form.cleaned_data.get("due_date_reason", "")
        queue_import(upload, request.user, reason, result.emptied_keys())
        return redirect("improvement:workbook_status", pk=plan.pk, upload_pk=upload.pk)
    context = {"plan": plan, "upload": upload, "result": result, "form": form}
    context.update({outcome: result.count(outcome) for outcome in ("new", "changed", "unchanged")})
    return render(request, "improvement/workbook_preview.html", context)


@login_required
@guarded(may_edit_plan)
def workbook_status(request, pk, upload_pk):
    """Where a confirmed import stands: waiting, importing, imported (with counts) or not."""
    plan = plan_for_editor(request, pk)
    upload = get_object_or_404(plan.workbook_uploads.select_related("imported_by"), pk=upload_pk)
    if not upload.status:
        return redirect("improvement:workbook_preview", pk=plan.pk, upload_pk=upload.pk)
    context = {"plan": plan, "upload": upload, "Status": ImportStatus}
    return render(request, "improvement/workbook_status.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_set_reminders)
def reminder_settings(request):
    # A partner gets no reminders: their memberships as partners have nothing to turn off.
    memberships = (
        Membership.objects.filter(user=request.user)
        .exclude(role=Membership.Role.PARTNER)
        .select_related("authority")
    )
    # Bound on every POST: with every box unticked the browser sends no field at all.
    data = request.POST if request.method == "POST" else None
    form = ReminderSettingsForm(data, memberships=memberships)
    if request.method == "POST" and form.is_valid():
        set_reminder_choices(form.memberships, form.choices())
        messages.success(request, "Your reminder settings were saved.")
        return redirect("improvement:reminder_settings")
    return render(request, "improvement/reminder_settings.html", {"form": form})
