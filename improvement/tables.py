"""The actions table (every column sortable, RAG as a tag with its word) and the exports' columns."""

from functools import cached_property

import django_tables2 as tables

from improvement.columns import DOWNLOAD, columns
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
        attrs = {"class": "govuk-table site-actions site-whole-words"}
        per_page = 25

    @cached_property
    def states(self):
        """The states, as at today, of the actions on the page shown."""
        return action_states((row.record for row in self.paginated_rows), updates=False)


# (heading, value of an action's state): the CSV and Excel downloads of the actions table.
EXPORT_COLUMNS = columns(DOWNLOAD)
