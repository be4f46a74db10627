"""The actions table (every column sortable, RAG as a tag with its word) and the exports' columns."""

from functools import cached_property

import django_tables2 as tables
from django.core.paginator import Paginator
from django_tables2.rows import BoundRows

from improvement.columns import DOWNLOAD, columns
from improvement.models import Action, first_and_count
from improvement.state import action_states


class CountingPaginator(Paginator):
    """A page of the table's rows and how many rows there are, read in one query (COUNT(*) OVER ()
    beside the rows) rather than a COUNT and then the page. A page past the end is left to
    Django's paginator, which counts and refuses it."""

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            return super().page(number)
        queryset = self.object_list.data.data  # django-tables2's rows, their data, its queryset
        offset = (number - 1) * self.per_page
        rows, count = first_and_count(queryset, self.per_page, offset) if number > 0 else ([], 0)
        if not rows:
            return super().page(number)
        self.count = count
        return self._get_page(BoundRows(rows, table=self.object_list.table), number, self)


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

    # What the rows show of an action and its state (and the version the bulk update checks).
    READ = (
        "plan_id",
        "theme_id",
        "reference",
        "title",
        "lead_officer_id",
        "lead_name",
        "due_on",
        "status",
        "rag",
        "version",
        "plan__title",
        "theme__title",
        "lead_officer__first_name",
        "lead_officer__last_name",
        "lead_officer__username",
    )

    class Meta:
        model = Action
        fields = ("reference", "title", "plan", "theme", "lead", "due_on", "status", "rag")
        sequence = ("select", "...")
        template_name = "improvement/action_table.html"
        attrs = {"class": "govuk-table site-actions site-whole-words"}
        per_page = 25

    @cached_property
    def selectable(self):
        """Whether each row has a tick box (the managers' bulk update): asked once per table."""
        return "select" in self.columns

    @cached_property
    def states(self):
        """The states, as at today, of the actions on the page shown."""
        return action_states((row.record for row in self.paginated_rows), updates=False)


# (heading, value of an action's state): the CSV and Excel downloads of the actions table.
EXPORT_COLUMNS = columns(DOWNLOAD)
