"""Workflows on committee reports: content, finalising, and the three renderings."""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.pdf import html_to_pdf
from reports.assembly import assemble
from reports.blocks import texts
from reports.paper import paper_fetcher
from reports.snapshot import upgrade

PDF_STYLESHEETS = ("css/report-pdf.css",)


class AlreadyFinal(Exception):
    pass


def content_of(report):
    """The frozen snapshot of a finalised report; live data for a draft."""
    return upgrade(report.snapshot) if report.is_final else assemble(report)


def render_html_body(content):
    return render_to_string("reports/_report_body.html", {"report": content})


def render_pdf_html(content):
    return render_to_string("reports/report_pdf.html", {"report": content})


def render_pdf(report):
    """The report as PDF bytes: stored once for a finalised report, fresh for a draft."""
    if report.is_final and report.pdf:
        return bytes(report.pdf)
    content = content_of(report)
    pdf = html_to_pdf(
        render_pdf_html(content),
        title=pdf_title(content),
        stylesheets=PDF_STYLESHEETS,
        fetcher=paper_fetcher(content),
    )
    if report.is_final:
        type(report).objects.filter(pk=report.pk, pdf__isnull=True).update(pdf=pdf)
        report.pdf = pdf
    return pdf


def pdf_title(content):
    front = content["front"]
    return f"{front['title']} – {front['committee']}, {front['meeting_on']}"


def plain_text(content):
    """The text every rendering must carry, in reading order."""
    return list(texts(content["blocks"]))


@transaction.atomic
def finalise(report, user, as_at=None):
    """Freeze what the report shows, so it reads the same after the plan moves on."""
    report = type(report).objects.select_for_update().get(pk=report.pk)
    if report.is_final:
        raise AlreadyFinal(f"“{report}” is already final.")
    report.snapshot = assemble(report, as_at=as_at)
    report.status = report.Status.FINAL
    report.finalised_at = timezone.now()
    report.finalised_by = user if user and user.is_authenticated else None
    report.pdf = None
    report.save()
    return report
