"""Template filters that hide links a role may not follow, through core.access's one rule.

{% load access %}
{% if request.user|may_edit:plan.authority_id %}<a href="...">Edit plan</a>{% endif %}
"""

from django import template

from core.access import EDITORS, UPDATERS, may, may_somewhere

register = template.Library()


@register.filter
def may_edit(user, authority_id):
    """Managers and admins: plans, actions, due dates, reports."""
    return may(user, authority_id, EDITORS)


@register.filter
def may_update(user, authority_id):
    """Officers, managers and admins: progress updates."""
    return may(user, authority_id, UPDATERS)


@register.filter
def may_edit_somewhere(user):
    """Managers and admins of any of the user's authorities: starting a committee report."""
    return may_somewhere(user, EDITORS)
