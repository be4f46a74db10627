"""Deployment checks of the project's own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def accessibility_contact(app_configs, **kwargs):
    """The accessibility statement must say whom to contact; the law asks for it."""
    if settings.ACCESSIBILITY_CONTACT_EMAIL:
        return []
    return [
        Warning(
            "ACCESSIBILITY_CONTACT_EMAIL is not set: the accessibility statement cannot say whom "
            "to contact for another format or to report a problem.",
            hint="Set ACCESSIBILITY_ORGANISATION and ACCESSIBILITY_CONTACT_EMAIL in the environment.",
            id="core.W001",
        )
    ]
