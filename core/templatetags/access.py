"""Ask a named rule in a template, to show a link or a button only to whom the view would allow.

{% load access %}
{% may "improvement.may_edit_plan" plan as may_edit_plan %}
{% if may_edit_plan %}<a href="...">Build or change this plan</a>{% endif %}

Hiding a link is a courtesy: the view behind it asks the same rule (core.access.guarded).
"""

from django import template

from core.access import rule_named

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context, name, *objects):
    """Whether the page's user may do what the rule `name` ("app.rule") allows."""
    return rule_named(name)(context["request"].user, *objects)
