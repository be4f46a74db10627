from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core.health import health
from workspace import views as workspace_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("reports/", include("reports.urls")),
    path("", workspace_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", include("core.password_urls")),
    path("health/", health, name="health"),
    path("", include("improvement.urls")),
    # /inspections/<pk>/ and /authorities/<pk>/ (an authority's inspections, compared).
    path("", include("inspections.urls")),
    path("indicators/", include("indicators.urls")),
    path("audits/", include("audits.urls")),
]

if settings.BENCH_JSON_VIEWS:  # the load test's baselines; never on in a deployment
    urlpatterns += [path("bench/", include("bench.urls"))]
