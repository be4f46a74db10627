"""Signing in with a council account, end to end, against a real OpenID Connect provider the tests
start (tests/sso/provider/: django-oauth-toolkit, RS256, PKCE required): discovery, the code flow
with PKCE and the ID token's signature checked; a tampered token, another application's token, an
expired token, a person disabled at the provider or here, and another directory are refused."""

import base64
import datetime
import hashlib
import json

import pytest
import requests
import time_machine
from axes.models import AccessFailureLog, AccessLog
from django.test import override_settings
from django.utils import timezone

from authorities.models import GroupRoleMapping, LocalAuthority, Membership, SignInIdentity
from tests import factories as f
from tests.sso.flows import Browser, CouncilPerson, query_of, token_for_another_application

pytestmark = pytest.mark.django_db
axes_on = override_settings(AXES_ENABLED=True)


@pytest.fixture
def gateshead(authorities):
    return LocalAuthority.objects.get(name="Gateshead")


@pytest.fixture
def officer(gateshead):
    """An officer of Gateshead with an account here, who has never signed in with their council
    account."""
    return f.member(
        gateshead, Membership.Role.OFFICER, username="jo.bloggs", email="jo.bloggs@gateshead.gov.uk"
    )


def person(username, **fields):
    return CouncilPerson(username=username, email=f"{username}@gateshead.gov.uk", **fields)


def refusal(response):
    """The sign-in page's message after a refused sign-in."""
    assert response.status_code == 302
    assert response["Location"] == "/login/"
    return " ".join(str(m) for m in response.wsgi_request._messages)


class TokenRequests:
    """This app's requests to the provider's token endpoint, seen and, if asked, altered."""

    def __init__(self, monkeypatch, alter=None):
        self.sent, self.alter, self.post = [], alter, requests.post
        monkeypatch.setattr(requests, "post", self)

    def __call__(self, url, data=None, **kwargs):
        self.sent.append(dict(data or {}))
        response = self.post(url, data=data, **kwargs)
        if self.alter and response.status_code == 200:
            tokens = response.json()
            tokens["id_token"] = self.alter(tokens["id_token"])
            response._content = json.dumps(tokens).encode()
        return response


@axes_on
def test_a_person_signs_in_through_discovery_and_the_code_flow_with_pkce(
    council_sign_in, officer, monkeypatch
):
    provider = council_sign_in
    person("jo.bloggs").save_at(provider)
    browser, tokens = Browser(provider), TokenRequests(monkeypatch)
    authorize = browser.start(next_page="/actions/")
    # Discovery: the provider's own authorization endpoint, as its discovery document names it.
    assert authorize.startswith(f"{provider.issuer}/authorize/?")
    asked = query_of(authorize)
    assert asked["response_type"] == "code"
    assert asked["client_id"] == "tracker"
    assert asked["scope"] == "openid email profile"
    assert asked["code_challenge_method"] == "S256"
    assert asked["nonce"]
    assert asked["state"]

    answer = browser.come_back(browser.authorize(authorize, person("jo.bloggs")))

    assert answer.status_code == 302
    assert answer["Location"] == "/actions/"
    assert browser.signed_in_user_id() == str(officer.pk)
    # PKCE: the verifier sent with the code is the one whose digest the challenge was.
    (sent,) = tokens.sent
    digest = hashlib.sha256(sent["code_verifier"].encode()).digest()
    assert base64.urlsafe_b64encode(digest).decode().rstrip("=") == asked["code_challenge"]
    identity = SignInIdentity.objects.get(user=officer)
    assert (identity.issuer, identity.tenant) == (provider.issuer, "9b3c2f1e-tenant-gateshead")
    # Recorded with the password sign-ins (Axes -> Access logs).
    assert AccessLog.objects.filter(username="jo.bloggs").exists()
    assert browser.app.get("/").status_code == 200


@axes_on
def test_an_id_token_whose_claims_were_changed_after_signing_is_refused(
    council_sign_in, officer, monkeypatch
):
    person("sam.other").save_at(council_sign_in)

    def claim_to_be_jo(id_token):
        header, payload, signature = id_token.split(".")
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        claims["email"] = "jo.bloggs@gateshead.gov.uk"
        forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
        return f"{header}.{forged}.{signature}"

    TokenRequests(monkeypatch, alter=claim_to_be_jo)
    browser = Browser(council_sign_in)

    message = refusal(browser.sign_in(person("sam.other")))

    assert "signature does not match" in message
    assert browser.signed_in_user_id() is None
    assert not SignInIdentity.objects.exists()
    assert AccessFailureLog.objects.filter(username="council account").count() == 1


def test_an_id_token_with_a_signature_changed_is_refused(council_sign_in, officer, monkeypatch):
    person("jo.bloggs").save_at(council_sign_in)

    def flip_the_signature(id_token):
        head, _, signature = id_token.rpartition(".")
        return f"{head}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"

    TokenRequests(monkeypatch, alter=flip_the_signature)
    browser = Browser(council_sign_in)
    assert "signature does not match" in refusal(browser.sign_in(person("jo.bloggs")))
    assert browser.signed_in_user_id() is None


def test_an_id_token_issued_to_another_application_is_refused(
    council_sign_in, officer, monkeypatch
):
    person("jo.bloggs").save_at(council_sign_in)
    browser = Browser(council_sign_in)
    authorize = browser.start()
    back = browser.authorize(authorize, person("jo.bloggs"))
    # Signed by the same provider, for the same person and this very sign-in's nonce: only the
    # audience is wrong.
    theirs = token_for_another_application(browser, query_of(authorize)["nonce"])
    TokenRequests(monkeypatch, alter=lambda ours: theirs)

    message = refusal(browser.come_back(back))

    assert "issued to another application" in message
    assert browser.signed_in_user_id() is None


def test_an_expired_id_token_is_refused(council_sign_in, officer):
    person("jo.bloggs").save_at(council_sign_in)
    browser = Browser(council_sign_in)
    back = browser.authorize(browser.start(), person("jo.bloggs"))
    # The provider's tokens last five minutes; this app takes one at most a minute either side.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=7)):
        message = refusal(browser.come_back(back))
    assert "has expired" in message
    assert browser.signed_in_user_id() is None


def test_a_person_disabled_at_the_provider_can_no_longer_sign_in(council_sign_in, officer):
    jo = person("jo.bloggs").save_at(council_sign_in)
    browser = Browser(council_sign_in)
    assert browser.sign_in(jo).status_code == 302
    assert browser.signed_in_user_id() == str(officer.pk)
    browser.app.post("/logout/")

    jo.is_active = False
    jo.save_at(council_sign_in)
    # Still signed in at the provider from before: it no longer takes that session...
    assert browser.sign_in(None) is None
    # ...nor their password, in this browser or a new one.
    assert browser.sign_in(jo) is None
    assert Browser(council_sign_in).sign_in(jo) is None
    assert browser.signed_in_user_id() is None


def test_a_person_whose_account_here_is_switched_off_is_refused(council_sign_in, officer):
    person("jo.bloggs").save_at(council_sign_in)
    officer.is_active = False
    officer.save()
    browser = Browser(council_sign_in)
    assert "switched off" in refusal(browser.sign_in(person("jo.bloggs")))
    assert browser.signed_in_user_id() is None


def test_a_person_of_another_directory_is_refused(council_sign_in, officer):
    stranger = person("jo.bloggs", tenant="another-councils-tenant").save_at(council_sign_in)
    browser = Browser(council_sign_in)
    assert "directory (tenant)" in refusal(browser.sign_in(stranger))
    assert browser.signed_in_user_id() is None


def test_an_email_the_provider_does_not_vouch_for_matches_nobody(council_sign_in, officer):
    claimant = person("jo.bloggs", email_verified=False).save_at(council_sign_in)
    browser = Browser(council_sign_in)

    answer = browser.sign_in(claimant)

    assert answer["Location"] == "/sign-in/waiting/"
    newcomer = SignInIdentity.objects.get().user
    assert newcomer != officer
    assert browser.signed_in_user_id() == str(newcomer.pk)
    assert newcomer.email == ""
    assert not newcomer.has_usable_password()
    assert not newcomer.memberships.exists()
    page = browser.app.get("/sign-in/waiting/").content.decode()
    assert "You have no role here yet" in page


def test_a_newcomer_gets_an_account_with_no_role_and_keeps_it_when_their_email_changes(
    council_sign_in, gateshead
):
    newcomer = person("ali.new", given_name="Ali", family_name="Khan").save_at(council_sign_in)
    assert Browser(council_sign_in).sign_in(newcomer)["Location"] == "/sign-in/waiting/"
    account = SignInIdentity.objects.get().user
    assert (account.username, account.email) == ("ali.new@gateshead.gov.uk", account.username)
    assert (account.first_name, account.last_name) == ("Ali", "Khan")

    newcomer.email = "ali.khan@gateshead.gov.uk"
    newcomer.save_at(council_sign_in)
    f.MembershipFactory(user=account, authority=gateshead, role=Membership.Role.OFFICER)
    browser = Browser(council_sign_in)
    assert browser.sign_in(newcomer)["Location"] == "/"
    assert browser.signed_in_user_id() == str(account.pk)
    account.refresh_from_db()
    assert account.email == "ali.khan@gateshead.gov.uk"


def test_groups_give_roles_at_each_sign_in_and_take_them_when_the_group_goes(
    council_sign_in, gateshead
):
    GroupRoleMapping.objects.create(
        authority=gateshead, group="c0ffee-managers", name="CS managers", role="manager"
    )
    manager = person("pat.manager", groups=("c0ffee-managers", "unmapped")).save_at(council_sign_in)
    assert Browser(council_sign_in).sign_in(manager)["Location"] == "/"
    account = SignInIdentity.objects.get().user
    membership = account.memberships.get()
    assert (membership.authority, membership.role, membership.from_group) == (
        gateshead,
        "manager",
        True,
    )

    manager.groups = ("unmapped",)
    manager.save_at(council_sign_in)
    assert Browser(council_sign_in).sign_in(manager)["Location"] == "/sign-in/waiting/"
    assert not account.memberships.exists()


def test_a_discovery_document_naming_another_issuer_is_not_used(council_sign_in):
    elsewhere = council_sign_in.issuer.replace("127.0.0.1", "localhost")
    with override_settings(OIDC_ISSUER=elsewhere):
        response = Browser(council_sign_in).app.get("/sign-in/start/")
    assert response.status_code == 503
    assert "not available" in response.content.decode()
