"""The admin answers garbled input as it answers a wrong choice, never with a 500: a date
hierarchy's date too large to build, an autocomplete box's id that is no number."""

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories as f
from tests.admin.world import admin_world, change_form_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("part", ["published_on__year", "published_on__month"])
def test_a_30_digit_year_or_month_is_refused_like_month_13(superuser, part):
    url = reverse("admin:inspections_inspection_changelist")
    query = {"published_on__year": "2024", "published_on__month": "13"}
    impossible = superuser.get(url, query)
    query[part] = "9" * 30
    too_large = superuser.get(url, query)
    assert impossible.status_code == too_large.status_code == 302
    assert too_large["Location"] == impossible["Location"] == f"{url}?e=1"


@pytest.mark.parametrize("field", ["authority", "conducted_with"])
def test_an_autocomplete_id_that_is_no_number_is_not_a_valid_choice(superuser, field):
    world = admin_world()
    url = reverse("admin:inspections_inspection_change", args=[world.a.inspection.pk])
    data = {**change_form_data(superuser.get(url)), field: "ten"}
    response = superuser.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in str(response.context["adminform"].form.errors[field])


@pytest.fixture
def indicator_value():
    return f.IndicatorValueFactory()


def test_a_national_indicators_autocomplete_refuses_an_id_that_is_no_number(
    superuser, indicator_value
):
    url = reverse("admin:indicators_indicator_change", args=[indicator_value.indicator.pk])
    data = {**change_form_data(superuser.get(url)), "authority": "ten"}
    response = superuser.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in str(response.context["adminform"].form.errors["authority"])


@pytest.mark.parametrize("content_type", ["²", "١"])
def test_view_on_site_with_a_content_type_in_other_digits_answers_404(superuser, content_type):
    """A superscript passes isdigit() but not int(); another script's digit passes both."""
    address = reverse("admin:view_on_site", args=[content_type, 1])
    assert superuser.get(address).status_code == 404
