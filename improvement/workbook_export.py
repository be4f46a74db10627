"""A whole plan as an Excel workbook, in the columns the import reads, so a round trip loses nothing."""

from core.exports import inert, xlsx
from improvement.models import latest_standing_update
from improvement.rules import latest_update
from improvement.tables import lead_of
from improvement.workbook_fields import LABELS

COLUMNS = {
    "reference": lambda a: a.reference,
    "theme": lambda a: str(a.theme) if a.theme else "",
    "title": lambda a: a.title,
    "recommendations": lambda a: ", ".join(str(r.number) for r in a.recommendations.all()),
    "lead": lead_of,
    "partners": lambda a: a.partners,
    "starts_on": lambda a: a.starts_on,
    "due_on": lambda a: a.due_on,
    "status": lambda a: a.get_status_display(),
    "rag": lambda a: a.get_rag_display().split(" ")[0] if a.rag else "",
    "update": lambda a: getattr(latest_update(a), "narrative", ""),
    "update_on": lambda a: getattr(latest_update(a), "reported_on", None),
    "success_measure": lambda a: a.success_measure,
    "description": lambda a: a.description,
}
DATE_FORMAT = "dd/mm/yyyy"


def plan_workbook(plan) -> bytes:
    """The plan's actions, one row each, every text cell inert (no formula can run)."""
    actions = plan.actions.select_related("theme", "lead_officer").prefetch_related(
        "recommendations", latest_standing_update()
    )
    rows = ([inert(value(action)) for value in COLUMNS.values()] for action in actions)
    return xlsx("Actions", [LABELS[name] for name in COLUMNS], rows, DATE_FORMAT)
