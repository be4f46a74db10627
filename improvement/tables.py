"""The actions table (every column sortable, RAG as a tag with its word) and the exports' columns."""

import django_tables2 as tables

from core.people import person_name
from improvement.models import Action
from improvement.rules import latest_update


class ActionTable(tables.Table):
    """The columns' headings and orderings; templates/improvement/action_table.html writes the
    cells (django-tables2's cell rendering cost more than the rest of the page)."""

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


def lead_of(action):
    return person_name(action.lead_officer) if action.lead_officer else action.lead_name


EXPORT_COLUMNS = [
    ("Reference", lambda a: a.reference),
    ("Action", lambda a: a.title),
    ("Plan", lambda a: a.plan.title),
    ("Theme", lambda a: str(a.theme) if a.theme else ""),
    ("Lead", lead_of),
    ("Partners", lambda a: a.partners),
    ("Starts", lambda a: a.starts_on),
    ("Due", lambda a: a.due_on),
    ("Original due date", lambda a: a.original_due_on),
    ("Status", lambda a: a.get_status_display()),
    ("RAG", lambda a: a.get_rag_display()),
    ("Measure of success", lambda a: a.success_measure),
    ("Latest update", lambda a: getattr(latest_update(a), "narrative", "")),
    ("Latest update date", lambda a: getattr(latest_update(a), "reported_on", None)),
]
