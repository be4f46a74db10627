"""400, 403, 404, 500 (and 413, 429 elsewhere) answer with the service's GOV.UK pages, and every
answer carries the framing and content policies."""

import pytest
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.views.defaults import server_error

from tests.access import build_side


def assert_govuk_page(content, heading):
    page = content.decode()
    assert 'class="govuk-template"' in page
    assert "govuk-frontend.min.css" in page
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in page
    assert "Improvement plan tracker" in page


@pytest.mark.django_db
def test_a_missing_page_answers_404_with_the_service_page(client):
    side = build_side("Gateshead", 1)
    client.force_login(side.officer)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_govuk_page(response.content, "Page not found")


@pytest.mark.django_db
def test_a_refused_page_answers_403_with_the_service_page(client):
    side = build_side("Gateshead", 1)
    client.force_login(side.officer)
    response = client.get(reverse("improvement:edit_action", args=[side.action.pk]))
    assert response.status_code == 403
    assert_govuk_page(response.content, "You cannot do this")


def test_a_server_error_answers_500_with_the_service_page_without_a_database():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert_govuk_page(response.content, "Sorry, there is a problem with the service")


LARGE = str(50 * 1024 * 1024)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("request_kwargs", "status"),
    [
        ({"CONTENT_LENGTH": LARGE, "secure": True}, 413),  # refused before the body is read
        ({"HTTP_HOST": "attacker.example"}, 400),  # a Host not in ALLOWED_HOSTS
    ],
)
def test_the_answers_given_before_any_view_carry_the_framing_and_content_policies(
    request_kwargs, status
):
    for redirect in (False, True):  # the SSL redirect (production) reads the Host first
        with override_settings(SECURE_SSL_REDIRECT=redirect):
            response = Client().post(reverse("login"), **request_kwargs)
        assert response.status_code == status, redirect
        assert response["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_bad_host_answers_400_with_the_service_page():
    response = Client().get("/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert_govuk_page(response.content, "The request could not be read")
