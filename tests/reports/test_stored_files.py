"""A finalised report's PDF and Word are rendered once, by a task after finalising, kept in
storage and served from there; until then the report page says they are being prepared."""

from django.test import Client
from django.urls import reverse

from reports import services
from reports.models import CommitteeReport
from tests.reports.conftest import cleared


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def url(name, report):
    return reverse(f"reports:{name}", kwargs={"pk": report.pk})


class Counting:
    """Wraps a renderer and counts its calls."""

    def __init__(self, render):
        self.render, self.calls = render, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.render(*args, **kwargs)


def counted(monkeypatch):
    pdf, word = Counting(services.html_to_pdf), Counting(services.docx.render_docx)
    monkeypatch.setattr(services, "html_to_pdf", pdf)
    monkeypatch.setattr(services.docx, "render_docx", word)
    return pdf, word


def test_finalising_renders_the_files_once_after_commit_into_storage(
    gateshead_report, manager, monkeypatch, django_capture_on_commit_callbacks
):
    pdf, word = counted(monkeypatch)
    report = cleared(gateshead_report, manager)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.finalise(report, manager)
        assert (pdf.calls, word.calls) == (0, 0)  # nothing is rendered inside the transaction
    assert len(callbacks) == 1
    stored = CommitteeReport.objects.get(pk=report.pk)
    assert stored.files_ready
    assert stored.pdf_file.read().startswith(b"%PDF-")
    assert stored.docx_file.name.endswith(".docx")
    assert (pdf.calls, word.calls) == (1, 1)
    services.store_files(report.pk)  # a second run of the task finds them stored
    assert (pdf.calls, word.calls) == (1, 1)


def test_downloads_serve_the_stored_files_without_rendering_again(
    gateshead_report, manager, councillor, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.finalise(cleared(gateshead_report, manager), manager)
    stored = CommitteeReport.objects.get(pk=gateshead_report.pk)
    pdf, word = counted(monkeypatch)
    client = client_for(councillor)
    response = client.get(url("report-pdf", stored))
    assert b"".join(response.streaming_content) == stored.pdf_file.open("rb").read()
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="committee-report-100-2017-03-01.pdf"' in response["Content-Disposition"]
    word_response = client.get(url("report-docx", stored))
    assert b"".join(word_response.streaming_content).startswith(b"PK")
    assert (pdf.calls, word.calls) == (0, 0)
    page = client.get(url("report-detail", stored)).content.decode()
    assert "being prepared" not in page


def test_until_the_files_are_stored_the_page_says_they_are_being_prepared(
    gateshead_report, manager, councillor, monkeypatch
):
    # Without running the on-commit callbacks, the task has not run yet.
    services.finalise(cleared(gateshead_report, manager), manager)
    pdf, word = counted(monkeypatch)
    client = client_for(councillor)
    page = client.get(url("report-detail", gateshead_report)).content.decode()
    assert (
        '<div class="govuk-inset-text">The PDF and Word files of this report are being prepared'
        in page
    )
    assert url("report-pdf", gateshead_report) not in page
    response = client.get(url("report-pdf", gateshead_report))
    assert response["Location"] == url("report-detail", gateshead_report)
    assert (pdf.calls, word.calls) == (0, 0)


def test_a_draft_is_rendered_fresh_on_each_download(gateshead_report, officer, monkeypatch):
    pdf, word = counted(monkeypatch)
    client = client_for(officer)
    client.get(url("report-pdf", gateshead_report))
    client.get(url("report-pdf", gateshead_report))
    client.get(url("report-docx", gateshead_report))
    assert (pdf.calls, word.calls) == (2, 1)
    assert not CommitteeReport.objects.get(pk=gateshead_report.pk).pdf_file
