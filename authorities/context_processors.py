"""The user's authorities, named in every page's header; read only if the page shows them."""

from django.utils.functional import SimpleLazyObject

from authorities.access import member_authorities


def user_authorities(request):
    user = getattr(request, "user", None)
    return {
        "user_authorities": SimpleLazyObject(
            lambda: member_authorities(user) if user is not None else []
        ),
    }
