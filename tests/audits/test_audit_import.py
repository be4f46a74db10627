"""Importing audit results from a workbook: a good file, every kind of bad row named by sheet,
row, column and value, rows that may name a child listed for confirmation, all rows or none,
and a file imported twice recording its audits once."""

import datetime
import io
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audits import workbook
from audits.models import AuditResult, AuditUpload
from improvement.workbook_read import from_json
from tests import factories as f
from tests.audits.workbooks import HEADER, ROWS, audit_workbook
from tests.workbooks import workbook_bytes

D = datetime.date
TODAY = D(2017, 3, 1)


def previewed(authority, content, today=TODAY):
    return workbook.preview(authority, from_stored(content), today=today)


def from_stored(content):
    return from_json(workbook.read_upload(content, "audits.xlsx"))


def problems(result):
    return [str(p) for p in result.problems]


def row(**changes):
    """A good row, as a list in HEADER's order, with some cells changed."""
    values = dict(zip(HEADER, ROWS[0], strict=True))
    values.update(changes)
    return list(values.values())


def test_a_good_workbook_records_every_audit(db):
    authority = f.LocalAuthorityFactory()
    programme = f.AuditProgrammeFactory(authority=authority, month=D(2016, 4, 1), theme="planning")
    result = previewed(authority, audit_workbook())
    assert problems(result) == []
    assert [(r.sheet, r.row, r.outcome) for r in result.rows] == [
        ("Audits", 2, "new"),
        ("Audits", 3, "new"),
    ]
    upload = AuditUpload.objects.create(
        authority=authority, uploaded_by=f.UserFactory(), file_name="audits.xlsx", tables=[]
    )
    assert workbook.apply(upload, result, upload.uploaded_by) == 2
    first = AuditResult.objects.get(case_reference="G-1604-01")
    assert (first.audited_on, first.theme, first.grade, first.programme) == (
        D(2016, 4, 12),
        "planning",
        "good",
        programme,
    )
    second = AuditResult.objects.get(case_reference="G-1604-02")
    assert (second.theme, second.grade, second.re_audit_due) == (
        "voice_of_the_child",
        "requires_improvement",
        D(2016, 7, 19),
    )
    upload.refresh_from_db()
    assert upload.tables is None
    assert upload.outcome == {"imported": 2, "already": 0}


def test_headers_as_trackers_write_them_and_dates_typed_as_text_are_read(db):
    header = ["Audit date", "Service area", "Audit focus", "Judgement", "Ref", "What went well"]
    rows = [
        header,
        ["14/03/2016", "LAC Team", "Voice of child", "RI", "G-1603-01", "Seen alone."],
        ["15 March 2016", "LAC Team", "Pathway plans", "Requires improvement to be good", "", ""],
    ]
    content = workbook_bytes({"March": rows}, title_rows={"March": "Audits, March 2016"})
    result = previewed(f.LocalAuthorityFactory(), content)
    assert [p for p in result.problems if p.blocking] == []
    assert [r.values["audited_on"] for r in result.rows] == [D(2016, 3, 14), D(2016, 3, 15)]
    assert [r.theme_words for r in result.rows] == ["Voice of the child", "Pathway plans"]
    assert problems(result) == [
        "sheet “March”, row 4, column C (Audit focus): “Pathway plans” is none of the themes "
        "(Assessment, Planning, Voice of the child, Management oversight): recorded as another "
        "theme named so."
    ]


BAD_ROWS = [
    # (the row's changed cells, the problem named)
    (
        {"Date audited": "Ongoing"},
        "column A (Date audited): “Ongoing” is not a date; write a day (31/03/2025), a month "
        "(March 2025) or a financial quarter (Q3 2025/26).",
    ),
    ({"Date audited": "31/02/2016"}, "column A (Date audited): “31/02/2016” is not a date"),
    ({"Date audited": None}, "column A (Date audited): Date audited is empty"),
    ({"Date audited": D(2017, 3, 2)}, "column A (Date audited): 2 March 2017 is in the future."),
    ({"Team": None}, "column B (Team): Team is empty: every audit needs its team."),
    ({"Team": "T" * 101}, "column B (Team): Team is 101 characters; at most 100."),
    ({"Learning": "L" * 5001}, "column G (Learning): Learning is 5,001 characters; at most 5,000."),
    ({"Theme": None}, "column C (Theme): Theme is empty"),
    (
        {"Grade": "Adequate"},
        "column D (Grade): “Adequate” is not a grade: write outstanding, good, requires "
        "improvement, inadequate (or RI).",
    ),
    ({"Grade": None}, "column D (Grade): Grade is empty"),
    ({"Case reference": "G" * 21}, "column E (Case reference): “GGGGGGGGGGGGGGGGGGGGG” is longer"),
    ({"Case reference": "<b>1</b>"}, "column E (Case reference): “<b>1</b>”: A case reference is"),
    (
        {"Re-audit due": D(2016, 4, 1)},
        "column H (Re-audit due): The re-audit is due before the audit's own date.",
    ),
    (
        {"Re-audit due": "TBC"},
        "column H (Re-audit due): “TBC” is not a date",
    ),
    (
        {"Grade": "=1+1"},
        "column D (Grade): Grade holds =1+1, a formula saved without its result",
    ),
]


@pytest.mark.parametrize(("cells", "message"), BAD_ROWS, ids=[m[:40] for _, m in BAD_ROWS])
def test_every_bad_row_is_named_by_sheet_row_column_and_value(db, cells, message):
    content = workbook_bytes({"Audits": [HEADER, ROWS[1], row(**cells)]})
    result = previewed(f.LocalAuthorityFactory(), content)
    said = [str(p) for p in result.blocking]
    assert len(said) == 1, said
    assert said[0].startswith(f"sheet “Audits”, row 3, {message}"), said[0]
    assert [r.row for r in result.rows] == [2]  # the good row alone


def test_a_sheet_without_an_audits_needed_columns_is_named_and_another_sheet_left_out(db):
    content = workbook_bytes(
        {
            "Audits": [HEADER[:3] + HEADER[4:], ["14/03/2016", "LAC Team", "Planning", "G-1"]],
            "Notes": [["Who", "What"], ["QA team", "Monthly audits"]],
        }
    )
    result = previewed(f.LocalAuthorityFactory(), content)
    assert problems(result) == [
        "sheet “Audits”, row 0, column –: no column for Grade: every audit needs its date, team, "
        "theme and grade. Name the columns' headers so (“Date audited”, “Team”, “Theme”, "
        "“Grade”).",
        "sheet “Notes”, row 0, column –: none of its headers is an audit's column, so it is left out",
    ]
    assert [p.blocking for p in result.problems] == [True, False]


def test_too_many_rows_at_once_are_refused(db, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_ROWS", 1)
    result = previewed(f.LocalAuthorityFactory(), audit_workbook())
    assert [str(p) for p in result.blocking] == [
        "sheet “–”, row 0, column –: 2 audits; import 1 at most."
    ]


def test_a_file_that_is_no_workbook_is_refused_at_upload(world):
    client = Client()
    client.force_login(world.a.officer)
    url = reverse("audits:import", args=[world.a.authority.pk])
    sent = SimpleUploadedFile("audits.xlsx", b"Date audited,Team\n14/03/2016,LAC\n")
    page = client.post(url, {"workbook": sent})
    assert "“audits.xlsx” is not an Excel workbook (.xlsx)." in page.content.decode()
    assert not AuditUpload.objects.exists()


def upload(client, authority, content):
    url = reverse("audits:import", args=[authority.pk])
    response = client.post(url, {"workbook": SimpleUploadedFile("audits.xlsx", content)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


@pytest.fixture
def officer(world):
    client = Client()
    client.force_login(world.a.officer)
    return client


def test_rows_that_may_name_a_child_are_listed_and_need_the_tick(world, officer):
    rows = [HEADER, ROWS[0], row(**{"Learning": "John Smith's plan.", "Case reference": "1234567"})]
    preview = upload(officer, world.a.authority, workbook_bytes({"Audits": rows}))
    page = officer.get(preview).content.decode()
    assert "Rows that may name a child or hold an identifier" in page
    assert (
        "Sheet “Audits”, row 3: column E (Case reference): “1234567” looks like a case number; "
        "column G (Learning): “John Smith” looks like a person&#x27;s name."
    ) in page
    refused = officer.post(preview, {})
    assert "Tick to confirm the rows listed hold no child" in refused.content.decode()
    assert not AuditResult.objects.exists()
    assert officer.post(preview, {"confirm_no_identifiers": "on"}).status_code == 302
    confirmed = AuditResult.objects.order_by("pk").values_list("privacy_confirmed", flat=True)
    assert list(confirmed) == [False, True]


def test_a_workbook_with_a_bad_row_imports_nothing(world, officer):
    content = workbook_bytes({"Audits": [HEADER, ROWS[0], row(Grade="Adequate")]})
    preview = upload(officer, world.a.authority, content)
    page = officer.post(preview, {})
    assert "The workbook has 1 problem" in page.content.decode()
    assert not AuditResult.objects.exists()


def test_a_failure_halfway_writes_nothing_and_leaves_the_upload_to_import(world, officer):
    preview = upload(officer, world.a.authority, audit_workbook())
    real = workbook.services.record_result
    calls = []

    def second_fails(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return real(*args, **kwargs)

    patched = mock.patch.object(workbook.services, "record_result", second_fails)
    with patched, pytest.raises(RuntimeError):
        officer.post(preview, {})
    assert len(calls) == 2
    assert not AuditResult.objects.exists()
    assert AuditUpload.objects.get().imported_at is None
    assert officer.post(preview, {}).status_code == 302
    assert AuditResult.objects.count() == 2


def test_the_same_file_again_records_nothing_and_a_second_confirmation_nothing(world, officer):
    preview = upload(officer, world.a.authority, audit_workbook())
    officer.post(preview, {})
    second = officer.post(preview, {}).content.decode()  # a double click
    assert "2 audit results recorded." in second
    assert AuditResult.objects.count() == 2
    again = upload(officer, world.a.authority, audit_workbook())
    page = officer.get(again).content.decode()
    assert "Nothing to import: every audit in the workbook is recorded already." in page
    officer.post(again, {})
    assert AuditResult.objects.count() == 2


def test_the_download_imports_back_as_already_recorded(world, officer):
    preview = upload(officer, world.a.authority, audit_workbook())
    officer.post(preview, {})
    download = officer.get(reverse("audits:results-xlsx", args=[world.a.authority.pk])).content
    result = previewed(world.a.authority, download)
    assert problems(result) == []
    assert [r.outcome for r in result.rows] == ["already", "already"]


def test_an_upload_is_its_uploaders_alone_and_a_stale_one_is_deleted(world, officer):
    preview = upload(officer, world.a.authority, audit_workbook())
    manager = Client()
    manager.force_login(world.a.manager)
    assert manager.get(preview).status_code == 404
    AuditUpload.objects.update(uploaded_at=timezone.now() - datetime.timedelta(days=2))
    upload(officer, world.a.authority, audit_workbook())
    assert AuditUpload.objects.count() == 1
    assert officer.get(preview).status_code == 404


def test_the_daily_command_deletes_uploads_never_imported(world):
    def kept(days_ago, imported=False):
        upload = AuditUpload.objects.create(
            authority=world.a.authority,
            uploaded_by=world.a.officer,
            file_name="audits.xlsx",
            tables=[{"title": "Audits", "headers": [], "rows": []}],
            imported_at=timezone.now() if imported else None,
        )
        moved = timezone.now() - datetime.timedelta(days=days_ago)
        AuditUpload.objects.filter(pk=upload.pk).update(uploaded_at=moved)
        return upload

    stale, fresh, imported = kept(2), kept(0), kept(3, imported=True)
    out = io.StringIO()
    call_command("clear_audit_uploads", "--dry-run", stdout=out)
    assert out.getvalue() == "Would delete 1 audit upload.\n"
    assert AuditUpload.objects.count() == 3
    call_command("clear_audit_uploads", stdout=out)
    left = {u.pk: u.tables for u in AuditUpload.objects.all()}
    assert left == {fresh.pk: fresh.tables, imported.pk: None}
    assert stale.pk not in left
