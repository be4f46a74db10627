"""Housekeeping of the audits: workbooks uploaded and never imported are not kept."""

import datetime

from django.utils import timezone
from django_tasks import task

from audits.models import AuditUpload

KEEP_UNIMPORTED = datetime.timedelta(days=1)


def stale_uploads():
    """Uploads not imported within a day: they may hold what the import warned of."""
    return AuditUpload.objects.filter(
        imported_at__isnull=True, uploaded_at__lt=timezone.now() - KEEP_UNIMPORTED
    )


def clear_stale_uploads() -> int:
    """Delete the stale uploads, and empty the sheets of any imported one; how many were
    deleted."""
    AuditUpload.objects.filter(imported_at__isnull=False, tables__isnull=False).update(tables=None)
    deleted, _ = stale_uploads().delete()
    return deleted


@task()
def clear_stale_audit_uploads():
    """The same, on the tasks worker, for a daily schedule."""
    return clear_stale_uploads()
