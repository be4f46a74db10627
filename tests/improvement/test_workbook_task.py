"""A confirmed workbook import runs as a task (inline here, on the worker in production); its
status page says where it stands, and nothing is imported twice or half."""

import pytest
from django.urls import reverse

from improvement.models import ImportStatus, WorkbookUpload
from improvement.tasks import import_workbook
from tests.access import build_side
from tests.access_cases.workbook import MAPPING
from tests.workbooks import small_tracker, workbook_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


def upload_for(side, **fields):
    return WorkbookUpload.objects.create(
        plan=side.plan,
        uploaded_by=side.manager,
        file_name="tracker.xlsx",
        content=small_tracker(side.officer.get_full_name(), reference="9.9"),
        mapping=MAPPING,
        **fields,
    )


def urls(upload):
    args = [upload.plan_id, upload.pk]
    preview = reverse("improvement:workbook_preview", args=args)
    return preview, reverse("improvement:workbook_status", args=args)


def test_confirming_imports_once_and_the_status_page_gives_the_counts(client, side):
    upload = upload_for(side)
    preview, status = urls(upload)
    client.force_login(side.manager)
    assert client.post(preview).url == status
    assert client.post(preview).url == status  # a double click
    page = client.get(status).content.decode()
    assert "Imported: 1 new action, 0 changed, 0 unchanged, 0 progress updates added." in page
    upload.refresh_from_db()
    assert (upload.status, upload.imported_by) == (ImportStatus.IMPORTED, side.manager)
    assert side.plan.actions.filter(reference="9.9").count() == 1
    # Confirmed, its columns and preview are settled: both lead to the status page.
    columns = reverse("improvement:workbook_columns", args=[side.plan.pk, upload.pk])
    assert client.get(columns).url == status
    assert client.get(preview).url == status


def test_a_queued_import_says_so_until_the_worker_runs_it(client, side):
    upload = upload_for(side, status=ImportStatus.QUEUED, imported_by=side.manager)
    client.force_login(side.manager)
    page = client.get(urls(upload)[1]).content.decode()
    assert "Waiting to start" in page
    assert "Check again" in page
    assert not side.plan.actions.filter(reference="9.9").exists()

    assert import_workbook.call(upload.pk)["new"] == 1
    assert import_workbook.call(upload.pk) is None  # already done: nothing more
    assert side.plan.actions.filter(reference="9.9").count() == 1


def test_a_plan_changed_since_the_preview_stops_the_import_whole(client, side):
    upload = upload_for(side, status=ImportStatus.QUEUED, imported_by=side.manager)
    side.plan.recommendations.clear()  # recommendation 1 is no longer in the plan's scope
    side.plan.inspections.clear()
    outcome = import_workbook.call(upload.pk)
    assert "Recommendation 1: the plan's inspections have none." in outcome["error"]
    assert "Nothing was imported" in outcome["error"]
    upload.refresh_from_db()
    assert upload.status == ImportStatus.FAILED
    assert not side.plan.actions.filter(reference="9.9").exists()
    client.force_login(side.manager)
    page = client.get(urls(upload)[1]).content.decode()
    assert "The workbook was not imported" in page
    assert "Recommendation 1" in page


def test_the_preview_and_the_task_name_a_problem_in_the_same_words(client, side):
    side.plan.recommendations.clear()
    side.plan.inspections.clear()
    where = "heet “Plan”, row 2, column B (Recommendation): Recommendation 1: the plan's"
    client.force_login(side.manager)
    preview = client.get(urls(upload_for(side))[0]).content.decode()
    assert "S" + where.replace("'", "&#x27;") in preview
    queued = upload_for(side, status=ImportStatus.QUEUED, imported_by=side.manager)
    assert "s" + where in import_workbook.call(queued.pk)["error"]


def test_an_import_that_would_empty_a_field_nobody_ticked_fails_and_writes_nothing(side):
    """The plan changed after the preview: the task empties only what the person confirmed."""
    side.action.partners = "Police"
    side.action.save()
    upload = upload_for(side, status=ImportStatus.QUEUED)
    rows = [["Ref", "Action", "Partners"], ["1.1", side.action.title, ""]]
    WorkbookUpload.objects.filter(pk=upload.pk).update(
        content=workbook_bytes({"Plan": rows}),
        mapping={"Ref": "reference", "Action": "title", "Partners": "partners"},
    )
    import_workbook.call(upload.pk)
    upload.refresh_from_db()
    assert upload.status == ImportStatus.FAILED
    assert "would now also empty 1.1: Partners, which was not confirmed" in upload.outcome["error"]
    side.action.refresh_from_db()
    assert side.action.partners == "Police"
