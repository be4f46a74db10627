"""Slow work of the workspace, on the tasks worker (`manage.py db_worker`; inline in the demo and
the tests): importing a confirmed workbook, and the reminder emails."""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from improvement import workbook_import
from improvement.models import ImportStatus, WorkbookUpload
from improvement.reminders import send_all

log = logging.getLogger(__name__)
UNEXPECTED = (
    "The import stopped on an unexpected error and nothing was imported. "
    "Try again; if it happens again, ask your administrator to look at the server's log."
)
PROBLEMS_SHOWN = 5


def queue_import(upload, user):
    """Confirm an upload's import, once: a second confirmation (a double click) queues nothing."""
    queued = WorkbookUpload.objects.filter(pk=upload.pk, status="").update(
        status=ImportStatus.QUEUED, imported_by=user
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
    try:
        with transaction.atomic():
            # Checked again: the plan may have changed since the person saw the preview.
            result = workbook_import.preview(upload.plan, bytes(upload.content), upload.mapping)
            if result.blocking:
                return _fail(upload, _problems(result))
            counts = workbook_import.apply(
                upload.plan, result, upload.file_name, upload.imported_by
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
