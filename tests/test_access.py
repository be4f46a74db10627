"""Every URL pattern is declared in tests/access_cases/ and answers each kind of user as declared.

The read API's cases (api=True) answer alike signed in and with the person's own API token.
"""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from api.tokens import create_token
from authorities.models import Membership
from tests.access import ROLES, collect_cases
from tests.factories import UserFactory

CASES = collect_cases()
ALLOWED = {200, 302}


def pattern_names(resolver=None, namespace=""):
    """Every URL pattern name in config.urls, namespaced; admin and static are Django's own."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin" or str(entry.pattern).startswith(
                settings.STATIC_URL.lstrip("/")
            ):
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from pattern_names(entry, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}" if entry.name else f"<unnamed {entry.pattern}>"


def test_every_url_pattern_has_an_access_case():
    declared = {case.name for case in CASES}
    missing = sorted(set(pattern_names()) - declared)
    assert not missing, (
        f"URL patterns with no access case (add them in tests/access_cases/): {missing}"
    )


def test_every_role_gets_a_verdict_at_every_url():
    # A new role (the partner was one) is walked at every URL by the tests below, or this fails.
    assert set(ROLES) == set(Membership.Role.values)


def test_no_access_case_is_declared_twice_or_for_a_missing_url():
    names = [case.name for case in CASES]
    assert len(names) == len(set(names)), "An access case is declared twice."
    assert not set(names) - set(pattern_names()), "An access case names no URL pattern."


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def clients_for(case, user):
    """The user signed in; for the API also the user's personal token, with no session."""
    clients = [client_for(user)]
    if case.api:
        _, secret = create_token(user, "Access matrix", days=30)
        clients.append(Client(headers={"Authorization": f"Bearer {secret}"}))
    return clients


def url_of(case, world):
    return case.url(world)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_anonymous_are_sent_to_login(case, world):
    url = url_of(case, world)
    for method in ("get", "post"):
        if getattr(case, method) is None:
            continue
        response = getattr(Client(), method)(url, case.post_data(world) if method == "post" else {})
        if case.api:
            assert response.status_code == 401, f"{method.upper()} {url}"
        elif case.public:
            assert response.status_code in ALLOWED, f"{method.upper()} {url}"
        else:
            assert response.status_code == 302, f"{method.upper()} {url}"
            assert response["Location"].startswith(reverse(settings.LOGIN_URL)), response[
                "Location"
            ]


@pytest.mark.parametrize("case", [c for c in CASES if c.scoped and not c.public], ids=str)
def test_users_of_another_authority_get_404(case, world):
    url = url_of(case, world)
    for role in ROLES:
        for client in clients_for(case, getattr(world.b, role)):
            if case.get is not None:
                assert client.get(url).status_code == 404, f"GET {url} as B {role}"
            if case.post is not None:
                response = client.post(url, case.post_data(world))
                assert response.status_code == 404, f"POST {url} as B {role}"


@pytest.mark.parametrize("case", [c for c in CASES if not c.public], ids=str)
def test_each_role_is_allowed_or_refused_as_declared(case, world):
    url = url_of(case, world)
    for role in ROLES:
        for client in clients_for(case, getattr(world.a, role)):
            for method in ("get", "post"):
                allowed = getattr(case, method)
                if allowed is None:
                    continue
                data = case.post_data(world) if method == "post" else {}
                if case.fresh:
                    url = url_of(case, world)
                status = getattr(client, method)(url, data).status_code
                expected = "allowed" if role in allowed else "404" if role in case.hidden else "403"
                got = "allowed" if status in ALLOWED else str(status)
                assert got == expected, f"{method.upper()} {url} as {role}: {status}"


@pytest.mark.parametrize("case", [c for c in CASES if c.partner_off], ids=str)
def test_a_partner_is_refused_on_an_action_their_organisation_is_not_on(case, world):
    url = reverse(case.name, kwargs=case.partner_off(world))
    client = client_for(world.a.partner)
    for method in ("get", "post"):
        if getattr(case, method) is None:
            continue
        data = case.post_data(world) if method == "post" else {}
        status = getattr(client, method)(url, data).status_code
        assert status == 403, f"{method.upper()} {url} as partner: {status}"
        # The council's own updaters are not refused there: the refusal is the partner's.
        allowed = getattr(client_for(world.a.manager), method)(url, data).status_code
        assert allowed in ALLOWED, f"{method.upper()} {url} as manager: {allowed}"


def test_the_matrix_declares_where_a_partner_answers_differently_on_another_action():
    assert {c.name for c in CASES if c.partner_off} >= {
        "improvement:add_update",
        "improvement:evidence",
    }


def test_django_admin_sends_non_staff_to_its_login(world):
    for user in (world.a.officer, world.a.manager, world.a.partner, UserFactory()):
        response = client_for(user).get("/admin/")
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    assert client_for(world.a.admin).get("/admin/").status_code == 200
