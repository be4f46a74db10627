"""The actions table (every column sortable, RAG as a tag with its word) and the exports' columns."""

from functools import cached_property

import django_tables2 as tables

from improvement.models import Action
from improvement.state import action_states


class ActionTable(tables.Table):
    """The columns' headings and orderings; templates/improvement/action_table.html writes the
    cells (django-tables2's cell rendering cost more than the rest of the page) from the page's
    action states."""

    # Shown only to managers and admins, for the bulk update (improvement.bulk_views).
    select = tables.Column(empty_values=(), verbose_name="Select", orderable=False)
    reference = tables.Column(verbose_name="Ref")
    title = tables.Column(verbose_name="Action")
    plan = tables.Column(accessor="plan__title", verbose_name="Plan")
    theme = tables.Column(
        accessor="theme__title", verbose_name="Theme", order_by=("theme__number",)
    )
    lead = tables.Column(
        accessor="lead_officer__last_name",
        verbose_name="Lead",
        order_by=("lead_officer__last_name", "lead_name"),
    )
    due_on = tables.Column(verbose_name="Due")
    status = tables.Column()
    rag = tables.Column(verbose_name="RAG")

    class Meta:
        model = Action
        fields = ("reference", "title", "plan", "theme", "lead", "due_on", "status", "rag")
        sequence = ("select", "...")
        template_name = "improvement/action_table.html"
        attrs = {"class": "govuk-table"}
        per_page = 25

    @cached_property
    def states(self):
        """The states, as at today, of the actions on the page shown."""
        return action_states((row.record for row in self.paginated_rows), updates=False)


# (heading, value of an action's state): the CSV and Excel downloads of the actions table.
EXPORT_COLUMNS = [
    ("Reference", lambda s: s.action.reference),
    ("Action", lambda s: s.action.title),
    ("Plan", lambda s: s.action.plan.title),
    ("Theme", lambda s: str(s.action.theme) if s.action.theme else ""),
    ("Lead", lambda s: s.lead),
    ("Partners", lambda s: s.action.partners),
    ("Starts", lambda s: s.action.starts_on),
    ("Due", lambda s: s.due_on),
    ("Original due date", lambda s: s.action.original_due_on),
    ("Status", lambda s: s.status_words),
    ("RAG", lambda s: s.rag_words),
    ("Measure of success", lambda s: s.action.success_measure),
    ("Latest update", lambda s: s.update.narrative if s.update else ""),
    ("Latest update date", lambda s: s.update.reported_on if s.update else None),
]
