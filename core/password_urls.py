"""Password reset by email, with Django's own views and GOV.UK pages (templates/registration/).

Asking for the email is limited per account and per address (PASSWORD_RESETS_PER_ACCOUNT,
PASSWORD_RESETS_PER_ADDRESS in PASSWORD_RESET_WINDOW_MINUTES); past the limit nothing is sent and
the page says to try later, the same whether or not the address has an account.
"""

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path

from core.security import client_ip, take_turn


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form):
        if not may_send_reset(self.request, form.cleaned_data["email"]):
            minutes = settings.PASSWORD_RESET_WINDOW_MINUTES
            form.add_error(
                None,
                "Too many password reset emails have been asked for, so none was sent. "
                f"Try again in {minutes} minutes.",
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


def may_send_reset(request, email):
    """Whether one more reset email may go to this email address, asked from this address."""
    seconds = settings.PASSWORD_RESET_WINDOW_MINUTES * 60
    account = turn_key("reset-account", email.strip().lower())
    address = turn_key("reset-address", client_ip(request))
    return take_turn(account, settings.PASSWORD_RESETS_PER_ACCOUNT, seconds) and take_turn(
        address, settings.PASSWORD_RESETS_PER_ADDRESS, seconds
    )


def turn_key(kind, value):
    """A cache key for any text (an email address, a client address): a digest, never the text."""
    return f"{kind}:{hashlib.sha256(value.encode()).hexdigest()}"


urlpatterns = [
    path("", PasswordResetView.as_view(), name="password_reset"),
    path("sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
