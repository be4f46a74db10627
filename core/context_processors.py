"""What every page's header needs: the service name and the user's authorities."""

from django.utils.functional import SimpleLazyObject

from core.access import authorities_for

SERVICE_NAME = "Improvement plan tracker"


def workspace(request):
    user = getattr(request, "user", None)
    return {
        "service_name": SERVICE_NAME,
        "user_authorities": SimpleLazyObject(
            lambda: list(authorities_for(user)) if user is not None else []
        ),
    }
