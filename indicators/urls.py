from django.urls import path

from indicators import views

app_name = "indicators"

urlpatterns = [
    path("<int:authority_pk>/", views.authority_indicators, name="authority-indicators"),
    path("<int:authority_pk>/<int:pk>/", views.indicator_detail, name="indicator-detail"),
    path("<int:authority_pk>/<int:pk>/values/new/", views.add_value, name="add-value"),
]
