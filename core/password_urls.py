"""Password reset by email, with Django's own views and GOV.UK pages (templates/registration/).

Asking for the email is limited per account and per address (PASSWORD_RESETS_PER_ACCOUNT,
PASSWORD_RESETS_PER_ADDRESS in PASSWORD_RESET_WINDOW_MINUTES); past the limit nothing is sent and
the page says to try later, the same whether or not the address has an account.

With local passwords off (LOCAL_PASSWORDS=off: people sign in with their council account), every
page here answers 404 saying so: a superuser's break-glass password is set with
`manage.py changepassword`.
"""

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
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


def while_passwords_are_used(view):
    """The view while this deployment keeps passwords; otherwise a 404 page saying so."""

    def password_view(request, *args, **kwargs):
        if not settings.LOCAL_PASSWORDS:
            return render(request, "registration/passwords_off.html", status=404)
        return view(request, *args, **kwargs)

    return password_view


urlpatterns = [
    path("", while_passwords_are_used(PasswordResetView.as_view()), name="password_reset"),
    path(
        "sent/",
        while_passwords_are_used(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "<uidb64>/<token>/",
        while_passwords_are_used(auth_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "done/",
        while_passwords_are_used(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
]
