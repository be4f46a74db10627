from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core import views as core_views
from core.health import health

urlpatterns = [
    path("admin/", admin.site.urls),
    path("reports/", include("reports.urls")),
    path("", core_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", include("core.password_urls")),
    path("health/", health, name="health"),
    path("", include("improvement.urls")),
    path("inspections/", include("inspections.urls")),
    path("authorities/", include("authorities.urls")),
    path("indicators/", include("indicators.urls")),
]

if settings.BENCH_JSON_VIEWS:  # the load test's baselines; never on in a deployment
    urlpatterns += [path("bench/", include("bench.urls"))]
