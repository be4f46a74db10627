"""A progress update's form sent twice (a double click, the browser's resubmission) is recorded
once: the form carries a one-time token, kept with the update."""

import pytest
from django.test import Client
from django.urls import reverse

from improvement import services
from improvement.models import ProgressUpdate
from tests.access import build_side
from tests.forms import as_post_data, forms_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


@pytest.fixture
def officer(side):
    client = Client()
    client.force_login(side.officer)
    return client


def filled_form(client, url):
    """The page's form as the officer sends it: its hidden token, a rating and a narrative."""
    [form] = [f for f in forms_of(client.get(url).content.decode()) if "action" not in f["attrs"]]
    return {**as_post_data(form["fields"]), "rag": "amber", "narrative": "Two posts filled."}


def test_the_same_form_sent_twice_is_recorded_once_and_says_so(side, officer):
    url = reverse("improvement:add_update", args=[side.action.pk])
    data = filled_form(officer, url)
    assert data["submission"] != [""]
    before = ProgressUpdate.objects.count()
    assert officer.post(url, data).url == reverse("improvement:action", args=[side.action.pk])
    again = officer.post(url, data, follow=True)
    assert ProgressUpdate.objects.count() == before + 1
    assert again.redirect_chain == [(reverse("improvement:action", args=[side.action.pk]), 302)]
    assert "This progress update was already added." in again.content.decode()


def test_each_showing_of_the_form_records_its_own_update(side, officer):
    url = reverse("improvement:add_update", args=[side.action.pk])
    first, second = filled_form(officer, url), filled_form(officer, url)
    assert first["submission"] != second["submission"]
    officer.post(url, first)
    officer.post(url, second)
    assert side.action.updates.filter(narrative="Two posts filled.").count() == 2


def test_the_token_is_kept_with_the_update_and_the_service_refuses_it_again(side):
    token = "0b1f4a52-2f57-4d1e-9d39-4c7f8a3f9e10"
    update = services.add_progress_update(
        side.action, side.officer, "green", "On track.", submission=token
    )
    assert str(update.submission) == token
    with pytest.raises(services.AlreadyAdded):
        services.add_progress_update(
            side.action, side.officer, "red", "Off track.", submission=token
        )
    side.action.refresh_from_db()
    assert side.action.rag == "green"
