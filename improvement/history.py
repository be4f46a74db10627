"""What changed on an action: every edit of its own fields, with who made it and when.

Built from the action's django-simple-history records, so edits made in the app and in the admin
show alike. Due-date changes appear as changes of the due date (their reasons are in the due date
table); progress updates appear as changes of the RAG rating and status they set.
"""

from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise

from django.contrib.auth import get_user_model
from django.utils.text import capfirst

from core.dates import long_date
from core.people import person_name
from core.prepared import prepared
from improvement.models import Action, ImprovementPlan

# Bookkeeping, not something a reader of the plan changed.
UNSHOWN = {"id", "version", "updated_at", "original_due_on"}


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str
    who: str
    when: datetime
    # A sentence said instead of "from old to new", where the values mean nothing to a reader.
    said: str = ""


def action_changes(action):
    """Every change of the action's fields, newest first, in a fixed number of queries."""
    records = _records(action.pk)
    fields = [f for f in Action._meta.concrete_fields if f.name not in UNSHOWN]
    names = _related_names(records, fields)
    changes = []
    for before, after in pairwise(records):
        who = person_name(after.history_user) if after.history_user else "Unknown"
        for field in fields:
            old, new = getattr(before, field.attname), getattr(after, field.attname)
            if old == new:
                continue
            if field.name == "position":
                changes += _moved(before, after, who)
                continue
            label = capfirst(field.verbose_name)
            shown = _show(field, old, names), _show(field, new, names)
            changes.append(Change(label, *shown, who, after.history_date))
    return changes[::-1]


# The rows an action's fields point to (plan, theme, lead), read with its history records.
RELATIONS = [f.name for f in Action._meta.concrete_fields if f.is_relation]


@prepared
def _records(action_id):
    """The action's history records, oldest first, each with who made it and the rows its fields
    pointed to then (a row since removed is None): one query, compiled once."""
    records = Action.history.model.objects.filter(id=action_id)
    return records.select_related("history_user", *RELATIONS).order_by("history_date")


def _moved(before, after, who):
    """A move within its theme as a reader sees it: up or down, not the numbers the ordering keeps
    (which also shift when a neighbour moves). Left out where the theme changed too (its change
    says it) and where the action had no place yet (0: the first move numbers every action of
    the theme, moved or not)."""
    if before.theme_id != after.theme_id or not before.position:
        return []
    said = "Moved up" if after.position < before.position else "Moved down"
    return [Change("Order in its theme", "", "", who, after.history_date, said)]


def _related_names(records, fields):
    """{(model, pk): name} for every related row the records mention, read with the records."""
    names = {}
    for field in fields:
        if not field.is_relation:
            continue
        for record in records:
            row = getattr(record, field.name)
            if row is not None:
                names[field.related_model, row.pk] = _name(row)
    return names


def _name(row):
    if isinstance(row, get_user_model()):
        return person_name(row)
    if isinstance(row, ImprovementPlan):
        return row.title  # its str() would fetch the authority, once per plan
    return str(row)


def _show(field, value, names):
    if value in (None, ""):
        return "—"
    if field.is_relation:
        return names.get((field.related_model, value), "(removed)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, date):
        return long_date(value)
    return str(value)
