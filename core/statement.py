"""The accessibility statement: public, as the law asks (the Public Sector Bodies Accessibility
Regulations 2018), so a person who cannot sign in can still read it and ask for help."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core import accessibility


@require_GET
def accessibility_statement(request):
    context = {
        "checks": accessibility.checks_by_kind(),
        "known_failures": accessibility.KNOWN_FAILURES,
        "prepared_on": accessibility.PREPARED_ON,
        "reviewed_on": accessibility.REVIEWED_ON,
        "organisation": settings.ACCESSIBILITY_ORGANISATION,
        "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
        "contact_phone": settings.ACCESSIBILITY_CONTACT_PHONE,
    }
    return render(request, "accessibility.html", context)
