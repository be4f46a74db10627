from django import template

from indicators.compare import show

register = template.Library()


@register.filter
def shown(value, unit):
    """A value or a DfE symbol, with its unit: 13.9%, c, 67 per 10,000."""
    return show(value, unit)
