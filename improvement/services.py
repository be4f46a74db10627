"""The workspace's changes to a plan, each one transaction: updates, due dates, edits."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from authorities.access import partner_organisation_id
from core.dates import long_date
from core.people import person_name
from improvement.models import Action, DueDateChange, Evidence, ProgressUpdate, Rag
from improvement.state import standing_update


class AlreadyAdded(Exception):
    """The form of a progress update was sent again: it was recorded the first time."""


class EditConflict(Exception):
    """Someone saved the action after this form was opened."""

    def __init__(self, current, changed):
        self.current = current
        self.changed = changed  # [(field label, value now)]
        super().__init__("This action was changed by someone else while you were editing it.")


@transaction.atomic
def add_progress_update(
    action,
    author,
    rag,
    narrative,
    reported_on=None,
    evidence=None,
    signed_as="",
    submission=None,
):
    """Append an update; the action's RAG and status follow its standing update, which is this
    one unless a newer one stands. An update with no author user (an imported workbook's) is
    `signed_as` a name instead.

    `submission` is the one-time token of the form it came from: sent again (a double click,
    a resubmission), it is refused with AlreadyAdded and nothing is recorded twice. The action's
    row lock makes the second of two simultaneous posts wait for, and then see, the first."""
    action = Action.objects.select_for_update().select_related("plan").get(pk=action.pk)
    if submission and ProgressUpdate.objects.filter(submission=submission).exists():
        raise AlreadyAdded("This progress update was already added.")
    if rag in (Rag.RED, Rag.AMBER) and not narrative.strip():
        raise ValidationError({"narrative": "Say what is being done about a red or amber rating."})
    reported_on = reported_on or timezone.localdate()
    check_reported_on(action.plan, reported_on)
    update = ProgressUpdate.objects.create(
        action=action,
        author=author,
        author_name=person_name(author) if author else signed_as,
        # A partner writes for their organisation: the update is marked as its, on the action's
        # page and in the committee paper.
        organisation_id=partner_organisation_id(author, action.plan.authority_id)
        if author
        else None,
        rag=rag,
        narrative=narrative,
        reported_on=reported_on,
        submission=submission,
    )
    for item in evidence or []:
        Evidence.objects.create(update=update, **item)
    _follow_standing_update(action)
    return update


@transaction.atomic
def change_due_date(action, new_due_on, reason, changed_by, seen_due_on=None):
    """Re-baseline the due date; the reason is recorded with the old and new dates.

    `seen_due_on` is the due date the manager's page showed: if it has moved since, nothing is
    saved and the message says where it stands now, so two managers never overwrite each other.
    """
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason the due date changes."})
    action = Action.objects.select_for_update().get(pk=action.pk)
    if action.due_on != seen_due_on:
        raise ValidationError(_due_date_moved(action, seen_due_on))
    if new_due_on == action.due_on:
        # Recorded, it would tell members the action "moved from 31 January 2027 to 31 January 2027".
        raise ValidationError(
            {
                "new_due_on": f"The action is already due on {long_date(new_due_on)}: enter a different date."
            }
        )
    if action.starts_on and new_due_on < action.starts_on:
        raise ValidationError({"new_due_on": "The new due date is before the action starts."})
    change = DueDateChange.objects.create(
        action=action,
        old_due_on=action.due_on,
        new_due_on=new_due_on,
        reason=reason,
        changed_by=changed_by,
    )
    action.due_on = new_due_on
    save_with_new_version(action, ["due_on"])
    return change


@transaction.atomic
def edit_action(action_pk, version, changes):
    """Save a manager's edit only if nobody saved the action since `version` was read. The
    changes may set its partner organisations (a list of the authority's organisations), which
    move the version like any other field."""
    current = Action.objects.select_for_update().get(pk=action_pk)
    if not current.is_version(version):
        raise EditConflict(current, _differences(current, changes))
    changes = {name: value for name, value in changes.items() if differs(current, name, value)}
    if not changes:
        return current  # an unchanged form writes nothing and keeps the version
    links = {name: changes.pop(name) for name in list(changes) if _is_many(name)}
    for name, value in changes.items():
        setattr(current, name, value)
    if "theme" in changes:
        # Put in another theme, it goes after that theme's actions, as a new one would.
        current.position = next_position(current)
        changes["position"] = current.position
    if current.rag == Rag.BLUE and current.status != Action.Status.COMPLETE:
        raise ValidationError({"status": "The action is rated blue: it can only be complete."})
    current.full_clean()
    if "partner_organisations" in links:
        _check_partnership(current, links["partner_organisations"])
    for name, rows in links.items():
        getattr(current, name).set(rows)
    save_with_new_version(current, list(changes))
    return current


def _is_many(name):
    return Action._meta.get_field(name).many_to_many


def _check_partnership(action, organisations):
    """An action's partner organisations are of its authority's partnership."""
    others = [str(o) for o in organisations if o.authority_id != action.plan.authority_id]
    if others:
        raise ValidationError(
            {
                "partner_organisations": f"{', '.join(others)}: not in this authority's "
                "partnership. Choose its own organisations."
            }
        )


def next_position(action):
    """The place after the last action of the action's theme (or of its plan's unthemed ones)."""
    siblings = Action.objects.filter(plan_id=action.plan_id, theme_id=action.theme_id)
    top = siblings.exclude(pk=action.pk).aggregate(top=Max("position"))["top"]
    return (top or 0) + 1


def differs(row, name, value):
    """Whether the row's field differs from the value; a related row is compared by its key, so
    nothing is fetched to compare it (related rows of a many-to-many field, by their keys)."""
    field = row._meta.get_field(name)
    if field.many_to_many:
        now = set(getattr(row, name).values_list("pk", flat=True))
        return now != {related.pk for related in value}
    if field.is_relation:
        return getattr(row, field.attname) != (value.pk if value is not None else None)
    return getattr(row, name) != value


def _due_date_moved(action, seen_due_on):
    def when(day):
        return long_date(day) or "no date"

    message = (
        f"The due date is now {when(action.due_on)}, not {when(seen_due_on)} as your page showed"
    )
    last = action.due_date_changes.select_related("changed_by").last()
    if last and last.new_due_on == action.due_on and last.changed_by:
        message += f": {person_name(last.changed_by)} changed it, giving the reason “{last.reason}”"
    return message + ". Nothing was saved; check the date and change it again if you still need to."


def _differences(current, changes):
    return [
        (Action._meta.get_field(name).verbose_name, _value_now(current, name))
        for name, value in changes.items()
        if differs(current, name, value)
    ]


def _value_now(row, name):
    if _is_many(name):
        return ", ".join(str(related) for related in getattr(row, name).all())
    return getattr(row, name)


def save_with_new_version(action, fields):
    # Callers hold the row's lock (select_for_update), so counting up here is safe, and the
    # history record gets the number itself rather than an F() expression it cannot store.
    action.version += 1
    action.save(update_fields=[*fields, "version", "updated_at"])


def check_reported_on(plan, reported_on):
    """Progress is reported on a day that has come, and not before the plan existed."""
    today = timezone.localdate()
    if reported_on > today:
        raise ValidationError(
            {
                "reported_on": f"The date of the update, {long_date(reported_on)}, is in the future: "
                f"use today ({long_date(today)}) or an earlier date."
            }
        )
    began_on = plan.began_on()
    if began_on and reported_on < began_on:
        raise ValidationError(
            {
                "reported_on": f"The date of the update, {long_date(reported_on)}, is before the plan "
                f"existed (from {long_date(began_on)})."
            }
        )


@transaction.atomic
def retract_progress_update(update, user, reason):
    """Strike out a wrong update with the reason; it stays on the record but no longer counts.

    The action's RAG returns to that of its latest standing update, and the version moves on.
    """
    if not reason.strip():
        raise ValidationError({"reason": "Say why the update is retracted."})
    action = Action.objects.select_for_update().get(pk=update.action_id)
    update = ProgressUpdate.objects.select_for_update().get(pk=update.pk)
    if update.is_retracted:
        raise ValidationError(
            f"The update of {long_date(update.reported_on)} was already retracted by "
            f"{person_name(update.retracted_by)}: “{update.retraction_reason}”."
        )
    update.retracted_at = timezone.now()
    update.retracted_by = user
    update.retraction_reason = reason.strip()
    update.save(update_fields=list(ProgressUpdate.RETRACTION_FIELDS))
    _follow_standing_update(action)
    return update


def _follow_standing_update(action):
    """Keep the action's stored RAG and status (what the pages read as at today) those of its
    standing update, after one is added or retracted."""
    standing = standing_update(action)
    was_blue, action.rag = action.rag == Rag.BLUE, standing.rag if standing else ""
    if action.rag == Rag.BLUE:
        action.status = Action.Status.COMPLETE
    elif was_blue or (standing and action.status == Action.Status.NOT_STARTED):
        # The completion came from an update that no longer stands: the action is open again.
        action.status = Action.Status.IN_PROGRESS
    save_with_new_version(action, ["rag", "status"])
