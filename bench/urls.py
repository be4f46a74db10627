from django.urls import path

from bench import api_baseline, views

app_name = "bench"

urlpatterns = [
    path("home.json", views.home, name="home"),
    path("plans/<int:pk>.json", views.plan, name="plan"),
    path("actions.json", views.actions, name="actions"),
    path("export.json", views.export, name="export"),
    path("actions/<int:pk>.json", views.action, name="action"),
    path("reports/<int:pk>.json", views.report, name="report"),
    path("api/actions.json", api_baseline.api_actions, name="api-actions"),
]
