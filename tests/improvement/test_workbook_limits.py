"""Workbook bombs: tiny files declaring huge merged ranges, rows, columns or sheets are refused
before anything reads them, with a message naming the limit and what the file declares; nothing
is kept. A workbook is read once, on the worker, and every later step reads what was kept."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement import tasks
from improvement.models import ImportStatus, ReadStatus, WorkbookUpload
from improvement.workbook_check import (
    MAX_COLUMNS,
    MAX_MERGED_CELLS,
    MAX_ROWS,
    MAX_SHEETS,
    MAX_UNCALCULATED,
    check_limits,
)
from improvement.workbook_read import from_json, read_sheets, to_json
from tests.access import build_side
from tests.access_cases.workbook import MAPPING
from tests.workbooks import BOMBS, rows_xml, small_tracker, tracker_sheet, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


def post_upload(client, side, content, name="tracker.xlsx"):
    client.force_login(side.manager)
    url = reverse("improvement:workbook_upload", args=[side.plan.pk])
    return client.post(url, {"workbook": SimpleUploadedFile(name, content)})


REFUSALS = {
    "merged A2:CV100001": (
        "sheet “Plan” merges A2:CV100001, 10,000,000 cells; the merged ranges of a workbook may "
        f"cover at most {MAX_MERGED_CELLS:,} cells"
    ),
    "merged A2:XFD1048576": "sheet “Plan” merges A2:XFD1048576, 17,179,852,800 cells",
    "250,000 rows": (
        "sheet “Plan” declares its size as A1:C250002, reaching row 250,002; a sheet may have at "
        f"most {MAX_ROWS:,} rows"
    ),
    "100,000 rows, declared as 2": f"sheet “Plan” reaches row {MAX_ROWS + 1:,}",
    "16,384 columns": (
        f"sheet “Plan” reaches column 16,384; a sheet may have at most {MAX_COLUMNS} columns"
    ),
    "60 sheets": f"it has more than {MAX_SHEETS} sheets; a workbook may have at most {MAX_SHEETS}",
    "10,002 formulas without results": (
        f"it has more than {MAX_UNCALCULATED:,} formulas saved without their result; open it in "
        "Excel and save it, which keeps each formula's result"
    ),
}


@pytest.mark.parametrize("bomb", BOMBS)
def test_each_workbook_bomb_is_refused_on_upload_naming_the_limit_and_nothing_is_kept(
    client, side, bomb
):
    response = post_upload(client, side, BOMBS[bomb](), name="bomb.xlsx")
    assert response.status_code == 200
    page = response.content.decode().replace("&#x27;", "'")
    assert "“bomb.xlsx” cannot be imported: " + REFUSALS[bomb] in page
    assert not WorkbookUpload.objects.exists()


def test_a_workbook_within_the_limits_reads_whatever_size_it_declares_and_fills_merges():
    """The size a sheet declares is only held to the limits; what is read is what is there."""
    sheet = tracker_sheet(
        dimension="A1:B2", merges=["C3:C5"], extra_rows=rows_xml(MAX_ROWS - 2, first=3)
    )
    content = xlsx({"Plan": sheet})
    declared = check_limits(content, "big.xlsx")
    [(title, headers, body)] = read_sheets(content, declared.merges)
    assert (title, headers) == ("Plan", ["Ref", "Action required"])
    assert len(body) == MAX_ROWS - 1
    assert body[-1] == (MAX_ROWS, [f"{MAX_ROWS}-A", f"{MAX_ROWS}-B", f"{MAX_ROWS}-C"])
    assert [values[2] for _, values in body[1:4]] == ["3-C", "3-C", "3-C"]


def test_a_damaged_sheet_is_refused_on_upload(client, side):
    content = xlsx({"Plan": tracker_sheet()[:-20]})  # cut off in the middle of an element
    response = post_upload(client, side, content, name="cut.xlsx")
    assert "“cut.xlsx” could not be read as a workbook" in response.content.decode()
    assert not WorkbookUpload.objects.exists()


def test_a_workbook_is_read_once_and_every_later_step_reads_what_was_kept(
    client, side, monkeypatch
):
    reads = []

    def counted(*args):
        reads.append(args)
        return read_sheets(*args)

    monkeypatch.setattr(tasks, "read_sheets", counted)
    response = post_upload(client, side, small_tracker(side.officer.get_full_name(), "9.9"))
    columns = response["Location"]
    response = client.post(columns, {f"column_{i}": v for i, v in enumerate(MAPPING.values())})
    preview = response["Location"]
    assert client.get(preview).status_code == 200
    status = client.post(preview)["Location"]
    assert "Imported: 1 new action," in client.get(status).content.decode()
    assert len(reads) == 1
    upload = WorkbookUpload.objects.get()
    assert (upload.read_status, upload.status) == (ReadStatus.READ, ImportStatus.IMPORTED)


QUEUE_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_until_the_worker_has_read_it_the_steps_say_it_is_being_read(client, side, settings):
    settings.TASKS = QUEUE_ONLY  # queued, as for the worker, and not run
    response = post_upload(client, side, small_tracker(side.officer.get_full_name()))
    columns = response["Location"]
    page = client.get(columns).content.decode()
    assert "Reading the workbook" in page
    assert "Check again" in page
    upload = WorkbookUpload.objects.get()
    assert upload.read_status == ReadStatus.QUEUED

    tasks.read_workbook.call(upload.pk)
    assert "Match the columns" in client.get(columns).content.decode()


def test_a_workbook_the_worker_cannot_read_says_why_and_imports_nothing(client, side):
    # Within the limits, but a number cell that holds no number: openpyxl cannot read it.
    sheet = tracker_sheet(extra_rows='<row r="3"><c r="A3"><v>not a number</v></c></row>')
    upload = WorkbookUpload.objects.create(
        plan=side.plan,
        uploaded_by=side.manager,
        file_name="odd.xlsx",
        content=xlsx({"Plan": sheet}),
        mapping=MAPPING,
    )
    client.force_login(side.manager)
    args = [side.plan.pk, upload.pk]
    page = client.get(reverse("improvement:workbook_preview", args=args)).content.decode()
    assert "The workbook was not read" in page
    assert "“odd.xlsx” could not be read as a workbook" in page
    actions = side.plan.actions.count()
    WorkbookUpload.objects.filter(pk=upload.pk).update(status=ImportStatus.QUEUED)
    outcome = tasks.import_workbook.call(upload.pk)
    assert "“odd.xlsx” could not be read as a workbook" in outcome["error"]
    assert side.plan.actions.count() == actions


def test_what_is_kept_stores_on_postgresql_and_reads_back_the_same(side):
    """Dates come back as dates; NUL bytes and unpaired surrogates, which a cell may spell as
    _x0000_ and PostgreSQL cannot store, are dropped or replaced."""
    tables = [
        (
            "Plan",
            ["Ref", "Due"],
            [(2, ["a\x00b\ud800c", datetime.date(2025, 3, 31), float("inf"), None, None])],
        )
    ]
    kept = WorkbookUpload.objects.create(
        plan=side.plan,
        uploaded_by=side.manager,
        file_name="x.xlsx",
        content=b"",
        tables=to_json(tables),
    )
    kept.refresh_from_db()
    [(_, _, [(_, values)])] = from_json(kept.tables)
    assert values == ["ab?c", datetime.date(2025, 3, 31), "inf"]
