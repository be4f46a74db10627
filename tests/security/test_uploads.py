"""Uploads are judged by content, and a body over the limit is refused before it is read."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from inspections.admin_views import DRAFT_KEY
from tests import factories as f
from tests.access import build_side

DATA = Path(__file__).resolve().parent.parent / "data" / "ofsted"
PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    return build_side("Gateshead", 1)


def post_update(client, action, upload):
    return client.post(
        reverse("improvement:add_update", args=[action.pk]),
        {
            "rag": "green",
            "narrative": "Done.",
            "evidence_description": "Audit",
            "evidence_file": upload,
        },
    )


def test_a_web_page_named_pdf_is_refused_as_evidence(client, side):
    client.force_login(side.officer)
    response = post_update(client, side.action, SimpleUploadedFile("audit.pdf", PAGE))
    assert response.status_code == 200
    assert "“audit.pdf” is not a PDF file: its content is a web page" in response.content.decode()
    assert side.action.updates.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("chart.png", b"%PDF-1.7 not an image", "PNG image"), ("notes.txt", PAGE, "text file")],
)
def test_evidence_whose_content_is_another_kind_is_refused(client, side, name, content, kind):
    client.force_login(side.officer)
    response = post_update(client, side.action, SimpleUploadedFile(name, content))
    assert f"“{name}” is not a {kind}" in response.content.decode()
    assert side.action.updates.count() == 1


def test_a_real_pdf_is_accepted_as_evidence(client, side):
    client.force_login(side.officer)
    report = (DATA / "halton_sif_2015-02-03.pdf").read_bytes()
    response = post_update(client, side.action, SimpleUploadedFile("ofsted.pdf", report))
    assert response.status_code == 302
    assert side.action.updates.count() == 2


def test_a_web_page_named_pdf_is_refused_by_the_report_reader(client):
    client.force_login(f.UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:inspections_inspection_read_report")
    response = client.post(url, {"report": SimpleUploadedFile("report.pdf", PAGE)})
    assert "“report.pdf” is not a PDF file: its content is a web page" in response.content.decode()
    assert DRAFT_KEY not in client.session


def test_a_web_page_named_csv_is_refused_by_the_national_import(client):
    client.force_login(f.UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:inspections_inspection_import_national")
    page = SimpleUploadedFile("authorities.csv", PAGE)
    history = SimpleUploadedFile("history.csv", (DATA / "history_good_sample.csv").read_bytes())
    response = client.post(url, {"authorities": page, "history": history, "dry_run": "on"})
    assert "“authorities.csv” is not a CSV file: its content is a web page" in (
        response.content.decode()
    )


@override_settings(UPLOAD_MAX_MB=1)
def test_a_body_over_the_limit_is_refused_with_413_before_it_is_read(client, side):
    client.force_login(side.officer)
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * (1024 * 1024))
    response = post_update(client, side.action, big)
    assert response.status_code == 413
    page = response.content.decode()
    assert "The file is too large" in page
    assert "larger than 1 MB" in page
    assert "govuk-template" in page
    assert side.action.updates.count() == 1
