"""Every form that changes something refuses a POST that lacks the CSRF token."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.access import build_world, collect_cases

POSTS = [case for case in collect_cases() if case.post is not None]


def poster(case, world):
    """A client for someone the case lets POST (the anonymous for public pages)."""
    client = Client(enforce_csrf_checks=True)
    if not case.public:
        role = sorted(case.post)[0] if case.post else "admin"
        client.force_login(getattr(world.a, role))
    return client


@pytest.mark.django_db
def test_every_post_without_a_csrf_token_is_refused():
    assert len(POSTS) >= 8
    world = build_world()
    for case in POSTS:
        url = case.url(world)
        response = poster(case, world).post(url, case.post_data(world))
        assert response.status_code == 403, (
            f"POST {url} without a CSRF token: {response.status_code}"
        )
        assert "Your form could not be sent" in response.content.decode(), url


@pytest.mark.django_db
def test_a_post_with_its_token_is_accepted():
    world = build_world()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.a.officer)
    url = reverse("improvement:add_update", kwargs={"pk": world.a.action.pk})
    token = client.get(url).context["csrf_token"]
    data = {"rag": "amber", "narrative": "Recruitment is under way.", "csrfmiddlewaretoken": token}
    assert client.post(url, data).status_code == 302
