"""Sessions in the database (SESSION_ENGINE), read by a query compiled once (core/prepared.py),
and written when they change, and otherwise at most once every SESSION_REFRESH_MINUTES, to move
a signed-in session's idle expiry on.

Saving the session on every request (SESSION_SAVE_EVERY_REQUEST) cost each page an UPDATE and a
COMMIT. Written at most once a minute, the session still ends SESSION_IDLE_MINUTES after it was
last written: at most that long after the last request, and no sooner than a refresh interval
before it (29 to 30 minutes without a request, by default).
"""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.dispatch import receiver
from django.utils import timezone

from core.prepared import prepared

# When the session was last written for its expiry, in seconds since the epoch.
REFRESHED = "_refreshed_at"


class RefreshSessionMiddleware:
    """Placed after SessionMiddleware: marks a signed-in session to be saved when it is due a
    refresh (or is being saved anyway, which restarts the interval)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.accessed and SESSION_KEY in session:
            now = int(time.time())
            due = now - session.get(REFRESHED, 0) >= settings.SESSION_REFRESH_MINUTES * 60
            if due or session.modified:
                session[REFRESHED] = now
        return response


@receiver(user_logged_in)
def refreshed_on_sign_in(sender, request, user, **kwargs):
    """Signing in writes the session: its interval starts there (tests' force_login too)."""
    request.session[REFRESHED] = int(time.time())


@prepared
def _unexpired(session_key, now):
    return Session.objects.filter(session_key=session_key, expire_date__gt=now)


class SessionStore(db.SessionStore):
    """Django's database sessions; each request's read of its session is prepared."""

    def _get_session_from_db(self):
        found = _unexpired(self.session_key, timezone.now())
        if not found:
            self._session_key = None
            return None
        return found[0]
