from django.urls import path

from indicators import views

app_name = "indicators"

urlpatterns = [
    path("<int:authority_pk>/", views.authority_indicators, name="authority-indicators"),
    path("<int:authority_pk>/<int:pk>/", views.indicator_detail, name="indicator-detail"),
    path("<int:authority_pk>/<int:pk>/values/new/", views.add_value, name="add-value"),
    path("<int:authority_pk>/<int:pk>/target/", views.set_target, name="target"),
    path("plans/<int:plan_pk>/", views.plan_indicators, name="plan-indicators"),
    path("plans/<int:plan_pk>/<int:pk>/", views.tie_indicator, name="tie-indicator"),
]
