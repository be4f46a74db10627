"""Password reset by email, with Django's own views and GOV.UK pages (templates/registration/)."""

from django.contrib.auth import views as auth_views
from django.urls import path

urlpatterns = [
    path("", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
