"""Clearance: a draft is submitted, a manager clears it, then it may be finalised.

Each step checks the report's state under a row lock, records who and when (history keeps each
step) and refuses a report in the wrong state, naming the state it is in.
"""

from django.db import transaction
from django.utils import timezone

from core.access import check
from reports.permissions import may_clear, may_submit


class WrongState(Exception):
    pass


def locked(report, expected, doing):
    """The report locked for the change, or WrongState if it is not in the `expected` state."""
    report = type(report).objects.select_for_update().get(pk=report.pk)
    if report.status != expected:
        raise WrongState(
            f"“{report}” is {report.get_status_display().lower()}: only a report that is "
            f"{report.Status(expected).label.lower()} can be {doing}."
        )
    return report


@transaction.atomic
def submit(report, user):
    """An editor sends the draft for clearance: its front matter can no longer be edited."""
    check(may_submit, user, report)
    report = locked(report, report.Status.DRAFT, "submitted")
    report.status = report.Status.SUBMITTED
    report.submitted_at, report.submitted_by = timezone.now(), user
    report.save()
    return report


@transaction.atomic
def clear(report, user):
    """A manager clears the submitted report: committee members may read it from now on."""
    check(may_clear, user, report)
    report = locked(report, report.Status.SUBMITTED, "cleared")
    report.status = report.Status.CLEARED
    report.cleared_at, report.cleared_by = timezone.now(), user
    report.save()
    return report
