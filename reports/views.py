"""Committee report pages. Thin: access through reports.permissions, work in reports.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from authorities.access import get_scoped_or_404, scoped
from core.access import check, guarded, require, signed_in
from core.forms import NOTHING_CHANGED
from reports import clearance, services
from reports.assembly import figures_date
from reports.forms import FrontMatterForm, NewReportForm, ReturnToDraftForm
from reports.models import CommitteeReport
from reports.permissions import (
    may_clear,
    may_edit_report,
    may_finalise,
    may_report_on,
    may_return_to_draft,
    may_start_report,
    may_submit,
    readable_reports,
)

AUTHORITY = "plan__authority"


def get_report_or_404(user, pk):
    """The report, if the user may read it: committee members only once it is cleared."""
    queryset = readable_reports(CommitteeReport.objects.with_context(), user)
    return get_scoped_or_404(queryset, user, authority_field=AUTHORITY, pk=pk)


def get_report_to_change(request, pk):
    """The report, if the view's rule allows: 404 to whoever may not read it (a committee member
    and a draft: a 403 would tell them the draft exists), 403 to other roles that may."""
    report = get_report_or_404(request.user, pk)
    require(request, report)
    return report


@login_required
@guarded(signed_in)
def report_list(request):
    readable = readable_reports(CommitteeReport.objects.with_context(), request.user)
    reports = scoped(readable, request.user, AUTHORITY)
    return render(request, "reports/committeereport_list.html", {"reports": reports})


@login_required
@guarded(may_start_report)
def report_create(request):
    form = NewReportForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        check(may_report_on, request.user, form.cleaned_data["plan"])
        report = form.save()
        messages.success(request, "The draft report has been created.")
        return redirect("reports:report-detail", pk=report.pk)
    return render(request, "reports/committeereport_form.html", {"form": form})


@login_required
@guarded(signed_in)
def report_detail(request, pk):
    report = get_report_or_404(request.user, pk)
    context = {"object": report, "report": services.content_of(report)}
    return render(request, "reports/committeereport_detail.html", context)


@login_required
@guarded(may_edit_report)
def report_edit(request, pk):
    report = get_report_to_change(request, pk)
    if not report.is_draft:
        messages.error(
            request,
            f"The report is {report.get_status_display().lower()}: only a draft can be changed.",
        )
        return redirect("reports:report-detail", pk=report.pk)
    form = FrontMatterForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        # An unchanged form writes nothing, so the report's history shows only real edits.
        if form.has_changed():
            form.save()
            messages.success(request, "The front matter has been saved.")
        else:
            messages.info(request, NOTHING_CHANGED)
        return redirect("reports:report-detail", pk=report.pk)
    return render(request, "reports/committeereport_form.html", {"form": form, "object": report})


@login_required
@guarded(may_finalise)
def report_finalise(request, pk):
    """GET: what finalising means, with the button; POST: freeze the report."""
    report = get_report_to_change(request, pk)
    if report.status != report.Status.CLEARED:
        messages.error(
            request,
            f"“{report}” is {report.get_status_display().lower()}: only a cleared report can be finalised.",
        )
        return redirect("reports:report-detail", pk=report.pk)
    if request.method != "POST":
        context = {"object": report, "figures_date": figures_date(report)}
        return render(request, "reports/committeereport_finalise.html", context)
    try:
        services.finalise(report, request.user)
        messages.success(request, "The report is final: it will read the same from now on.")
    except (services.AlreadyFinal, services.NotCleared) as error:
        messages.error(request, str(error))
    return redirect("reports:report-detail", pk=report.pk)


@login_required
@require_POST
@guarded(may_submit)
def report_submit(request, pk):
    return clearance_step(
        request, pk, clearance.submit, "The report has been submitted for clearance."
    )


@login_required
@guarded(may_clear)
def report_clear(request, pk):
    """GET: what clearing means, with the button; POST: clear the report."""
    if request.method == "POST":
        return clearance_step(
            request, pk, clearance.clear, "The report is cleared: committee members can read it."
        )
    report = get_report_to_change(request, pk)
    if report.status != report.Status.SUBMITTED:
        messages.error(
            request,
            f"“{report}” is {report.get_status_display().lower()}: only a report that is "
            "submitted for clearance can be cleared.",
        )
        return redirect("reports:report-detail", pk=report.pk)
    return render(request, "reports/committeereport_clear.html", {"object": report})


@login_required
@guarded(may_return_to_draft)
def report_return(request, pk):
    """GET: why the report goes back to draft; POST: send it back, with the reason."""
    report = get_report_to_change(request, pk)
    if report.status not in (report.Status.SUBMITTED, report.Status.CLEARED):
        messages.error(
            request,
            f"“{report}” is {report.get_status_display().lower()}: only a report that is "
            "submitted for clearance or cleared can be sent back to draft.",
        )
        return redirect("reports:report-detail", pk=report.pk)
    form = ReturnToDraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            clearance.return_to_draft(report, request.user, form.cleaned_data["reason"])
            messages.success(request, "The report is a draft again: it can be edited.")
        except clearance.WrongState as error:
            messages.error(request, str(error))
        return redirect("reports:report-detail", pk=report.pk)
    return render(request, "reports/committeereport_return.html", {"object": report, "form": form})


def clearance_step(request, pk, step, done):
    report = get_report_to_change(request, pk)
    try:
        step(report, request.user)
        messages.success(request, done)
    except clearance.WrongState as error:
        messages.error(request, str(error))
    return redirect("reports:report-detail", pk=report.pk)


PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
@guarded(signed_in)
def report_pdf(request, pk):
    report = get_report_or_404(request.user, pk)
    if report.is_final:
        return stored(request, report, report.pdf_file, PDF)
    return download(services.render_pdf(report), PDF, services.file_name(report, "pdf"))


@login_required
@guarded(signed_in)
def report_docx(request, pk):
    report = get_report_or_404(request.user, pk)
    if report.is_final:
        return stored(request, report, report.docx_file, DOCX)
    return download(services.render_word(report), DOCX, services.file_name(report, "docx"))


def stored(request, report, file, content_type):
    """A finalised report's file from storage; the report page while it is being prepared."""
    if not file:
        messages.info(request, "The report's files are being prepared: try again in a minute.")
        return redirect("reports:report-detail", pk=report.pk)
    name = services.file_name(report, file.name.rsplit(".", 1)[-1])
    return FileResponse(
        file.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )


def download(data, content_type, name):
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
