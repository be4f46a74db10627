from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report-list"),
    path("new/", views.report_create, name="report-create"),
    path("<int:pk>/", views.report_detail, name="report-detail"),
    path("<int:pk>/edit/", views.report_edit, name="report-edit"),
    path("<int:pk>/submit/", views.report_submit, name="report-submit"),
    path("<int:pk>/clear/", views.report_clear, name="report-clear"),
    path("<int:pk>/return/", views.report_return, name="report-return"),
    path("<int:pk>/finalise/", views.report_finalise, name="report-finalise"),
    path("<int:pk>/pdf/", views.report_pdf, name="report-pdf"),
    path("<int:pk>/docx/", views.report_docx, name="report-docx"),
]
