"""Importing audit results from a workbook, with the plan workbook's checks and reader
(improvement.workbook_check, workbook_read): the file's content and declared size first, then
its sheets read once into tables kept on an AuditUpload; a preview names every bad row by sheet,
row and column; the import writes every row or none.

A row is an audit: date audited, team, theme and grade are needed; case reference, strengths,
learning and re-audit due are read when the workbook has them. A row already recorded (same
date, team, theme, grade, case reference, strengths and learning) is not recorded again, so the
same file imported twice records its audits once. Text that looks like a child's name or an
identifier (audits.privacy) is listed by row, and the import needs the person's confirmation.
"""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from openpyxl.utils import get_column_letter

from audits import services
from audits.columns import ALIASES, HEADINGS, IMPORTED, REQUIRED
from audits.models import (
    NOTES_LIMIT,
    AuditResult,
    AuditUpload,
    Grade,
    Theme,
    reference_characters,
)
from audits.privacy import concerns
from core.dates import long_date
from improvement.workbook_check import NotAWorkbook, check_limits
from improvement.workbook_fields import normalise
from improvement.workbook_import import Problem
from improvement.workbook_read import Formula, cell_text, parse_date, read_sheets, to_json

log = logging.getLogger(__name__)
MAX_ROWS = 2_000  # audits at a time: a council audits a few hundred cases a year
UNREADABLE = "“{}” could not be read as a workbook; save it again from Excel as .xlsx."
GRADES = {
    "outstanding": Grade.OUTSTANDING,
    "good": Grade.GOOD,
    "requires improvement": Grade.REQUIRES_IMPROVEMENT,
    "requires improvement to be good": Grade.REQUIRES_IMPROVEMENT,
    "require improvement": Grade.REQUIRES_IMPROVEMENT,
    "ri": Grade.REQUIRES_IMPROVEMENT,
    "inadequate": Grade.INADEQUATE,
}
THEMES = {normalise(label): value for value, label in Theme.choices if value != Theme.OTHER}
THEMES.update({"assessments": Theme.ASSESSMENT, "voice of child": Theme.VOICE_OF_THE_CHILD})
THEMES.update({"childs voice": Theme.VOICE_OF_THE_CHILD, "plans": Theme.PLANNING})
GUESSES = {normalise(alias): name for name, aliases in ALIASES.items() for alias in aliases}
GUESSES.update({normalise(HEADINGS[name]): name for name in IMPORTED})
TEXT_LIMITS = {"team": 100, "case_reference": 20}
NOTES = ("strengths", "learning")


def read_upload(content: bytes, file_name: str):
    """The workbook's tables in the form an AuditUpload keeps; NotAWorkbook if it cannot be
    read. The form has checked its content and limits; they are checked again here, as nothing
    is read that has not passed them."""
    declared = check_limits(content, file_name)
    try:
        return to_json(read_sheets(content, declared.merges, declared.formulas))
    # openpyxl raises many kinds of error on a damaged file; each means the same to the user.
    except Exception as error:  # noqa: BLE001
        log.warning("Audit workbook %s could not be read", file_name, exc_info=True)
        raise NotAWorkbook(UNREADABLE.format(file_name)) from error


@dataclass
class Row:
    sheet: str
    row: int
    values: dict
    outcome: str = "new"  # new, or already (recorded before, or earlier in the file)
    concerns: list = field(default_factory=list)  # (column, Concern)

    @property
    def key(self):
        return key_of(self.values)

    @property
    def theme_words(self):
        theme = self.values["theme"]
        return self.values["theme_name"] if theme == Theme.OTHER else Theme(theme).label

    @property
    def grade_words(self):
        return Grade(self.values["grade"]).label


def key_of(values):
    """What makes two records the same audit."""
    names = ("audited_on", "team", "theme", "theme_name", "grade", "case_reference")
    return tuple(values.get(n, "") for n in (*names, "strengths", "learning"))


@dataclass
class Preview:
    rows: list
    problems: list

    @property
    def blocking(self):
        return [p for p in self.problems if p.blocking]

    @property
    def new(self):
        return [r for r in self.rows if r.outcome == "new"]

    @property
    def already(self):
        return [r for r in self.rows if r.outcome == "already"]

    @property
    def warned(self):
        """The new rows whose text looks like a name or an identifier."""
        return [r for r in self.new if r.concerns]


def preview(authority, tables, today=None) -> Preview:
    """What the workbook's tables would record for the authority, and every problem."""
    today = today or timezone.localdate()
    recorded = {key_of(values) for values in _recorded(authority)}
    rows, problems, seen = [], [], set()
    for sheet, headers, body in tables:
        columns = _columns(headers)
        if not columns:
            problems.append(Problem(sheet, 0, "–", _NO_COLUMNS, blocking=False))
            continue
        if missing := [HEADINGS[n] for n in REQUIRED if n not in columns]:
            problems.append(Problem(sheet, 0, "–", _missing(missing)))
            continue
        for number, values in body:
            reader = _RowReader(sheet, number, headers, columns, values, today)
            row = reader.read()
            problems.extend(reader.problems)
            if row is None:
                continue
            row.outcome = "already" if row.key in recorded or row.key in seen else "new"
            seen.add(row.key)
            rows.append(row)
    if len(rows) > MAX_ROWS:
        problems.append(Problem("–", 0, "–", f"{len(rows):,} audits; import {MAX_ROWS:,} at most."))
    if not tables:
        problems.append(Problem("–", 0, "–", "The workbook has no sheet with a header row."))
    return Preview(rows, problems)


_NO_COLUMNS = "none of its headers is an audit's column, so it is left out"


def _missing(headings):
    return (
        f"no column for {', '.join(headings)}: every audit needs its date, team, theme and "
        "grade. Name the columns' headers so (“Date audited”, “Team”, “Theme”, “Grade”)."
    )


def _columns(headers):
    """{field: index of its column}: each field from the first column whose header names it."""
    columns = {}
    for index, header in enumerate(headers):
        name = GUESSES.get(normalise(header or ""))
        if name:
            columns.setdefault(name, index)
    return columns


def _recorded(authority):
    names = ("audited_on", "team", "theme", "theme_name", "grade", "case_reference")
    return AuditResult.objects.filter(authority=authority).values(*names, "strengths", "learning")


class _RowReader:
    """One row's values, each checked as the form would check it; problems by column."""

    def __init__(self, sheet, number, headers, columns, values, today):
        self.sheet, self.number, self.headers = sheet, number, headers
        self.columns, self.values, self.today = columns, values, today
        self.problems = []

    def cell(self, name):
        index = self.columns.get(name)
        return None if index is None or index >= len(self.values) else self.values[index]

    def text(self, name):
        return (
            " ".join(cell_text(self.cell(name)).split())
            if name in TEXT_LIMITS
            else (cell_text(self.cell(name)).replace("\r\n", "\n"))
        )

    def column(self, name):
        index = self.columns[name]
        return f"{get_column_letter(index + 1)} ({self.headers[index]})"

    def problem(self, name, message, blocking=True):
        self.problems.append(Problem(self.sheet, self.number, self.column(name), message, blocking))

    def read(self):
        formulas = [n for n in self.columns if isinstance(self.cell(n), Formula)]
        for name in formulas:
            self.problem(
                name,
                f"{HEADINGS[name]} holds {self.cell(name).text}, a formula saved without its "
                "result: type the value, or open the workbook in Excel and save it again.",
            )
        if formulas:
            return None
        values = {
            "audited_on": self.date("audited_on", required=True),
            "team": self.required_text("team"),
            **self.theme(),
            "grade": self.grade(),
            "case_reference": self.reference(),
            **{name: self.notes(name) for name in NOTES},
            "re_audit_due": self.date("re_audit_due"),
        }
        self.check_dates(values)
        if any(p.blocking for p in self.problems):
            return None
        row = Row(self.sheet, self.number, values)
        for name in ("case_reference", *NOTES):
            if name in self.columns:
                row.concerns += [(self.column(name), c) for c in concerns(values[name])]
        return row

    def date(self, name, required=False):
        if name not in self.columns or not cell_text(self.cell(name)):
            if required:
                self.problem(name, f"{HEADINGS[name]} is empty: every audit needs its date.")
            return None
        try:
            return parse_date(self.cell(name))
        except ValueError as error:
            self.problem(name, f"{error}.")
            return None

    def notes(self, name):
        text = self.text(name) if name in self.columns else ""
        if len(text) > NOTES_LIMIT:
            limit = f"{NOTES_LIMIT:,}"
            self.problem(name, f"{HEADINGS[name]} is {len(text):,} characters; at most {limit}.")
        return text

    def required_text(self, name):
        text = self.text(name)
        if not text:
            self.problem(name, f"{HEADINGS[name]} is empty: every audit needs its {name}.")
        elif len(text) > TEXT_LIMITS[name]:
            limit = TEXT_LIMITS[name]
            self.problem(name, f"{HEADINGS[name]} is {len(text)} characters; at most {limit}.")
        return text

    def theme(self):
        text = self.text("theme").strip()
        if not text:
            self.problem("theme", "Theme is empty: every audit needs its theme.")
            return {"theme": "", "theme_name": ""}
        value = THEMES.get(normalise(text))
        if value:
            return {"theme": value, "theme_name": ""}
        if len(text) > 100:
            self.problem("theme", f"Theme is {len(text)} characters; at most 100.")
        named = ", ".join(label for v, label in Theme.choices if v != Theme.OTHER)
        self.problem(
            "theme",
            f"“{text}” is none of the themes ({named}): recorded as another theme named so.",
            blocking=False,
        )
        return {"theme": Theme.OTHER, "theme_name": text[:100]}

    def grade(self):
        text = self.text("grade")
        grade = GRADES.get(" ".join(text.lower().replace("(", " ").replace(")", " ").split()))
        if not grade:
            words = ", ".join(label.lower() for _, label in Grade.choices)
            shown = f"“{text}” is not a grade" if text else "Grade is empty"
            self.problem("grade", f"{shown}: write {words} (or RI).")
        return grade or ""

    def reference(self):
        if "case_reference" not in self.columns:
            return ""
        text = self.text("case_reference").strip()
        if len(text) > TEXT_LIMITS["case_reference"]:
            self.problem("case_reference", f"“{text}” is longer than 20 characters.")
        elif text:
            try:
                reference_characters(text)
            except ValidationError as error:
                self.problem("case_reference", f"“{text}”: {' '.join(error.messages)}")
        return text

    def check_dates(self, values):
        audited_on, due = values["audited_on"], values["re_audit_due"]
        if audited_on and audited_on > self.today:
            self.problem("audited_on", f"{long_date(audited_on)} is in the future.")
        if audited_on and due and due < audited_on:
            self.problem("re_audit_due", "The re-audit is due before the audit's own date.")


@transaction.atomic
def apply(upload: AuditUpload, result: Preview, by) -> int | None:
    """Record the preview's new rows, all or none, and mark the upload imported with its sheets
    emptied; how many were recorded. None if the upload was imported already: it is claimed
    first, so a second confirmation (a double click) records nothing."""
    if result.blocking:
        raise ValueError("A workbook with problems is not imported.")
    claimed = AuditUpload.objects.filter(pk=upload.pk, imported_at__isnull=True).update(
        imported_at=timezone.now(),
        tables=None,
        outcome={"imported": len(result.new), "already": len(result.already)},
    )
    if not claimed:
        return None
    for row in result.new:
        privacy_confirmed = bool(row.concerns)
        services.record_result(upload.authority, dict(row.values), {}, by, privacy_confirmed)
    return len(result.new)
