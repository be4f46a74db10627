"""Committee report pages. Thin: access through core.access, work in reports.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render

from core.access import (
    EDITORS,
    get_scoped_or_404,
    may_somewhere,
    require_role,
    role_in,
    scoped,
)
from reports import docx, services
from reports.forms import FrontMatterForm, NewReportForm
from reports.models import CommitteeReport

AUTHORITY = "plan__authority"


def get_report_or_404(user, pk):
    queryset = CommitteeReport.objects.with_context()
    return get_scoped_or_404(queryset, user, authority_field=AUTHORITY, pk=pk)


def get_report_to_edit(user, pk):
    report = get_report_or_404(user, pk)
    require_role(user, report.plan.authority_id, EDITORS)
    return report


@login_required
def report_list(request):
    reports = scoped(CommitteeReport.objects.with_context(), request.user, AUTHORITY)
    return render(request, "reports/committeereport_list.html", {"reports": reports})


@login_required
def report_create(request):
    if not may_somewhere(request.user, EDITORS):
        raise PermissionDenied("Only managers start committee reports.")
    form = NewReportForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        require_role(request.user, form.cleaned_data["plan"].authority_id, EDITORS)
        report = form.save()
        messages.success(request, "The draft report has been created.")
        return redirect("reports:report-detail", pk=report.pk)
    return render(request, "reports/committeereport_form.html", {"form": form})


@login_required
def report_detail(request, pk):
    report = get_report_or_404(request.user, pk)
    context = {
        "object": report,
        "report": services.content_of(report),
        "may_edit": role_in(request.user, report.plan.authority_id) in EDITORS,
    }
    return render(request, "reports/committeereport_detail.html", context)


@login_required
def report_edit(request, pk):
    report = get_report_to_edit(request.user, pk)
    if report.is_final:
        messages.error(request, "A finalised report cannot be changed.")
        return redirect("reports:report-detail", pk=report.pk)
    form = FrontMatterForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        # An unchanged form writes nothing, so the report's history shows only real edits.
        if form.has_changed():
            form.save()
            messages.success(request, "The front matter has been saved.")
        else:
            messages.info(request, "Nothing was changed, so nothing was saved.")
        return redirect("reports:report-detail", pk=report.pk)
    return render(request, "reports/committeereport_form.html", {"form": form, "object": report})


@login_required
def report_finalise(request, pk):
    """GET: what finalising means, with the button; POST: freeze the report."""
    report = get_report_to_edit(request.user, pk)
    if report.is_final:
        messages.error(request, f"“{report}” is already final.")
        return redirect("reports:report-detail", pk=report.pk)
    if request.method != "POST":
        return render(request, "reports/committeereport_finalise.html", {"object": report})
    try:
        services.finalise(report, request.user)
        messages.success(request, "The report is final: it will read the same from now on.")
    except services.AlreadyFinal as error:
        messages.error(request, str(error))
    return redirect("reports:report-detail", pk=report.pk)


@login_required
def report_pdf(request, pk):
    report = get_report_or_404(request.user, pk)
    return download(services.render_pdf(report), "application/pdf", filename(report, "pdf"))


@login_required
def report_docx(request, pk):
    report = get_report_or_404(request.user, pk)
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return download(
        docx.render_docx(services.content_of(report)), content_type, filename(report, "docx")
    )


def filename(report, extension):
    state = "" if report.is_final else "-draft"
    return f"committee-report-{report.pk}-{report.meeting_on:%Y-%m-%d}{state}.{extension}"


def download(data, content_type, name):
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
