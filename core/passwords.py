"""Passwords kept here, which a deployment may switch off (LOCAL_PASSWORDS=off) once its people
sign in with their council account: the superusers' break-glass accounts keep theirs."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from core.prepared import prepared


def may_use_password(user):
    """Whether this person may sign in with a password kept here."""
    return settings.LOCAL_PASSWORDS or user.is_superuser


class LocalPasswordBackend(ModelBackend):
    """Django's password sign-in, for the people who may use a password. With passwords off, a
    session begun with one ends at its next request (get_user asks the same question)."""

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and may_use_password(user)

    def get_user(self, user_id):
        user = user_by_id(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


def user_by_id(user_id):
    """The session's user, or None: what every signed-in request reads first (Django's
    get_user), by a query compiled once (core.prepared) rather than at each request."""
    found = _users_by_id(user_id)
    return found[0] if found else None


@prepared
def _users_by_id(user_id):
    return get_user_model().objects.filter(pk=user_id)
