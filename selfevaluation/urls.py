from django.urls import path

from selfevaluation import views

app_name = "selfevaluation"

urlpatterns = [
    path("", views.evaluation_list, name="list"),
    path("new/", views.evaluation_create, name="create"),
    path("<int:pk>/", views.evaluation_detail, name="detail"),
    path("<int:pk>/edit/", views.evaluation_edit, name="edit"),
    path("<int:pk>/redraft/", views.evaluation_redraft, name="redraft"),
    path("<int:pk>/submit/", views.evaluation_submit, name="submit"),
    path("<int:pk>/clear/", views.evaluation_clear, name="clear"),
    path("<int:pk>/return/", views.evaluation_return, name="return"),
    path("<int:pk>/finalise/", views.evaluation_finalise, name="finalise"),
    path("<int:pk>/versions/", views.evaluation_versions, name="versions"),
    path("<int:pk>/versions/<int:history_id>/", views.evaluation_version, name="version"),
    path("<int:pk>/pdf/", views.evaluation_pdf, name="pdf"),
    path("<int:pk>/docx/", views.evaluation_docx, name="docx"),
    path("<int:pk>/pack/pdf/", views.pack_pdf, name="pack-pdf"),
    path("<int:pk>/pack/docx/", views.pack_docx, name="pack-docx"),
]
