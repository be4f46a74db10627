"""Clearance: a draft is submitted, a manager clears it, then it may be finalised. A submitted
or cleared document may be sent back to draft, with a reason.

The steps serve every document with a clearance (reports.models.Clearance): the committee report,
under the reports app's rules (REPORT_RULES), and the self-evaluation, under its own
(selfevaluation.clearance). Each step asks its rule, checks the document's state under a row
lock, records who and when (history keeps each step) and refuses a document in the wrong state,
naming the state it is in.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.access import check
from reports.permissions import may_clear, may_return_to_draft, may_submit


class WrongState(Exception):
    pass


class AlreadyFinal(Exception):
    pass


class NotCleared(Exception):
    pass


@dataclass(frozen=True)
class Rules:
    """The named rules (rule(user, document)) a kind of document is moved on by."""

    submit: Callable
    clear: Callable
    return_to_draft: Callable


REPORT_RULES = Rules(submit=may_submit, clear=may_clear, return_to_draft=may_return_to_draft)


def locked(document, expected, doing):
    """The document locked for the change, or WrongState if it is not in the `expected` state
    (or one of the states listed)."""
    document = type(document).objects.select_for_update().get(pk=document.pk)
    expected = [expected] if isinstance(expected, str) else expected
    if document.status not in expected:
        states = " or ".join(document.Status(state).label.lower() for state in expected)
        raise WrongState(
            f"“{document}” is {document.get_status_display().lower()}: only a {document.noun} "
            f"that is {states} can be {doing}."
        )
    return document


@transaction.atomic
def submit(document, user, rules=REPORT_RULES):
    """An editor sends the draft for clearance: what they wrote can no longer be edited."""
    check(rules.submit, user, document)
    document = locked(document, document.Status.DRAFT, "submitted")
    document.status = document.Status.SUBMITTED
    document.submitted_at, document.submitted_by = timezone.now(), user
    recorded(document, user)
    return document


@transaction.atomic
def clear(document, user, rules=REPORT_RULES):
    """A manager clears the submitted document: committee members may read a report from now
    on. The rule is asked again of the locked document, which a second submission may have
    changed."""
    check(rules.clear, user, document)
    document = locked(document, document.Status.SUBMITTED, "cleared")
    check(rules.clear, user, document)
    document.status = document.Status.CLEARED
    document.cleared_at, document.cleared_by = timezone.now(), user
    recorded(document, user)
    return document


@transaction.atomic
def return_to_draft(document, user, reason, rules=REPORT_RULES):
    """A manager sends a submitted or cleared document back to draft, saying why: it can be
    edited again and must be submitted and cleared again (committee members no longer read a
    report). Who submitted and cleared it before is kept in its history."""
    check(rules.return_to_draft, user, document)
    states = [document.Status.SUBMITTED, document.Status.CLEARED]
    document = locked(document, states, "sent back to draft")
    document.status = document.Status.DRAFT
    document.submitted_at = document.submitted_by = None
    document.cleared_at = document.cleared_by = None
    document.returned_at, document.returned_by = timezone.now(), user
    document.return_reason = reason
    recorded(document, user)
    return document


@transaction.atomic
def finalise(document, user, freeze):
    """Freeze a cleared document under a row lock: `freeze(document)` gives the JSON its
    snapshot keeps, and it is final from then on."""
    document = type(document).objects.select_for_update().get(pk=document.pk)
    if document.is_final:
        raise AlreadyFinal(f"“{document}” is already final.")
    if document.status != document.Status.CLEARED:
        raise NotCleared(
            f"“{document}” is {document.get_status_display().lower()}: a manager must clear it "
            "before it is finalised."
        )
    document.snapshot = freeze(document)
    document.status = document.Status.FINAL
    document.finalised_at = timezone.now()
    document.finalised_by = user if user and user.is_authenticated else None
    recorded(document, document.finalised_by)
    return document


def recorded(document, user):
    """Saved, its history naming who took the step (outside a request too: a command, a
    task)."""
    document._history_user = user
    document.save()
