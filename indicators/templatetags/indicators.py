from django import template

from indicators.compare import show
from indicators.report import plan_comparisons

register = template.Library()


@register.filter
def shown(value, unit):
    """A value or a DfE symbol, with its unit: 13.9%, c, 67 per 10,000."""
    return show(value, unit)


@register.inclusion_tag("indicators/_plan_section.html", takes_context=True)
def plan_indicators_section(context, plan):
    """The plan page's indicators, compared: drawn here so that improvement, below indicators in
    pyproject.toml's layers, need not import them."""
    return {
        "request": context["request"],
        "plan": plan,
        "authority": plan.authority,
        "comparisons": plan_comparisons(plan),
    }
