"""Access cases for the plan's workbook (export, import in steps) and the reminder settings. The
export is a read of the plan, which a partner may read; importing is the managers'."""

from django.core.files.uploadedfile import SimpleUploadedFile

from improvement.models import ImportStatus, WorkbookUpload
from tests.access import EDITORS, INSIDERS, Case
from tests.workbooks import small_tracker

MAPPING = {
    "Ref": "reference",
    "Recommendation": "recommendations",
    "Action required": "title",
    "Officer": "lead",
    "Timescale": "due_on",
    "RAG": "rag",
}


def plan_pk(w):
    return {"pk": w.a.plan.pk}


def upload_of(w):
    """A workbook uploaded to A's plan by A's manager, its columns already matched."""
    upload = WorkbookUpload.objects.create(
        plan=w.a.plan,
        uploaded_by=w.a.manager,
        file_name="tracker.xlsx",
        content=small_tracker(w.a.officer.get_full_name(), reference="9.9"),
        mapping=MAPPING,
    )
    return {"pk": w.a.plan.pk, "upload_pk": upload.pk}


def imported_upload_of(w):
    """A's upload, imported."""
    kwargs = upload_of(w)
    WorkbookUpload.objects.filter(pk=kwargs["upload_pk"]).update(
        status=ImportStatus.IMPORTED, outcome={"new": 1, "changed": 0, "unchanged": 0, "updates": 1}
    )
    return kwargs


def upload_data(w):
    content = small_tracker(w.a.officer.get_full_name())
    return {"workbook": SimpleUploadedFile("tracker.xlsx", content)}


def columns_data(w):
    return {f"column_{i}": field for i, field in enumerate(MAPPING.values())}


CASES = [
    Case("improvement:plan_xlsx", kwargs=plan_pk),
    Case(
        "improvement:workbook_upload",
        kwargs=plan_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=upload_data,
    ),
    Case(
        "improvement:workbook_columns",
        kwargs=upload_of,
        get=EDITORS,
        post=EDITORS,
        post_data=columns_data,
    ),
    Case("improvement:workbook_preview", kwargs=upload_of, get=EDITORS, post=EDITORS),
    Case("improvement:workbook_status", kwargs=imported_upload_of, get=EDITORS),
    # A partner leads no action and gets no email: nothing to set (403).
    Case("improvement:reminder_settings", get=INSIDERS, post=INSIDERS, scoped=False),
]
