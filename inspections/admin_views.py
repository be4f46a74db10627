"""Admin pages, linked from the inspection list: upload the national tables, read a report PDF.

Both reach the same functions as the management commands. Staff only (the admin site's own
check), and only for admins who may add inspections.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from authorities.access import administered_by
from inspections.forms import DraftReviewForm, NationalImportForm, ReportUploadForm
from inspections.importers.national import import_national
from inspections.importers.tables import ImportFailed
from inspections.report_reader.draft import make_draft, save_draft
from inspections.report_reader.reader import read_report
from inspections.report_reader.text import UnreadablePdf

DRAFT_KEY = "inspections:report-draft"


def _context(model_admin, request, title, **extra):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        **extra,
    }


def _require_add(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied


def import_national_view(model_admin, request):
    _require_add(model_admin, request)
    if not request.user.is_superuser:  # the national tables touch every authority
        raise PermissionDenied
    form = NationalImportForm(request.POST or None, request.FILES or None)
    changes, errors = None, []
    if request.method == "POST" and form.is_valid():
        try:
            changes = import_national(
                form.cleaned_data["authorities"],
                form.cleaned_data["history"],
                dry_run=form.cleaned_data["dry_run"],
            )
        except ImportFailed as failure:
            errors = failure.errors
        if changes and not form.cleaned_data["dry_run"]:
            messages.success(request, "Imported. " + "; ".join(changes.summary()))
            return redirect("admin:inspections_inspection_changelist")
    context = _context(
        model_admin,
        request,
        "Import Ofsted's national tables",
        form=form,
        changes=changes,
        errors=errors,
    )
    return TemplateResponse(request, "admin/inspections/import_national.html", context)


def read_report_view(model_admin, request):
    _require_add(model_admin, request)
    form = ReportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["report"]
        try:
            reading = read_report(upload)
        except UnreadablePdf as error:
            form.add_error("report", str(error))
        else:
            request.session[DRAFT_KEY] = make_draft(reading, file_name=upload.name)
            return redirect("admin:inspections_inspection_review_report")
    context = _context(model_admin, request, "Read an inspection from its report", form=form)
    return TemplateResponse(request, "admin/inspections/read_report.html", context)


def review_report_view(model_admin, request):
    _require_add(model_admin, request)
    draft = request.session.get(DRAFT_KEY)
    if draft is None:
        messages.warning(request, "Upload a report first.")
        return redirect("admin:inspections_inspection_read_report")
    form = DraftReviewForm(draft, request.POST or None)
    form.fields["authority"].queryset = administered_by(request.user)
    if request.method == "POST" and form.is_valid():
        try:
            inspection = save_draft(draft, **form.chosen())
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            del request.session[DRAFT_KEY]
            messages.success(request, f"Saved {inspection} from {draft['file_name']}.")
            return redirect(reverse("admin:inspections_inspection_change", args=[inspection.pk]))
    context = _context(
        model_admin,
        request,
        "Check what was read, then save it",
        form=form,
        draft=draft,
        recommendations=_grouped(draft["recommendations"]),
    )
    return TemplateResponse(request, "admin/inspections/review_report.html", context)


def _grouped(recommendations):
    """[(heading, [recommendation])] in the report's order."""
    groups = []
    for item in recommendations:
        to = "the LSCB" if item["addressed_to"] == "lscb" else "the local authority"
        heading = f"{item['section']} (to {to})"
        if not groups or groups[-1][0] != heading:
            groups.append((heading, []))
        groups[-1][1].append(item)
    return groups
