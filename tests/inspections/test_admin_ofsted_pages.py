"""The admin's Ofsted pages: upload the national tables, read a report PDF, review and save it."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from authorities.models import LocalAuthority, Membership
from inspections.admin_views import DRAFT_KEY
from inspections.models import Inspection
from tests import factories as f
from tests.access import date_data

DATA = Path(__file__).resolve().parent.parent / "data" / "ofsted"
FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "ofsted"
IMPORT = reverse("admin:inspections_inspection_import_national")
READ = reverse("admin:inspections_inspection_read_report")
REVIEW = reverse("admin:inspections_inspection_review_report")


def upload(path, name=None):
    return SimpleUploadedFile(name or path.name, path.read_bytes())


@pytest.fixture
def admin_client(client, db):
    client.force_login(f.UserFactory(is_staff=True, is_superuser=True))
    return client


def tables(history="la_inspection_history.csv", dry_run=False):
    history_path = FIXTURES / history if (FIXTURES / history).exists() else DATA / history
    data = {
        "authorities": upload(FIXTURES / "la_reference_england.csv"),
        "history": upload(history_path),
    }
    if dry_run:
        data["dry_run"] = "on"
    return data


def test_the_inspection_list_links_to_both_pages(admin_client):
    page = admin_client.get(reverse("admin:inspections_inspection_changelist")).content.decode()
    assert IMPORT in page
    assert READ in page


def test_a_non_staff_member_is_sent_to_the_admin_login(client, db):
    client.force_login(f.member(f.LocalAuthorityFactory(), Membership.Role.MANAGER))
    for url in (IMPORT, READ, REVIEW):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_uploading_the_tables_imports_them(admin_client):
    response = admin_client.post(IMPORT, tables())
    assert response.status_code == 302
    assert LocalAuthority.objects.current().count() == 153
    assert Inspection.objects.filter(authority__ons_code="E08000037").count() == 4


def test_a_dry_run_upload_shows_the_changes_and_writes_nothing(admin_client):
    before = Inspection.objects.count()
    response = admin_client.post(IMPORT, tables(dry_run=True))
    assert response.status_code == 200
    assert "Dry run: nothing was written" in response.content.decode()
    assert Inspection.objects.count() == before


def test_a_bad_table_lists_every_error_and_writes_nothing(admin_client):
    before = LocalAuthority.objects.count()
    response = admin_client.post(IMPORT, tables("history_two_bad_rows.csv"))
    text = response.content.decode()
    assert "history_two_bad_rows.csv, row 3, column ilacs_help_and_protection" in text
    assert "history_two_bad_rows.csv, row 6, column publication_date" in text
    assert LocalAuthority.objects.count() == before


def test_a_file_that_is_not_a_pdf_is_refused(admin_client):
    response = admin_client.post(READ, {"report": SimpleUploadedFile("report.pdf", b"hello")})
    assert "is not a PDF file" in response.content.decode()
    assert DRAFT_KEY not in admin_client.session


def test_a_report_is_read_reviewed_with_its_flags_and_saved(admin_client):
    call_command("loaddata", "authorities", verbosity=0)
    response = admin_client.post(READ, {"report": upload(DATA / "sutton_ilacs_2025-07-29.pdf")})
    assert response.status_code == 302
    review = admin_client.get(REVIEW)
    text = review.content.decode()
    assert "The report does not print its publication date" in text
    assert "What needs to improve (to the local authority)" in text
    form = review.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    for name in ("started_on", "ended_on", "published_on"):  # day, month and year boxes
        data.update(date_data(name, data.pop(name) or None))
    data["authority"] = form.initial["authority"]
    data["framework"] = "ilacs-2023"
    data.update(kind="standard", **date_data("published_on", datetime.date(2025, 7, 29)))
    saved = admin_client.post(REVIEW, data)
    assert saved.status_code == 302
    inspection = Inspection.objects.get(authority__ons_code="E09000029")
    assert inspection.published_on.isoformat() == "2025-07-29"
    assert inspection.judgements.count() == 4
    assert inspection.recommendations.count() == 3
    assert DRAFT_KEY not in admin_client.session


def test_the_review_refuses_what_is_missing_and_saves_nothing(admin_client):
    call_command("loaddata", "authorities", verbosity=0)
    admin_client.post(READ, {"report": upload(DATA / "sutton_ilacs_2025-07-29.pdf")})
    form = admin_client.get(REVIEW).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(authority=form.initial["authority"], framework="ilacs-2023", ended_on="2025-06-01")
    response = admin_client.post(REVIEW, data)
    assert response.status_code == 200
    assert not Inspection.objects.exists()
    assert response.context["form"].errors


def test_staff_who_may_not_add_inspections_are_refused(client, db):
    client.force_login(f.UserFactory(is_staff=True))
    for url in (IMPORT, READ, REVIEW):
        assert client.get(url).status_code == 403
