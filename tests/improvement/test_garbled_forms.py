"""Forms sent back garbled (a version that is no number, an id too large for the database) are
refused with the page's own message, never a 500."""

import pytest
from django.test import Client
from django.urls import reverse

from improvement.models import Action
from tests.access import build_side

pytestmark = pytest.mark.django_db

TOO_LARGE = "9" * 30


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


@pytest.fixture
def manager(side):
    client = Client()
    client.force_login(side.manager)
    return client


def test_a_version_that_is_no_number_is_taken_as_someone_elses_change(side, manager):
    url = reverse("improvement:action_recommendations", args=[side.action.pk])
    rec = side.recommendation.pk
    response = manager.post(url, {"version": "ten", "shown": [rec], "recommendations": []})
    assert response.status_code == 200
    assert "Someone changed this action while you were choosing" in response.content.decode()
    assert side.action.recommendations.filter(pk=rec).exists()


def test_the_bulk_update_refuses_a_version_that_is_no_number(side, manager):
    data = {
        "action": [side.action.pk],
        f"version-{side.action.pk}": "ten",
        "bulk-status": "complete",
    }
    response = manager.post(reverse("improvement:bulk_update"), data)
    assert response.status_code == 200
    assert "was changed by someone else since the list was read" in response.content.decode()
    assert Action.objects.get(pk=side.action.pk).status != Action.Status.COMPLETE


def test_an_id_too_large_for_the_database_is_no_choice(side, manager):
    url = reverse("improvement:plan_scope", args=[side.plan.pk])
    response = manager.post(url, {"inspections": [TOO_LARGE], "recommendations": [TOO_LARGE]})
    assert response.status_code == 200
    assert f"{TOO_LARGE} is not one of the available choices" in response.content.decode()


def test_a_ticked_action_too_large_for_the_database_is_none_of_yours(side, manager):
    data = {"action": [TOO_LARGE], "bulk-status": "complete"}
    response = manager.post(reverse("improvement:bulk_update"), data)
    assert response.status_code == 404


def test_a_list_with_a_number_too_large_for_the_column_finds_the_others():
    assert list(Action.objects.filter(pk__in=[int(TOO_LARGE), -int(TOO_LARGE)])) == []
    side = build_side("Brampton", 2)
    found = Action.objects.filter(pk__in=[side.action.pk, int(TOO_LARGE)])
    assert list(found) == [side.action]
