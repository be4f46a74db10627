from django import template

from improvement.history import action_changes

register = template.Library()


@register.inclusion_tag("improvement/_what_changed.html")
def what_changed(action):
    """The "What changed" section of an action page."""
    return {"changes": action_changes(action)}
