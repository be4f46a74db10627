from django.urls import path

from inspections import authority_views, views

app_name = "inspections"

urlpatterns = [
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection"),
    path("authorities/<int:pk>/", authority_views.authority_detail, name="authority"),
]
