"""A whole plan as an Excel workbook, in the columns the import reads, so a round trip loses nothing."""

from core.exports import xlsx
from improvement.columns import WORKBOOK, WORKBOOK_VALUES, columns
from improvement.state import action_states


def plan_workbook(plan) -> bytes:
    """The plan's actions, one row each; text is written as text, so no formula can run."""
    actions = plan.actions.select_related("plan", "theme", "lead_officer").prefetch_related(
        "recommendations"
    )
    found = columns(WORKBOOK, WORKBOOK_VALUES)
    rows = ([value(state) for _, value in found] for state in action_states(actions))
    return xlsx("Actions", [heading for heading, _ in found], rows)
