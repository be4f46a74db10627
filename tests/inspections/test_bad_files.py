"""Files that used to crash the Ofsted readers now get a message naming the problem."""

import io
import zlib
from pathlib import Path

import pikepdf
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader, PdfWriter

from inspections.importers.national import import_national
from inspections.importers.tables import ImportFailed
from inspections.report_reader.reader import read_report
from inspections.report_reader.text import UnreadablePdf
from tests import factories as f

DATA = Path(__file__).resolve().parent.parent / "data" / "ofsted"
SUTTON_ILACS = DATA / "sutton_ilacs_2025-07-29.pdf"
REFERENCE = Path(settings.BASE_DIR) / "fixtures" / "ofsted" / "la_reference_england.csv"


def encrypted(path, user_password):
    """The report as a publisher might lock it: AES-256, opened with `user_password`."""
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    out.seek(0)
    return out


def test_an_aes_encrypted_report_that_opens_without_a_password_is_read():
    plain = read_report(SUTTON_ILACS)
    reading = read_report(encrypted(SUTTON_ILACS, user_password=""))
    assert reading.framework == plain.framework
    assert reading.published_on == plain.published_on
    assert len(reading.recommendations) == len(plain.recommendations) > 0


def test_a_report_locked_with_a_password_is_refused_politely():
    with pytest.raises(UnreadablePdf, match="encrypted and cannot be opened without its password"):
        read_report(encrypted(SUTTON_ILACS, user_password="secret"))


def test_a_decompression_bomb_is_refused_not_unpacked():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    # 80 MB of spaces in about 80 KB: more than pypdf's 75 MB limit for one stream.
    bomb = pikepdf.Stream(pdf, b"")
    bomb.write(zlib.compress(b" " * 80_000_000, 9), filter=pikepdf.Name.FlateDecode)
    pdf.pages[0].Contents = bomb
    helvetica = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    pdf.pages[0].Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=helvetica))
    out = io.BytesIO()
    pdf.save(out)
    assert out.tell() < 1_000_000
    out.seek(0)
    with pytest.raises(UnreadablePdf, match="unpacks to far more than a report could hold"):
        read_report(out)


@pytest.mark.django_db
def test_a_national_table_that_is_not_utf8_names_the_file_and_line():
    text = (DATA / "history_good_sample.csv").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    lines[2] = lines[2].replace("Gateshead", "Gateshead Métropolitain", 1)
    history = SimpleUploadedFile("history_excel.csv", "".join(lines).encode("cp1252"))
    with pytest.raises(ImportFailed) as failure:
        import_national(REFERENCE, history)
    assert failure.value.errors == [
        "history_excel.csv, line 3: this file is not UTF-8 text (byte 0xE9). "
        "Save it again as “CSV UTF-8” and upload it again."
    ]


@pytest.mark.django_db
def test_the_admin_page_shows_which_file_and_line_is_not_utf8(client):
    client.force_login(f.UserFactory(is_staff=True, is_superuser=True))
    history = (DATA / "history_good_sample.csv").read_text(encoding="utf-8")
    response = client.post(
        reverse("admin:inspections_inspection_import_national"),
        {
            "authorities": SimpleUploadedFile("authorities.csv", REFERENCE.read_bytes()),
            "history": SimpleUploadedFile(
                "history.csv", history.replace("Gateshead", "Gâteshead", 1).encode("latin-1")
            ),
            "dry_run": "on",
        },
    )
    assert response.status_code == 200
    assert "history.csv, line 2: this file is not UTF-8 text (byte 0xE2)" in (
        response.content.decode()
    )
