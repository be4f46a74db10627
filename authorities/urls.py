"""Signing in with a council account (authorities/views.py). The callback's address is the
redirect URI registered with the provider: https://<host>/sign-in/callback/."""

from django.urls import path

from authorities import views

app_name = "signin"

urlpatterns = [
    path("start/", views.CouncilSignInStart.as_view(), name="start"),
    path("callback/", views.council_sign_in_done, name="callback"),
    path("waiting/", views.waiting_for_a_role, name="waiting"),
]
