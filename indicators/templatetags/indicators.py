from django import template

from indicators.compare import show
from indicators.report import plan_comparisons

register = template.Library()


@register.filter
def shown(value, unit):
    """A value or a DfE symbol, with its unit: 13.9%, c, 67 per 10,000."""
    return show(value, unit)


@register.inclusion_tag("indicators/_plan_section.html")
def plan_indicators(plan):
    """The plan page's indicators: those tied to its themes or actions."""
    return {"authority": plan.authority, "comparisons": plan_comparisons(plan)}
