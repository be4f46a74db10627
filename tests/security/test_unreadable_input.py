"""Input no page can use is refused once, for every view: a NUL character anywhere in what is
sent (400, naming the field; PostgreSQL refuses NUL in text, so it failed deep in a query), and
a query longer than the web server in front reads (414)."""

import pytest
from django.test import Client
from django.urls import reverse

from core.security import QUERY_MAX_CHARS
from improvement.models import ProgressUpdate
from tests.access import build_side
from tests.factories import UserFactory
from tests.security.test_error_pages import assert_govuk_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_nul_in_the_recommendations_search_is_refused_naming_the_field(side):
    url = reverse("improvement:action_recommendations", args=[side.action.pk])
    response = signed_in(side.manager).get(f"{url}?q=%00")
    assert response.status_code == 400
    assert_govuk_page(response.content, "What you sent could not be read")
    assert "In the field “q” there is a NUL character" in response.content.decode()


def test_a_nul_in_the_admins_autocomplete_search_is_refused(side):
    client = signed_in(UserFactory(is_staff=True, is_superuser=True))
    query = "app_label=authorities&model_name=membership&field_name=authority&term=Ald%00"
    response = client.get(f"{reverse('admin:autocomplete')}?{query}")
    assert response.status_code == 400
    assert "the field “term”" in response.content.decode()


def test_a_nul_in_a_form_saves_nothing_and_names_the_field(side):
    url = reverse("improvement:add_update", args=[side.action.pk])
    before = ProgressUpdate.objects.count()
    response = signed_in(side.officer).post(url, {"rag": "green", "narrative": "Done\x00."})
    assert response.status_code == 400
    assert "the field “narrative”" in response.content.decode()
    assert ProgressUpdate.objects.count() == before


def test_a_nul_in_a_fields_name_or_the_address_is_refused(side):
    client = signed_in(side.officer)
    assert client.get(reverse("improvement:actions"), {"q\x00": "x"}).status_code == 400
    assert client.get("/actions/%00/").status_code == 400


def test_the_refusal_carries_the_sites_security_headers(side):
    response = signed_in(side.officer).get(reverse("improvement:actions"), {"q": "\x00"})
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_a_query_longer_than_the_web_server_reads_is_refused_with_414(side):
    client = signed_in(side.officer)
    response = client.get(reverse("improvement:actions"), {"q": "x" * QUERY_MAX_CHARS})
    assert response.status_code == 414
    assert_govuk_page(response.content, "The web address is too long")
    searched = client.get(reverse("improvement:actions"), {"q": "x" * 1000})
    assert searched.status_code == 200
