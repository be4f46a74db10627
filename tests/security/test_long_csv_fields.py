"""A CSV field longer than the csv module reads (131,072 characters) in a DfE tidy file or an
Ofsted national table is refused naming the file, row and column, through the management
commands and the admin's uploads alike; never a 500, nothing written."""

import csv
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from core.csvfiles import CSVRecordError, records
from indicators.models import Indicator, IndicatorValue
from inspections.models import Inspection
from tests import factories as f

pytestmark = pytest.mark.django_db

TESTS = Path(__file__).resolve().parents[1]
DFE = TESTS / "data" / "dfe" / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
OFSTED = TESTS / "data" / "ofsted" / "history_good_sample.csv"
REFERENCE = TESTS.parent / "fixtures" / "ofsted" / "la_reference_england.csv"
LONG = "x" * (csv.field_size_limit() + 10)
TOO_LONG = "a value longer than 131,072 characters"


def with_long_field(path, line, column, quoted=False):
    """The file's text with the field at `line` (from 0) and `column` (from 0) made too long."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    fields = next(csv.reader([lines[line]]))
    fields[column] = f'"{LONG}"' if quoted else LONG
    lines[line] = ",".join(f if f.startswith('"') or "," not in f else f'"{f}"' for f in fields)
    return "\n".join(lines) + "\n"


@pytest.fixture
def authorities():
    call_command("loaddata", "authorities", verbosity=0)


@pytest.fixture
def dfe_file(tmp_path):
    # Row 4 as a spreadsheet shows it (the header is row 1), column 10 is la_name.
    path = tmp_path / DFE.name
    path.write_text(with_long_field(DFE, 3, 9), encoding="utf-8")
    return path


@pytest.fixture
def ofsted_file(tmp_path):
    # Row 3, column 11: lead_inspector, quoted.
    path = tmp_path / "history.csv"
    path.write_text(with_long_field(OFSTED, 2, 10, quoted=True), encoding="utf-8")
    return path


@pytest.fixture
def superuser_client(client):
    client.force_login(f.UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_dfe_import_command_names_file_row_and_column(authorities, dfe_file):
    command = ["import_indicator", str(dfe_file), "--indicator", "Re-referrals"]
    with pytest.raises(CommandError) as refused:
        call_command(*command, "--measure", "rereferral_percent")
    assert str(refused.value).startswith(f"{DFE.name}, row 4, column la_name: {TOO_LONG}")
    assert not IndicatorValue.objects.exists()
    with pytest.raises(CommandError, match=f"row 4, column la_name: {TOO_LONG}"):
        call_command("import_indicator", str(dfe_file), "--describe")


def test_the_dfe_admin_upload_names_file_row_and_column(superuser_client, authorities, dfe_file):
    indicator = Indicator.objects.create(
        name="Re-referrals", unit="percent", polarity="lower", source="DfE", frequency="annual"
    )
    data = {
        "indicator": indicator.pk,
        "measure_column": "rereferral_percent",
        "filters": "",
        "file": SimpleUploadedFile(DFE.name, dfe_file.read_bytes(), content_type="text/csv"),
    }
    response = superuser_client.post(reverse("admin:indicators_upload"), data)
    assert response.status_code == 200
    assert f"{DFE.name}, row 4, column la_name: {TOO_LONG}" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_the_ofsted_national_command_names_file_row_and_column(ofsted_file):
    with pytest.raises(CommandError) as refused:
        call_command("import_national", "--history", str(ofsted_file))
    assert f"history.csv, row 3, column lead_inspector: {TOO_LONG}" in str(refused.value)
    assert not Inspection.objects.exists()


def test_the_ofsted_national_admin_upload_names_file_row_and_column(superuser_client, ofsted_file):
    url = reverse("admin:inspections_inspection_import_national")
    files = {
        "authorities": SimpleUploadedFile("authorities.csv", REFERENCE.read_bytes()),
        "history": SimpleUploadedFile("history.csv", ofsted_file.read_bytes()),
    }
    response = superuser_client.post(url, files)
    assert response.status_code == 200
    assert f"history.csv, row 3, column lead_inspector: {TOO_LONG}" in response.content.decode()
    assert not Inspection.objects.exists()


@pytest.mark.parametrize(
    ("text", "row", "column"),
    [
        (f'a,b,c\n1,"x,""y""\n2",{LONG}\n', 2, 2),  # after a quoted field over two lines
        (f"a,b\n{LONG},1\n", 2, 0),
        ("a,b\n1,2\n3,4\r5\n", 3, 1),  # a carriage return inside an unquoted field
    ],
)
def test_a_record_csv_cannot_read_is_named_by_row_and_column(text, row, column):
    with pytest.raises(CSVRecordError) as refused:
        list(records(text))
    assert (refused.value.row, refused.value.column) == (row, column)
