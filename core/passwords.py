"""Passwords kept here, which a deployment may switch off (LOCAL_PASSWORDS=off) once its people
sign in with their council account: the superusers' break-glass accounts keep theirs."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


def may_use_password(user):
    """Whether this person may sign in with a password kept here."""
    return settings.LOCAL_PASSWORDS or user.is_superuser


class LocalPasswordBackend(ModelBackend):
    """Django's password sign-in, for the people who may use a password. With passwords off, a
    session begun with one ends at its next request (get_user asks the same question)."""

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and may_use_password(user)
