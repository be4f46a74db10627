"""The fields a workbook's columns map to, the headers councils use for them, and cell readers."""

import re

from improvement.columns import HEADINGS, WORKBOOK
from improvement.models import Action, Rag
from improvement.workbook_read import cell_text

# (field, label): the plan workbook's columns, then what only the import reads, in the order of
# the mapping page.
FIELDS = [(name, HEADINGS[name]) for name in (*WORKBOOK, "percent_complete")]
LABELS = dict(FIELDS)

# Headers seen in councils' trackers, normalised (lower case, single spaces, no punctuation but %).
HEADERS = {
    "reference": ["ref", "action ref", "action reference", "no", "action no", "action number"],
    "theme": ["strand", "priority", "workstream", "outcome", "theme strand"],
    "title": ["action required", "actions", "what will be done", "action title", "action"],
    "recommendations": [
        "recommendation",
        "recommendations",
        "recommendation number",
        "recommendation numbers",
        "recommendation number s",
        "ofsted recommendation",
        "rec",
    ],
    "lead": ["lead officer", "officer", "responsible officer", "owner", "responsible", "lead"],
    "partners": ["partner agencies", "partners"],
    "starts_on": ["start date", "starts", "start"],
    "due_on": ["due date", "timescale", "timescales", "deadline", "target date", "by when"],
    "status": ["status", "progress status"],
    "rag": ["rag rating", "rag status", "rag"],
    "update": ["progress", "progress update", "update", "commentary", "narrative", "comments"],
    "update_on": ["update date", "date of update", "last updated", "date updated"],
    "success_measure": ["how success is measured", "success measure", "success measures"],
    "description": ["desired outcome", "expected outcome", "description", "outcomes"],
    "percent_complete": ["% complete", "percent complete", "percentage complete"],
}


def normalise(header):
    return " ".join(re.sub(r"[^\w%]+", " ", header.lower()).split())


GUESSES = {normalise(label): field for field, label in FIELDS}
GUESSES.update({normalise(h): field for field, headers in HEADERS.items() for h in headers})


def guess_mapping(headers):
    """{header: field or ""}: each field given to the first header that names it."""
    mapping, taken = {}, set()
    for header in headers:
        field = GUESSES.get(normalise(header), "")
        if field in taken:
            field = ""
        taken.add(field)
        mapping[header] = field
    return mapping


RAGS = {"r": "red", "a": "amber", "g": "green", "b": "blue", "complete": "blue"}
RAGS.update({value: value for value in Rag.values})
RAGS.update({label.lower(): value for value, label in Rag.choices})  # as the export words them
STATUSES = {
    "not started": Action.Status.NOT_STARTED,
    "in progress": Action.Status.IN_PROGRESS,
    "on track": Action.Status.IN_PROGRESS,
    "ongoing": Action.Status.IN_PROGRESS,
    "started": Action.Status.IN_PROGRESS,
    "complete": Action.Status.COMPLETE,
    "completed": Action.Status.COMPLETE,
    "done": Action.Status.COMPLETE,
}


def read_rag(value):
    text = cell_text(value).lower()
    if text not in RAGS:
        raise ValueError(f"“{cell_text(value)}” is not a RAG rating (red, amber, green or blue)")
    return RAGS[text]


def read_status(value):
    text = normalise(cell_text(value))
    if text not in STATUSES:
        raise ValueError(
            f"“{cell_text(value)}” is not a status (not started, in progress or complete)"
        )
    return STATUSES[text]


def status_from_percent(value):
    """0% not started, 100% complete, anything between in progress (0.5 and 50% alike)."""
    text = cell_text(value).rstrip("%").strip()
    try:
        number = float(text)
    except ValueError as error:
        raise ValueError(f"“{cell_text(value)}” is not a percentage") from error
    if isinstance(value, float | int) and not text.endswith("%") and number <= 1:
        number *= 100
    if number <= 0:
        return Action.Status.NOT_STARTED
    return Action.Status.COMPLETE if number >= 100 else Action.Status.IN_PROGRESS


NUMBER_LIST = re.compile(
    r"(?:(?:recommendations?|recs?|r|no\.?|#)?\s*\d+\s*(?:,|;|&|and|/)?\s*)+", re.IGNORECASE
)


def read_numbers(value):
    """Recommendation numbers from "1", "1, 3", "R2 and R5", "Rec 4" or "3. Improve ..."."""
    text = cell_text(value)
    if isinstance(value, float) and value.is_integer():
        return [int(value)]
    if m := re.match(r"(\d+)[.)]\s+\D", text):
        return [int(m[1])]
    if NUMBER_LIST.fullmatch(text):
        return [int(n) for n in re.findall(r"\d+", text)]
    raise ValueError(f"“{text}” does not give recommendation numbers")
