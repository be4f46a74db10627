from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core import views as core_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("reports/", include("reports.urls")),
    path("", core_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", include("core.password_urls")),
    path("", include("improvement.urls")),
    path("inspections/", include("inspections.urls")),
    path("authorities/", include("authorities.urls")),
    path("indicators/", include("indicators.urls")),
]
