"""The admin's date hierarchy refuses a date too large to build as it refuses an impossible one:
the list again, with Django's "invalid filter" answer, not a 500."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("part", ["published_on__year", "published_on__month"])
def test_a_30_digit_year_or_month_is_refused_like_month_13(part):
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:inspections_inspection_changelist")
    query = {"published_on__year": "2024", "published_on__month": "13"}
    impossible = client.get(url, query)
    query[part] = "9" * 30
    too_large = client.get(url, query)
    assert impossible.status_code == too_large.status_code == 302
    assert too_large["Location"] == impossible["Location"] == f"{url}?e=1"
