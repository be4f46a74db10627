"""An action's columns in the downloads: each column's heading and its value in the action's
state as at today (improvement.state.ActionState).

The actions table's CSV and Excel downloads and the plan workbook (whose import reads the same
headings back, improvement/workbook_fields.py) take their columns from here, so a column is named
and filled one way. Which columns each has differs on purpose: see DOWNLOAD and WORKBOOK.
"""

HEADINGS = {
    "reference": "Reference",
    "theme": "Theme",
    "title": "Action",
    "plan": "Plan",
    "recommendations": "Recommendation number(s)",
    "lead": "Lead",
    "partners": "Partners",
    "starts_on": "Start",
    "due_on": "Due",
    "original_due_on": "Original due date",
    "status": "Status",
    "rag": "RAG",
    "update": "Latest update",
    "update_on": "Latest update date",
    "success_measure": "Measure of success",
    "description": "Desired outcome",
    "percent_complete": "% complete",  # read by the workbook import, never written
}

VALUES = {
    "reference": lambda s: s.action.reference,
    "theme": lambda s: str(s.action.theme) if s.action.theme else "",
    "title": lambda s: s.action.title,
    "plan": lambda s: s.action.plan.title,
    "recommendations": lambda s: ", ".join(str(r.number) for r in s.action.recommendations.all()),
    # "Ann Officer (Head of Service)", which the workbook import reads back as user and post.
    "lead": lambda s: s.lead,
    "partners": lambda s: s.action.partners,
    "starts_on": lambda s: s.action.starts_on,
    "due_on": lambda s: s.due_on,
    "original_due_on": lambda s: s.action.original_due_on,
    "status": lambda s: s.status_words,
    "rag": lambda s: s.rag_words,
    "update": lambda s: s.update.narrative if s.update else "",
    "update_on": lambda s: s.update.reported_on if s.update else None,
    "success_measure": lambda s: s.action.success_measure,
    "description": lambda s: s.action.description,
}

# The actions table's downloads, for reading: actions of several plans, each with its plan and its
# original due date.
DOWNLOAD = (
    "reference",
    "title",
    "plan",
    "theme",
    "lead",
    "partners",
    "starts_on",
    "due_on",
    "original_due_on",
    "status",
    "rag",
    "success_measure",
    "update",
    "update_on",
)

# The plan workbook, in the order of the import's mapping page: one plan, so no plan column; the
# import keeps the original due date itself; an unrated action's RAG cell is left blank, which the
# import reads as no rating.
WORKBOOK = (
    "reference",
    "theme",
    "title",
    "recommendations",
    "lead",
    "partners",
    "starts_on",
    "due_on",
    "status",
    "rag",
    "update",
    "update_on",
    "success_measure",
    "description",
)
WORKBOOK_VALUES = {**VALUES, "rag": lambda s: s.rag_words if s.rag else ""}


def columns(names, values=VALUES):
    """[(heading, value of a state)] for the named columns."""
    return [(HEADINGS[name], values[name]) for name in names]
