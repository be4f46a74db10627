"""The actions table's headings and rows, written here rather than by the template cell by cell:
writing 25 rows through the template cost more than the rest of the page (looking up each value
through the template language takes several tries), and its eight headings with their sorting
links a quarter more. templates/improvement/action_table.html captions and pages the table and
writes these with {% action_headings table %} and {% action_rows table %}.
"""

from urllib.parse import urlencode

from django import template
from django.template.loader import get_template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from core.dates import short_date
from core.templatetags.govuk import rag_tag
from core.templatetags.links import reverse_numbers

register = template.Library()

ROW = """
    <tr class="govuk-table__row">{select}
      <td class="govuk-table__cell"><a class="govuk-link" href="{url}">{reference}</a></td>
      <td class="govuk-table__cell"><a class="govuk-link" href="{url}">{title}</a></td>
      <td class="govuk-table__cell">{plan}</td>
      <td class="govuk-table__cell">{theme}</td>
      <td class="govuk-table__cell">{lead}</td>
      <td class="govuk-table__cell site-date">{due}</td>
      <td class="govuk-table__cell">{status}</td>
      <td class="govuk-table__cell">{rag}</td>
    </tr>"""
SELECT = '\n      <td class="govuk-table__cell">{}</td>'
NONE = "—"
HEADING = '\n      <th scope="col" class="govuk-table__header site-actions__{}"{}>\n        {}\n      </th>'
SORTED = ' aria-sort="{}"'
SORT_LINK = '<a class="govuk-link" href="{}">{}</a>'


@register.simple_tag(takes_context=True)
def action_headings(context, table):
    """Each column's heading; a sortable one links to the page sorted by it (its next order, the
    rest of the query kept, as django-tables2's querystring_replace writes it) and says how the
    table is sorted by it now (aria-sort)."""
    query = dict(context["request"].GET)
    cells = []
    for column in table.columns:
        if not column.orderable:
            cells.append(format_html(HEADING, column.name, "", column.header))
            continue
        alias = column.order_by_alias
        sort = "none"
        if column.is_ordered:
            sort = "descending" if alias.is_descending else "ascending"
        link = "?" + urlencode({**query, table.prefixed_order_by_field: alias.next}, doseq=True)
        heading = format_html(SORT_LINK, link, column.header)
        cells.append(format_html(HEADING, column.name, format_html(SORTED, sort), heading))
    return mark_safe("".join(cells))  # noqa: S308  every value escaped by format_html


@register.simple_tag
def action_rows(table):
    """Each action's row on the page shown: reference and title linked to it, plan, theme, lead,
    due date, status and RAG, as at today (improvement.state); a tick box first for managers.
    Every value is escaped (conditional_escape), as the template language escapes it."""
    select = get_template("improvement/building/_select_cell.html") if table.selectable else None
    rows = [_row(state, select) for state in table.states]
    if not rows:
        return format_html(
            '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="{}">'
            "No actions match.</td></tr>",
            len(table.columns),
        )
    return mark_safe("".join(rows))  # noqa: S308  every value escaped by _row


def _row(state, select):
    action = state.action
    values = {
        "url": reverse_numbers("improvement:action", [action.pk]),
        "reference": action.reference,
        "title": action.title,
        "plan": action.plan.title,
        "theme": action.theme.title if action.theme else NONE,
        "lead": state.lead or NONE,
        "due": short_date(state.due_on) or NONE,
        "status": state.status_words,
        "rag": rag_tag(state.rag, state.rag_words),
    }
    escaped = {name: conditional_escape(value) for name, value in values.items()}
    cell = select.render({"record": action}) if select else ""
    return ROW.format(select=SELECT.format(cell) if select else "", **escaped)
