"""Clearance: a draft is submitted, a manager clears it, then it may be finalised. A submitted
or cleared report may be sent back to draft, with a reason.

Each step checks the report's state under a row lock, records who and when (history keeps each
step) and refuses a report in the wrong state, naming the state it is in.
"""

from django.db import transaction
from django.utils import timezone

from core.access import check
from reports.permissions import may_clear, may_return_to_draft, may_submit


class WrongState(Exception):
    pass


def locked(report, expected, doing):
    """The report locked for the change, or WrongState if it is not in the `expected` state (or
    one of the states listed)."""
    report = type(report).objects.select_for_update().get(pk=report.pk)
    expected = [expected] if isinstance(expected, str) else expected
    if report.status not in expected:
        states = " or ".join(report.Status(state).label.lower() for state in expected)
        raise WrongState(
            f"“{report}” is {report.get_status_display().lower()}: only a report that is "
            f"{states} can be {doing}."
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
    """A manager clears the submitted report: committee members may read it from now on. The
    rule is asked again of the locked report, which a second submission may have changed."""
    check(may_clear, user, report)
    report = locked(report, report.Status.SUBMITTED, "cleared")
    check(may_clear, user, report)
    report.status = report.Status.CLEARED
    report.cleared_at, report.cleared_by = timezone.now(), user
    report.save()
    return report


@transaction.atomic
def return_to_draft(report, user, reason):
    """A manager sends a submitted or cleared report back to draft, saying why: it can be
    edited again, committee members no longer read it, and it must be submitted and cleared
    again. Who submitted and cleared it before is kept in its history."""
    check(may_return_to_draft, user, report)
    states = [report.Status.SUBMITTED, report.Status.CLEARED]
    report = locked(report, states, "sent back to draft")
    report.status = report.Status.DRAFT
    report.submitted_at = report.submitted_by = report.cleared_at = report.cleared_by = None
    report.returned_at, report.returned_by, report.return_reason = timezone.now(), user, reason
    report.save()
    return report
