from django.urls import path

from readiness import views

app_name = "readiness"

urlpatterns = [
    path("plans/<int:pk>/readiness/", views.plan_readiness, name="plan"),
    path("plans/<int:pk>/evidence/new/<slug:kind>/", views.add_evidence, name="add-evidence"),
    path("evidence-of-impact/<int:pk>/edit/", views.edit_evidence, name="edit-evidence"),
    path("evidence-of-impact/<int:pk>/remove/", views.remove_evidence, name="remove-evidence"),
    path("evidence-of-impact/<int:pk>/file/", views.document, name="document"),
]
