"""One manager's change to many actions at once, recorded as if made to each in turn."""

from django.core.exceptions import ValidationError
from django.db import transaction

from improvement import services
from improvement.leads import may_lead
from improvement.models import Action
from improvement.state import standing_updates


@transaction.atomic
def bulk_update(versions, changed_by, status="", lead_officer=None, due_on=None, reason=""):
    """Apply a status, a lead or a due date to each action in `versions` ({pk: version seen}).

    All or nothing: one action changed since the page was read (EditConflict), a lead who is not
    of the action's authority or a due date before an action starts (ValidationError) leaves
    every action as it was. Returns how many actions changed.
    """
    if due_on and not reason.strip():
        raise ValidationError({"reason": "Give the reason the due dates change."})
    if status == Action.Status.COMPLETE:
        refuse_completing_unreported(versions)
    changes = {"status": status} if status else {}
    if lead_officer:
        # The plan's own name for the lead (a post, say) stays, as on the edit form.
        changes.update(lead_officer=lead_officer)
    changed = 0
    for pk, version in sorted(versions.items()):
        action = Action.objects.select_for_update().get(pk=pk)
        if not action.is_version(version):
            raise services.EditConflict(action, [])
        if lead_officer and not may_lead(lead_officer, action.plan.authority_id):
            raise ValidationError(
                f"{action.reference}: the lead must be an officer or manager of"
                f" {action.plan.authority}."
            )
        if changes:
            action = services.edit_action(pk, action.version, changes)
        if due_on and due_on != action.due_on:
            _change_due_date(action, due_on, reason, changed_by)
        changed += 1
    return changed


def refuse_completing_unreported(versions):
    """An action is completed here only on a progress update saying what was done: completed with
    none, the committee paper would tell members "Complete, Not rated, no progress reported"."""
    open_actions = list(
        Action.objects.filter(pk__in=versions).exclude(status=Action.Status.COMPLETE)
    )
    reported = standing_updates(a.pk for a in open_actions)
    unreported = sorted(a.reference for a in open_actions if a.pk not in reported)
    if unreported:
        references = ", ".join(unreported)
        raise ValidationError(
            f"Nothing was changed: {references} {'has' if len(unreported) == 1 else 'have'} no"
            " progress update. Add an update saying what was done to each before marking it"
            " complete, or untick it."
        )


def _change_due_date(action, due_on, reason, changed_by):
    try:
        services.change_due_date(action, due_on, reason, changed_by, seen_due_on=action.due_on)
    except ValidationError as error:
        raise ValidationError(f"{action.reference}: {' '.join(error.messages)}") from error
