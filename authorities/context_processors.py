"""The user's authorities, named in every page's header; read only if the page shows them."""

from django.utils.functional import SimpleLazyObject

from authorities.access import authorities_for


def user_authorities(request):
    user = getattr(request, "user", None)
    return {
        "user_authorities": SimpleLazyObject(
            lambda: list(authorities_for(user)) if user is not None else []
        ),
    }
