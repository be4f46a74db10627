"""A whole plan as an Excel workbook, in the columns the import reads, so a round trip loses nothing."""

from core.exports import xlsx
from improvement.state import action_states
from improvement.workbook_fields import LABELS

# (field: value of an action's state as at today), in the import's columns.
COLUMNS = {
    "reference": lambda s: s.action.reference,
    "theme": lambda s: str(s.action.theme) if s.action.theme else "",
    "title": lambda s: s.action.title,
    "recommendations": lambda s: ", ".join(str(r.number) for r in s.action.recommendations.all()),
    # The import reads "Ann Officer (Head of Service)" back as the user and the post.
    "lead": lambda s: s.lead,
    "partners": lambda s: s.action.partners,
    "starts_on": lambda s: s.action.starts_on,
    "due_on": lambda s: s.due_on,
    "status": lambda s: s.status_words,
    "rag": lambda s: s.rag_words if s.rag else "",  # a blank cell is no rating
    "update": lambda s: s.update.narrative if s.update else "",
    "update_on": lambda s: s.update.reported_on if s.update else None,
    "success_measure": lambda s: s.action.success_measure,
    "description": lambda s: s.action.description,
}


def plan_workbook(plan) -> bytes:
    """The plan's actions, one row each; text is written as text, so no formula can run."""
    actions = plan.actions.select_related("plan", "theme", "lead_officer").prefetch_related(
        "recommendations"
    )
    rows = ([value(state) for value in COLUMNS.values()] for state in action_states(actions))
    return xlsx("Actions", [LABELS[name] for name in COLUMNS], rows)
