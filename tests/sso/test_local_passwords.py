"""Local passwords switched off (LOCAL_PASSWORDS=off): only superusers sign in with a password
(the break-glass account), sessions begun with a password end, password reset answers that
passwords are not used, and the admin's own sign-in sends people to the one sign-in page."""

import pytest
from django.test import override_settings
from django.urls import reverse

from authorities.models import LocalAuthority, Membership
from tests import factories as f

pytestmark = pytest.mark.django_db
PASSWORD = f.PASSWORD
passwords_off = override_settings(LOCAL_PASSWORDS=False)


@pytest.fixture
def officer(authorities):
    gateshead = LocalAuthority.objects.get(name="Gateshead")
    return f.member(gateshead, Membership.Role.OFFICER, username="jo.officer")


@pytest.fixture
def steward():
    return f.UserFactory(username="steward", is_superuser=True, is_staff=True)


def sign_in(client, user):
    return client.post(reverse("login"), {"username": user.username, "password": PASSWORD})


def signed_in(client):
    return "_auth_user_id" in client.session


@passwords_off
def test_only_a_superuser_signs_in_with_a_password(client, officer, steward):
    refused = sign_in(client, officer)
    assert refused.status_code == 200
    assert "does not sign in with a password" in refused.content.decode()
    assert not signed_in(client)
    assert sign_in(client, steward).status_code == 302
    assert signed_in(client)


def test_a_session_begun_with_a_password_ends_when_passwords_are_switched_off(client, officer):
    assert sign_in(client, officer).status_code == 302
    assert client.get("/").status_code == 200
    with passwords_off:
        response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@passwords_off
def test_password_reset_says_passwords_are_not_used(client, officer):
    for address in (
        reverse("password_reset"),
        reverse("password_reset_done"),
        reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "set-token"}),
        reverse("password_reset_complete"),
    ):
        response = client.get(address)
        assert response.status_code == 404, address
        assert "Passwords are not used here" in response.content.decode()
    response = client.post(reverse("password_reset"), {"email": "jo@gateshead.gov.uk"})
    assert response.status_code == 404


def test_the_sign_in_page_offers_what_the_deployment_uses(client):
    page = client.get(reverse("login")).content.decode()
    assert "Forgotten your password?" in page
    assert "Sign in with your council account" not in page
    with override_settings(OIDC_ISSUER="https://login.example/tenant/v2.0", OIDC_RP_CLIENT_ID="x"):
        page = client.get(reverse("login"), {"next": "/actions/"}).content.decode()
        assert 'href="/sign-in/start/?next=/actions/"' in page
        with passwords_off:
            page = client.get(reverse("login")).content.decode()
    assert "Sign in with your council account" in page
    assert "Service administrators: sign in with a password" in page
    assert "Forgotten your password?" not in page


@passwords_off
def test_the_admins_sign_in_sends_everyone_to_the_one_sign_in_page(client):
    response = client.get(reverse("admin:login"), {"next": "/admin/authorities/"})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=/admin/authorities/"


def test_with_single_sign_on_off_its_addresses_send_back_to_sign_in(client):
    for name in ("signin:start", "signin:callback"):
        response = client.get(reverse(name), {"code": "x", "state": "y"})
        assert response.status_code == 302
        assert response["Location"] == reverse("login")
