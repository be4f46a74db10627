"""Importing a plan's actions from a workbook: every row checked first, then all written at once.

The action's reference is the key: a row whose reference the plan has updates that action (only
the fields that differ), a new reference creates one, and a latest update already recorded (same
date and words) is not added again. So importing the same file twice changes nothing.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl.utils import get_column_letter

from core.dates import long_date
from core.people import person_name
from improvement import building, services
from improvement import workbook_fields as wf
from improvement.leads import possible_leads
from improvement.models import Action
from improvement.workbook_changes import changes_of
from improvement.workbook_read import Formula, cell_text, parse_date
from inspections.models import Recommendation


@dataclass
class Problem:
    sheet: str
    row: int
    column: str
    message: str
    blocking: bool = True

    def __str__(self):
        return f"sheet “{self.sheet}”, row {self.row}, column {self.column}: {self.message}"


@dataclass
class Row:
    sheet: str
    row: int
    reference: str
    theme: tuple | None  # (number or None, title); None where the workbook gives none
    values: dict  # only the fields whose column the workbook has
    recommendations: list | None = None  # None where the workbook has no such column
    update: tuple | None = None  # (date, rag, narrative)
    outcome: str = "new"  # new, changed or unchanged
    changes: list = field(default_factory=list)  # of an action the plan has


@dataclass
class Preview:
    rows: list
    problems: list

    @property
    def blocking(self):
        return [p for p in self.problems if p.blocking]

    def count(self, outcome):
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def emptied(self):
        """(row, change) of each field the import would empty: it needs the person's tick."""
        return [(r, c) for r in self.rows for c in r.changes if c.emptied]

    @property
    def moved(self):
        """(row, change) of each due date the import would move: it needs a reason."""
        return [(r, c) for r in self.rows for c in r.changes if c.name == "due_on"]

    def emptied_keys(self):
        return sorted(change.key(row.reference) for row, change in self.emptied)


def preview(plan, tables, mapping):
    """What the workbook (its tables as workbook_read.read_sheets gives them) would do to the
    plan, and every problem found, by sheet, row and column."""
    context = _Context(plan)
    rows, problems = [], []
    for sheet, headers, body in tables:
        columns = {wf_field: i for i, h in enumerate(headers) if (wf_field := mapping.get(h))}
        for number, values in body:
            reader = _RowReader(context, sheet, number, headers, columns, values, len(tables) > 1)
            row = reader.read()
            problems.extend(reader.problems)
            if row:
                action = context.actions.get(row.reference)
                row.changes = changes_of(action, row) if action else []
                row.outcome = "new" if action is None else "changed" if row.changes else "unchanged"
                rows.append(row)
    return Preview(rows, problems)


class _Context:
    """What rows are checked against: the plan's actions, people and recommendations."""

    def __init__(self, plan):
        self.plan = plan
        self.seen = {}
        self.actions = {
            a.reference: a
            for a in plan.actions.select_related("theme", "lead_officer").prefetch_related(
                "recommendations", "updates"
            )
        }
        users = possible_leads([plan.authority_id])
        self.people = {}
        for user in users:
            self.people.setdefault(person_name(user).lower(), user)
            self.people.setdefault(user.get_username().lower(), user)
        scope = plan.recommendations.all() or Recommendation.objects.filter(inspection__plans=plan)
        self.numbers = {}
        for recommendation in scope:
            self.numbers.setdefault(recommendation.number, []).append(recommendation)


class _RowReader:
    def __init__(self, context, sheet, number, headers, columns, values, theme_per_sheet):
        self.context, self.sheet, self.number = context, sheet, number
        self.headers, self.columns, self.values = headers, columns, values
        self.theme_per_sheet = theme_per_sheet
        self.problems = []

    def cell(self, name):
        index = self.columns.get(name)
        return None if index is None or index >= len(self.values) else self.values[index]

    def text(self, name):
        return cell_text(self.cell(name))

    def problem(self, name, message, blocking=True):
        index = self.columns.get(name)
        column = (
            f"{get_column_letter(index + 1)} ({self.headers[index]})" if index is not None else "–"
        )
        self.problems.append(Problem(self.sheet, self.number, column, message, blocking))

    def parsed(self, name, reader):
        if not self.text(name):
            return None
        try:
            return reader(self.cell(name))
        except ValueError as error:
            self.problem(name, f"{self.field_named(name)}{error}.")
            return None

    def field_named(self, name):
        """ "Due: " where the column's header does not already say which field it fills (a
        "Timescale" column), else nothing: "column C (Due): Due: ..." would say it twice."""
        header = self.headers[self.columns[name]]
        return (
            "" if wf.normalise(header) == wf.normalise(wf.LABELS[name]) else f"{wf.LABELS[name]}: "
        )

    def uncalculated(self):
        """Cells holding a formula with no result: named as such, never read as empty."""
        found = False
        for name in self.columns:
            if isinstance(value := self.cell(name), Formula):
                found = True
                self.problem(
                    name,
                    f"{wf.LABELS[name]} holds {value.text}, a formula saved without its result: "
                    "type the value, or open the workbook in Excel and save it again.",
                )
        return found

    def read(self):
        if self.uncalculated():
            return None
        reference = self.text("reference")
        if not reference:
            self.problem("reference", "The row has no reference; every action needs one.")
            return None
        if reference in self.context.seen:
            first = self.context.seen[reference]
            self.problem("reference", f"Reference {reference} is also on {first}.")
            return None
        self.context.seen[reference] = f"sheet “{self.sheet}” row {self.number}"
        if not self.text("title"):
            self.problem("title", "The row has no action: say what will be done.")
        values = self.action_values()
        row = Row(self.sheet, self.number, reference, self.theme(), values)
        row.recommendations = self.recommendations()
        row.update = self.update(values)
        self.check_lengths(reference, values)
        self.check_against(self.context.actions.get(reference), row)
        return row

    def check_lengths(self, reference, values):
        """Too long for the database: reported, never cut short silently."""
        limits = [("reference", reference, 20), ("title", values["title"], 500)]
        limits += [
            ("partners", values.get("partners", ""), 500),
            ("lead", values.get("lead_name", ""), 200),
        ]
        for name, text, limit in limits:
            if len(text) > limit:
                self.problem(name, f"{wf.LABELS[name]} is {len(text)} characters; at most {limit}.")

    def check_against(self, action, row):
        """What the workspace allows only with a record: a due date removed, a RAG changed."""
        if action is None:
            return
        if action.due_on and "due_on" in row.values and not row.values["due_on"]:
            self.problem(
                "due_on",
                f"Action {action.reference} is due {long_date(action.due_on)}; "
                "a due date can be changed but not removed.",
            )
        new_rag = row.values.get("rag")
        if new_rag and new_rag != action.rag and row.update is None:
            self.problem(
                "rag",
                f"The RAG changes from {action.rag or 'none'} to {new_rag}: "
                "give the latest update that explains it, with its date.",
            )

    def action_values(self):
        """The action's fields as the row gives them: only those whose column the workbook has,
        so a column it lacks leaves the action's field as it is."""
        readers = {
            "title": self.text,
            "description": self.text,
            "partners": self.text,
            "success_measure": self.text,
            "starts_on": lambda name: self.parsed(name, parse_date),
            "due_on": lambda name: self.parsed(name, parse_date),
            "rag": lambda name: self.parsed(name, wf.read_rag) or "",
        }
        values = {name: read(name) for name, read in readers.items() if name in self.columns}
        if status := self.status(values.get("rag", "")):
            values["status"] = status
        if values.get("rag") == "blue" and values.get("status") != Action.Status.COMPLETE:
            self.problem("rag", "Blue means complete, but the status says the action is not.")
        starts_on, due_on = values.get("starts_on"), values.get("due_on")
        if starts_on and due_on and due_on < starts_on:
            self.problem("due_on", "The due date is before the start date.")
        if "lead" in self.columns:
            values.update(self.lead())
        return values

    def status(self, rag):
        """From the status or % complete column; without either, a new action's status is as
        the services would have it after the row's update, and the plan's action keeps its own
        (its update, if any, moves it on)."""
        told = self.parsed("status", wf.read_status) or self.parsed(
            "percent_complete", wf.status_from_percent
        )
        if told or self.context.actions.get(self.text("reference")):
            return told
        if rag == "blue":
            return Action.Status.COMPLETE
        return Action.Status.IN_PROGRESS if self.text("update") else Action.Status.NOT_STARTED

    def lead(self):
        """A user of the council by name or username, with the plan's wording of the post in
        brackets after it as Action.lead writes it ("Ann Officer (Head of Service)"); else
        the lead's name as written."""
        name = self.text("lead")
        user = self.context.people.get(name.lower()) if name else None
        if user:
            # The plan's own name for the post (kept beside the user, as the edit form keeps it)
            # is not in the cell, so a row naming the user alone leaves it as it is.
            return {"lead_officer": user}
        if m := re.fullmatch(r"(.+?)\s*\((.+)\)", name):
            user = self.context.people.get(m[1].lower())
            if user:
                return {"lead_officer": user, "lead_name": m[2].strip()}
        if name:
            self.problem("lead", self.unknown_lead(name), False)
        return {"lead_officer": None, "lead_name": name}

    def unknown_lead(self, name):
        """A name that is none of the council's officers or managers: the closest one suggested
        (a typo would otherwise take the action off its lead's list and reminders), and the lead
        it replaces named."""
        message = f"“{name}” is not one of the council's officers or managers"
        close = difflib.get_close_matches(name.lower(), self.context.people, n=1, cutoff=0.8)
        if close:
            message += f": did you mean {person_name(self.context.people[close[0]])}?"
        action = self.context.actions.get(self.text("reference"))
        if action and action.lead_officer:
            return (
                message
                + f" The import would take the action from {person_name(action.lead_officer)}."
            )
        return message + ". Kept as the lead's name as written."

    def theme(self):
        text = self.text("theme") or (self.sheet if self.theme_per_sheet else "")
        if not text:
            return None
        if m := re.fullmatch(r"(?:theme\s*)?(\d+)\s*[.):\-–]?\s+(.+)", text, re.IGNORECASE):
            return int(m[1]), m[2][:200]
        return None, text[:200]

    def recommendations(self):
        if "recommendations" not in self.columns:
            return None
        found = []
        for number in self.parsed("recommendations", wf.read_numbers) or []:
            matches = self.context.numbers.get(number, [])
            if len(matches) != 1:
                why = "the plan's inspections have none" if not matches else "it is ambiguous"
                self.problem("recommendations", f"Recommendation {number}: {why}.")
            found.extend(matches[:1])
        return found

    def update(self, values):
        narrative = self.text("update")
        if not narrative:
            return None
        reported_on = self.parsed("update_on", parse_date)
        if not self.text("update_on"):
            self.problem("update_on", "The latest update has no date.")
        elif reported_on:
            try:  # dated by the rules of an update added in the app
                services.check_reported_on(self.context.plan, reported_on)
            except ValidationError as error:
                self.problem("update_on", " ".join(error.messages))
        if not values.get("rag"):
            self.problem("rag", "The latest update has no RAG rating.")
        return reported_on, values.get("rag", ""), narrative


@transaction.atomic
def apply(plan, result, file_name, user, reason=""):
    """Write every row of a preview with no blocking problem, through the services that the
    workspace's pages use; {outcome: count}. `reason` is why its due dates move, recorded on each
    move with the file's name. A refusal stops the whole import, naming the row."""
    if result.blocking:
        raise ValueError("The workbook has problems; nothing was imported.")
    writer = _Writer(plan, file_name, user, reason)
    counts = {"new": 0, "changed": 0, "unchanged": 0, "updates": 0}
    for row in result.rows:
        try:
            row.outcome, added = writer.save_row(row)
        except ValidationError as error:
            where = f"Sheet “{row.sheet}”, row {row.row} (reference {row.reference})"
            raise ValidationError(f"{where}: {' '.join(error.messages)}") from error
        counts[row.outcome] += 1
        counts["updates"] += added
    return counts


class _Writer:
    def __init__(self, plan, file_name, user, reason):
        self.plan, self.file_name, self.user = plan, file_name, user
        self.reason = f"{reason.strip()} (imported from {file_name})" if reason.strip() else ""
        # The plan's actions are locked, so an edit made meanwhile waits rather than being lost.
        locked = (
            plan.actions.select_for_update(of=("self",))
            .select_related("theme", "lead_officer")
            .prefetch_related("recommendations", "updates")
        )
        self.existing = {a.reference: a for a in locked}
        self.themes = {t.title.lower(): t for t in plan.themes.all()}

    def theme(self, key):
        """The plan's theme of that title, else a new one: numbered as written unless taken."""
        if key is None:
            return None
        number, title = key
        if title.lower() not in self.themes:
            numbers = {t.number for t in self.themes.values()}
            if number is None or number in numbers:
                number = max(numbers, default=0) + 1
            self.themes[title.lower()] = building.add_theme(self.plan, title, number=number)
        return self.themes[title.lower()]

    def save_row(self, row):
        """(new, changed or unchanged; updates added) for the row's action."""
        values = dict(row.values)
        if row.theme:  # a row with no theme leaves the action's as it is
            values["theme"] = self.theme(row.theme)
        action = self.existing.get(row.reference)
        if action is None:
            action = building.add_action(self.plan, reference=row.reference, **values)
            outcome, known, linked = "new", [], set()
        else:
            changed = any(services.differs(action, name, value) for name, value in values.items())
            outcome, known = ("changed" if changed else "unchanged"), action.updates.all()
            linked = {r.pk for r in action.recommendations.all()}
        update = self.add_update(action, row, known)
        # The update moves the RAG and status on; then the row's own values stand.
        action = self.edit(update.action if update else action, values)
        if row.recommendations is not None and linked != {r.pk for r in row.recommendations}:
            # Locked and as saved by the edit above: the new version is counted from it.
            building.set_recommendations(action, row.recommendations)
            outcome = "changed" if outcome == "unchanged" else outcome
        return outcome, int(update is not None)

    def add_update(self, action, row, known):
        """The row's latest update, unless the action has it already (same date and words)."""
        if row.update is None:
            return None
        reported_on, rag, narrative = row.update
        if any(u.reported_on == reported_on and u.narrative == narrative for u in known):
            return None
        signed = f"Imported from {self.file_name}"[:200]
        return services.add_progress_update(
            action, None, rag, narrative, reported_on, signed_as=signed
        )

    def edit(self, action, values):
        """The row's values where the action (as it stands, locked) differs: a moved due date
        recorded with its reason, as on the due-date page, and the rest as the action form saves
        them. The action as saved."""
        due_on = values.get("due_on", action.due_on)
        fields = {
            name: value
            for name, value in values.items()
            if name != "due_on" and services.differs(action, name, value)
        }
        move = due_on != action.due_on
        if move and not (action.starts_on and due_on < action.starts_on):
            action, move = self.move_due_date(action, due_on), False
        if fields:
            # Saved before a due date that comes before the present start: the start moves first.
            action = services.edit_action(action.pk, action.version, fields)
        if move:
            action = self.move_due_date(action, due_on)
        return action

    def move_due_date(self, action, due_on):
        return services.change_due_date(
            action, due_on, self.reason, self.user, action.due_on
        ).action
