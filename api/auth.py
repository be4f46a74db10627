"""Who is asking the API: a personal token (Authorization: Bearer <token>) or a signed-in
browser session; and how often they may ask.

Either way the request's user is the person, so the API reads through the same scoped querysets
and rules as the pages (authorities.access). A token is read-only because every operation of the
API is a GET; it opens nothing outside /api/ (the pages read sessions only).
"""

from django.conf import settings
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import SimpleRateThrottle

from api.tokens import user_for


class PersonalToken(HttpBearer):
    def authenticate(self, request, token):
        user = user_for(token)
        if user is not None:
            request.user = user
        return user


class SignedIn(SessionAuth):
    """The browser's session, for a person trying an address (GET only, so no CSRF token)."""


class PerToken(SimpleRateThrottle):
    """settings.API_RATE_LIMIT requests per token (or per person, signed in) in any minute: past
    it, 429 with Retry-After (seconds). Counted in Django's cache, which every process shares
    (a database table in production): the times of the minute's requests in one entry, read and
    written once a request (django-ninja's sliding window).

    Not core.security.take_turn, the password reset's limit: it adds one entry per turn, so the
    60th request of a minute would try 60 inserts. Its one advantage, that two requests at the
    same instant cannot both take the last turn, matters for emails sent, not for reads.
    """

    def __init__(self):
        super().__init__(settings.API_RATE_LIMIT)

    def allow_request(self, request):
        # The setting as it is now, not as it was when the API was built (tests change it).
        self.num_requests, self.duration = self.parse_rate(settings.API_RATE_LIMIT)
        return super().allow_request(request)

    def get_cache_key(self, request):
        token = getattr(request.user, "api_token", None)
        who = f"token-{token.pk}" if token is not None else f"user-{request.user.pk}"
        return f"api-rate-{who}"
