"""What a workbook's row would change in the plan's action, field by field, as the import's
preview shows it: the old value and the new, and whether a field is emptied (which the person
must confirm) or a due date moved (which needs a reason)."""

import datetime
from dataclasses import dataclass

from core.dates import long_date
from core.people import person_name
from improvement import services
from improvement import workbook_fields as wf


@dataclass
class Change:
    """One field of an action that the import would change, as the preview shows it."""

    name: str
    label: str
    old: str
    new: str

    @property
    def emptied(self):
        return bool(self.old) and not self.new

    def key(self, reference):
        """How the person's tick names it, to check the import empties nothing else."""
        return f"{reference}: {self.label}"


LABELS = {
    **wf.LABELS,
    "lead_officer": "Lead officer",
    "lead_name": "Lead, as the plan names them",
    "theme": "Theme",
    "update": "Progress update added",
}


def changes_of(action, row):
    """Each field of the action that confirming would change, with its old and new value."""
    changes = [
        Change(
            name,
            LABELS[name],
            _shown(action, name, getattr(action, name)),
            _shown(action, name, value),
        )
        for name, value in row.values.items()
        if services.differs(action, name, value)
    ]
    if row.theme and (not action.theme or action.theme.title.lower() != row.theme[1].lower()):
        old = action.theme.title if action.theme else ""
        changes.append(Change("theme", LABELS["theme"], old, row.theme[1]))
    if row.recommendations is not None:
        old, new = action.recommendations.all(), row.recommendations
        if {r.pk for r in old} != {r.pk for r in new}:
            changes.append(
                Change("recommendations", LABELS["recommendations"], _numbers(old), _numbers(new))
            )
    if row.update and not _has_update(action, row.update):
        reported_on, rag, narrative = row.update
        when = f"{long_date(reported_on)}, " if reported_on else ""
        changes.append(Change("update", LABELS["update"], "", f"{when}{rag}: {narrative}"))
    return sorted(changes, key=lambda change: ORDER.index(change.name))


# The changes in the order of the export's columns, the lead's two parts where its column is.
ORDER = [name for name, _ in wf.FIELDS]
ORDER[ORDER.index("lead") : ORDER.index("lead") + 1] = ["lead_officer", "lead_name"]


def _shown(action, name, value):
    """A field's value as the pages write it."""
    if value is None or value == "":
        return ""
    if name == "lead_officer":
        return person_name(value)
    if isinstance(value, datetime.date):
        return long_date(value)
    field = action._meta.get_field(name)
    return str(dict(field.choices).get(value, value)) if field.choices else str(value)


def _numbers(recommendations):
    return ", ".join(str(n) for n in sorted(r.number for r in recommendations))


def _has_update(action, update):
    """Whether the action has the update already: same date and words."""
    reported_on, _, narrative = update
    return any(
        u.reported_on == reported_on and u.narrative == narrative for u in action.updates.all()
    )
