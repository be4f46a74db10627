from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from api.endpoints import api
from authorities.views import SignInView
from core.health import health
from core.statement import accessibility_statement
from workspace import views as workspace_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("reports/", include("reports.urls")),
    path("self-evaluations/", include("selfevaluation.urls")),
    path("", workspace_views.home, name="home"),
    path("login/", SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("sign-in/", include("authorities.urls")),
    path("password-reset/", include("core.password_urls")),
    path("health/", health, name="health"),
    path("accessibility/", accessibility_statement, name="accessibility"),
    path("", include("improvement.urls")),
    # /inspections/<pk>/ and /authorities/<pk>/ (an authority's inspections, compared).
    path("", include("inspections.urls")),
    path("indicators/", include("indicators.urls")),
    path("audits/", include("audits.urls")),
    # /plans/<pk>/readiness/ and the plan's evidence of impact.
    path("", include("readiness.urls")),
    # The read API for Power BI and Excel (docs/api.md), and the page of personal tokens for it.
    path("api/v1/", api.urls),
    path("account/api-tokens/", include("api.urls")),
]

if settings.BENCH_JSON_VIEWS:  # the load test's baselines; never on in a deployment
    urlpatterns += [path("bench/", include("bench.urls"))]
