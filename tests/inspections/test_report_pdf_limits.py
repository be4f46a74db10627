"""A small PDF that asks the report reader for far more reading than a report could (one 2 MB
text stream drawn on 10 pages: 30 s, then a 500) is refused within a couple of seconds with a
message, by the reader, the admin page and the command."""

import io
import time

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from inspections.admin_views import DRAFT_KEY
from inspections.report_reader import text
from inspections.report_reader.reader import read_report
from inspections.report_reader.text import UnreadablePdf
from tests import factories as f

TEXT = b"BT /F1 12 Tf 72 720 Td (Children's services inspection, again and again) Tj ET\n"


def pdf_of(pages, content, forms=None):
    """A PDF of `pages` pages all drawing the same `content` stream (and `forms`, {name: form
    content}), compressed as a writer would."""
    pdf = pikepdf.new()
    helvetica = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    fonts = pikepdf.Dictionary(F1=helvetica)
    xobjects = pikepdf.Dictionary()
    for name, drawing in (forms or {}).items():
        form = pikepdf.Stream(pdf, drawing)
        form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        form.BBox = [0, 0, 612, 792]
        form.Resources = pikepdf.Dictionary(Font=fonts)
        xobjects[pikepdf.Name("/" + name)] = form
    shared = pdf.make_indirect(pikepdf.Stream(pdf, content))
    for _ in range(pages):
        pdf.add_blank_page()
        pdf.pages[-1].Contents = shared
        pdf.pages[-1].Resources = pikepdf.Dictionary(Font=fonts, XObject=xobjects)
    out = io.BytesIO()
    pdf.save(out, compress_streams=True)
    return out.getvalue()


@pytest.fixture(scope="module")
def shared_stream_pdf():
    data = pdf_of(10, TEXT * (2_000_000 // len(TEXT)))
    assert len(data) < 20_000  # a few kilobytes
    return data


def test_one_huge_stream_drawn_on_ten_pages_is_refused_at_once(shared_stream_pdf):
    started = time.thread_time()
    with pytest.raises(UnreadablePdf) as refused:
        read_report(io.BytesIO(shared_stream_pdf))
    assert time.thread_time() - started < 2
    assert str(refused.value) == (
        "Page 1 of this PDF holds 1.9 MB of text and drawing to read, and the same content is "
        "drawn on 10 pages: far more than a report's page (at most 512 KB), so it was not read: "
        "upload the report as Ofsted published it."
    )


def test_pages_that_together_draw_too_much_are_refused():
    data = pdf_of(10, TEXT * (400_000 // len(TEXT)))  # 0.4 MB a page, within a page's limit
    with pytest.raises(UnreadablePdf, match="hold more than 2.0 MB of text and drawing to read"):
        read_report(io.BytesIO(data))


def test_reading_that_runs_past_its_time_is_stopped(monkeypatch):
    """A form drawn thousands of times by a small page: within the size limits, and stopped by
    the time limit."""
    monkeypatch.setattr(text, "MAX_READING_SECONDS", 0.5)
    data = pdf_of(1, b"/X0 Do\n" * 20_000, forms={"X0": TEXT * 3_000})
    started = time.thread_time()
    with pytest.raises(UnreadablePdf, match=r"took more than 0.5 s, far longer than any report"):
        read_report(io.BytesIO(data))
    assert time.thread_time() - started < 3


@pytest.mark.django_db
def test_the_admin_page_refuses_it_with_the_message(client, shared_stream_pdf):
    client.force_login(f.UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:inspections_inspection_read_report")
    response = client.post(url, {"report": SimpleUploadedFile("report.pdf", shared_stream_pdf)})
    assert response.status_code == 200
    assert "Page 1 of this PDF holds 1.9 MB of text and drawing to read" in (
        response.content.decode()
    )
    assert DRAFT_KEY not in client.session


def test_the_command_refuses_it_with_the_message(tmp_path, shared_stream_pdf):
    path = tmp_path / "report.pdf"
    path.write_bytes(shared_stream_pdf)
    with pytest.raises(CommandError, match="drawn on 10 pages: far more than a report's page"):
        call_command("read_report_pdf", str(path))
