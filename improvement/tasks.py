"""Slow work of the workspace, on the tasks worker (`manage.py db_worker`; inline in the demo and
the tests): reading an uploaded workbook, importing a confirmed one, and the reminder emails."""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from improvement import workbook_import
from improvement.models import ImportStatus, ReadStatus, WorkbookUpload
from improvement.reminders import send_all
from improvement.workbook_check import NotAWorkbook, check_limits
from improvement.workbook_read import from_json, read_sheets, to_json

log = logging.getLogger(__name__)
UNEXPECTED = (
    "The import stopped on an unexpected error and nothing was imported. "
    "Try again; if it happens again, ask your administrator to look at the server's log."
)
UNREADABLE = "“{}” could not be read as a workbook; save it again from Excel as .xlsx."
PROBLEMS_SHOWN = 5


def queue_read(upload):
    """Have the worker read an upload, once: looking at its pages again queues nothing more.
    `upload` is refreshed, so with the inline backend it comes back read."""
    queued = WorkbookUpload.objects.filter(pk=upload.pk, read_status="").update(
        read_status=ReadStatus.QUEUED
    )
    if queued:
        read_workbook.enqueue(upload.pk)
    upload.refresh_from_db(fields=["read_status", "tables", "read_error"])


@task()
def read_workbook(upload_id):
    """Read an uploaded workbook into the tables its later steps and its import read."""
    upload = WorkbookUpload.objects.filter(pk=upload_id).first()
    if upload:  # not deleted (with its plan) meanwhile
        read_upload(upload)


def read_upload(upload):
    """The upload's tables (workbook_read.read_sheets' form), read once and kept on it; None if
    it cannot be read, with the reason kept as its read_error."""
    if upload.read_status not in (ReadStatus.READ, ReadStatus.REFUSED):
        try:
            # Checked again here: the worker reads nothing that has not passed the limits.
            declared = check_limits(bytes(upload.content), upload.file_name)
            tables = read_sheets(bytes(upload.content), declared.merges, declared.formulas)
            upload.read_status, upload.tables = ReadStatus.READ, to_json(tables)
        except NotAWorkbook as error:
            upload.read_status, upload.read_error = ReadStatus.REFUSED, str(error)
        # openpyxl raises many kinds of error on a damaged file; each means the same to the user.
        except Exception:  # noqa: BLE001
            log.warning("Workbook upload %s could not be read", upload.pk, exc_info=True)
            upload.read_status = ReadStatus.REFUSED
            upload.read_error = UNREADABLE.format(upload.file_name)
        upload.save(update_fields=["read_status", "tables", "read_error"])
    return from_json(upload.tables) if upload.read_status == ReadStatus.READ else None


def queue_import(upload, user, due_date_reason="", emptying_confirmed=()):
    """Confirm an upload's import, once: a second confirmation (a double click) queues nothing.
    The reason for moved due dates and the fields ticked to be emptied are kept for the task."""
    queued = WorkbookUpload.objects.filter(pk=upload.pk, status="").update(
        status=ImportStatus.QUEUED,
        imported_by=user,
        due_date_reason=due_date_reason,
        emptying_confirmed=list(emptying_confirmed),
    )
    if queued:
        import_workbook.enqueue(upload.pk)


@task()
def import_workbook(upload_id):
    """Import a confirmed upload: every row in one transaction, or none. The outcome (counts, or
    what stopped it) is kept on the upload for its status page."""
    claimed = WorkbookUpload.objects.filter(pk=upload_id, status=ImportStatus.QUEUED).update(
        status=ImportStatus.RUNNING
    )
    if not claimed:  # imported already, or another worker has it
        return None
    upload = WorkbookUpload.objects.select_related("plan", "imported_by").get(pk=upload_id)
    tables = read_upload(upload)
    if tables is None:
        return _fail(upload, upload.read_error)
    try:
        with transaction.atomic():
            # Checked again: the plan may have changed since the person saw the preview.
            result = workbook_import.preview(upload.plan, tables, upload.mapping)
            if result.blocking:
                return _fail(upload, _problems(result))
            if unconfirmed := _unconfirmed(upload, result):
                return _fail(upload, unconfirmed)
            counts = workbook_import.apply(
                upload.plan, result, upload.file_name, upload.imported_by, upload.due_date_reason
            )
            upload.status, upload.outcome = ImportStatus.IMPORTED, counts
            upload.imported_at = timezone.now()
            upload.save(update_fields=["status", "outcome", "imported_at"])
        return counts
    except ValidationError as error:
        return _fail(upload, " ".join(error.messages))
    except Exception:
        log.exception("Importing workbook upload %s failed", upload_id)
        _fail(upload, UNEXPECTED)
        raise


def _unconfirmed(upload, result):
    """Why the import may not run as confirmed: a field emptied that the person did not tick,
    or a due date moved with no reason (the plan changed after the preview); else ""."""
    unticked = [key for key in result.emptied_keys() if key not in upload.emptying_confirmed]
    if unticked:
        return (
            f"The plan changed after the preview: the import would now also empty "
            f"{', '.join(unticked)}, which was not confirmed. Nothing was imported."
        )
    if result.moved and not upload.due_date_reason.strip():
        return "The import moves due dates but no reason was given. Nothing was imported."
    return ""


def _fail(upload, message):
    upload.status, upload.outcome = ImportStatus.FAILED, {"error": message}
    upload.save(update_fields=["status", "outcome"])
    return upload.outcome


def _problems(result):
    blocking = result.blocking
    shown = [str(problem) for problem in blocking[:PROBLEMS_SHOWN]]
    more = f" and {len(blocking) - PROBLEMS_SHOWN} more" if len(blocking) > PROBLEMS_SHOWN else ""
    return (
        f"The workbook no longer fits the plan, which changed after the preview "
        f"({len(blocking)} problems: {'; '.join(shown)}{more}). Nothing was imported."
    )


@task()
def send_reminders(day=None, dry_run=False):
    """The day's reminder emails (`day` as YYYY-MM-DD, default today): {kind: how many}."""
    today = datetime.date.fromisoformat(day) if day else timezone.localdate()
    return send_all(today, dry_run=dry_run)
