"""Names of people in templates, through core.people's one rule.

{% load people %}{{ action.lead_officer|person_name }}
"""

from django import template

from core import people

register = template.Library()


@register.filter
def person_name(user):
    return people.person_name(user) if user else ""
