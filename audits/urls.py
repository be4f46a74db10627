from django.urls import path

from audits import import_views, views

app_name = "audits"

urlpatterns = [
    path("", views.audits_home, name="home"),
    path("<int:authority_pk>/", views.results, name="results"),
    path("<int:authority_pk>/audits.csv", views.results_csv, name="results-csv"),
    path("<int:authority_pk>/audits.xlsx", views.results_xlsx, name="results-xlsx"),
    path("<int:authority_pk>/new/", views.result_add, name="result-add"),
    path("<int:authority_pk>/summary/", views.result_summary, name="summary"),
    path("<int:authority_pk>/programme/", views.programme, name="programme"),
    path("<int:authority_pk>/programme/new/", views.programme_add, name="programme-add"),
    path("<int:authority_pk>/programme/<int:pk>/", views.programme_edit, name="programme-edit"),
    path("<int:authority_pk>/import/", import_views.upload, name="import"),
    path("<int:authority_pk>/import/<int:upload_pk>/", import_views.preview, name="import-preview"),
    path("results/<int:pk>/", views.result_detail, name="result-detail"),
    path("results/<int:pk>/edit/", views.result_edit, name="result-edit"),
]
