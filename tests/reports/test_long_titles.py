"""A report's title as long as the model allows (300 characters) goes through every form and
every output: the page, the Word download, and once finalised, both stored files."""

import io

import pikepdf
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse
from docx import Document

from reports import services
from reports.forms import FrontMatterForm, NewReportForm
from reports.models import CommitteeReport
from tests.reports.conftest import cleared

WORDS = "Improvement plan for children in care and care leavers: progress to March 2017. "
MAX = CommitteeReport._meta.get_field("title").max_length
TITLE = (WORDS * 4)[:MAX]


def titled(report):
    CommitteeReport.objects.filter(pk=report.pk).update(title=TITLE)
    return CommitteeReport.objects.with_context().get(pk=report.pk)


def test_the_forms_and_the_admin_allow_what_the_model_allows(manager):
    request = RequestFactory().get("/")
    request.user = manager
    admin_form = admin.site._registry[CommitteeReport].get_form(request)
    for form in (FrontMatterForm, NewReportForm, admin_form):
        assert form.base_fields["title"].max_length == MAX == len(TITLE) == 300


def test_a_drafts_word_download_carries_the_longest_title(gateshead_report, manager):
    report = titled(gateshead_report)
    client = Client()
    client.force_login(manager)
    response = client.get(reverse("reports:report-docx", args=[report.pk]))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    assert TITLE in [paragraph.text for paragraph in document.paragraphs]
    # Word's title property holds 255 characters: the title, cut short with an ellipsis.
    assert len(document.core_properties.title) == 255
    assert document.core_properties.title == f"DRAFT: {TITLE}"[:254] + "…"


def test_once_finalised_both_files_are_stored_with_the_longest_title(
    gateshead_report, manager, django_capture_on_commit_callbacks
):
    report = cleared(titled(gateshead_report), manager)
    with django_capture_on_commit_callbacks(execute=True):
        services.finalise(report, manager)
    stored = CommitteeReport.objects.get(pk=report.pk)
    assert stored.files_ready
    with pikepdf.open(stored.pdf_file.open("rb")) as pdf:
        assert str(pdf.open_metadata().get("dc:title")).startswith(TITLE)
    document = Document(stored.docx_file.open("rb"))
    assert document.core_properties.title.startswith(TITLE[:200])
    assert stored.pdf_file.name.endswith(".pdf")
    assert len(stored.docx_file.name) < 100  # file names are of the report's number and date
