"""Workflows on committee reports: content, finalising, the three renderings, and the task that
stores a finalised report's files."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from core.pdf import html_to_pdf
from reports import clearance, docx
from reports.assembly import assemble
from reports.blocks import texts
from reports.models import CommitteeReport
from reports.paper import paper_fetcher
from reports.snapshot import Snapshot, dump, load

PDF_STYLESHEETS = ("css/report-pdf.css",)


# Raised by finalise: the clearance's own (reports.clearance), named here where callers look.
AlreadyFinal, NotCleared = clearance.AlreadyFinal, clearance.NotCleared


def content_of(report) -> Snapshot:
    """The frozen snapshot of a finalised report (of whatever schema it was stored with); live
    data for a draft."""
    return load(report.snapshot) if report.is_final else assemble(report)


def render_html_body(content):
    return render_to_string("reports/_report_body.html", {"report": content})


def render_pdf_html(content, draft=False):
    return render_to_string("reports/report_pdf.html", {"report": content, "draft": draft})


def render_pdf(report):
    """The report as PDF bytes, rendered now (downloads of a finalised report use its file);
    until it is final, "DRAFT" heads every page and its title."""
    content, draft = content_of(report), is_draft(report)
    return html_to_pdf(
        render_pdf_html(content, draft),
        title=pdf_title(content, draft),
        stylesheets=PDF_STYLESHEETS,
        fetcher=paper_fetcher(content),
    )


def render_word(report):
    """The report as a Word file, marked as a draft until final, dated when it was finalised
    (a draft: now)."""
    when = report.finalised_at or timezone.now()
    return docx.render_docx(content_of(report), draft=is_draft(report), when=when)


def is_draft(report):
    """Draft, submitted and cleared papers are all drafts to a reader: only final is final."""
    return not report.is_final


def file_name(report, extension):
    state = "" if report.is_final else f"-{report.status}"
    return f"committee-report-{report.pk}-{report.meeting_on:%Y-%m-%d}{state}.{extension}"


@transaction.atomic
def store_files(report_id):
    """Render a finalised report's missing files into storage, once: the row lock makes a second
    worker wait, and then find the files there."""
    report = (
        CommitteeReport.objects.with_context().select_for_update(of=("self",)).get(pk=report_id)
    )
    if not report.is_final:
        return report
    if not report.pdf_file:
        report.pdf_file.save(file_name(report, "pdf"), ContentFile(render_pdf(report)), save=False)
    if not report.docx_file:
        data = ContentFile(render_word(report))
        report.docx_file.save(file_name(report, "docx"), data, save=False)
    # An update, not save(): storing the files is not a change to the report's record.
    CommitteeReport.objects.filter(pk=report.pk).update(
        pdf_file=report.pdf_file.name, docx_file=report.docx_file.name
    )
    return report


def pdf_title(content, draft=False):
    front = content.front
    title = f"{front.title} – {front.committee}, {front.meeting_on}"
    return f"{docx.DRAFT}: {title}" if draft else title


def plain_text(content):
    """The text every rendering must carry, in reading order."""
    return list(texts(content.blocks))


@transaction.atomic
def finalise(report, user, as_at=None):
    """Freeze what the report shows, so it reads the same after the plan moves on."""
    report = clearance.finalise(report, user, lambda locked: dump(assemble(locked, as_at=as_at)))
    # The files are rendered once, by a worker, after the report is safely final.
    transaction.on_commit(lambda: enqueue_files(report.pk))
    return report


def enqueue_files(report_id):
    render_final_files.enqueue(report_id)


@task()
def render_final_files(report_id):
    """On the tasks worker: render the finalised report's PDF and Word files once and keep them
    in storage."""
    store_files(report_id)
