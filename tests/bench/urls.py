"""The site's URLs with the bench's JSON baselines mounted, as the load test runs them."""

from django.urls import include, path

from config.urls import urlpatterns as site

urlpatterns = [*site, path("bench/", include("bench.urls"))]
