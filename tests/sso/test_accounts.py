"""Who a checked ID token names here (authorities/accounts.py), without a provider: the account
linked to it, else the one account with its email if the provider vouches for the address (the
standard `email_verified` or Entra ID's `xms_edov`), else a new account with no role."""

import pytest
from django.test import override_settings

from authorities import oidc
from authorities.accounts import Refused, email_is_verified, groups_in, person_signing_in
from authorities.models import SignInIdentity
from tests import factories as f

pytestmark = pytest.mark.django_db
ISSUER = "https://login.microsoftonline.com/9b3c2f1e-tenant-gateshead/v2.0"


def claims(sub="entra-oid-1", **more):
    return {"iss": ISSUER, "sub": sub, "tid": "9b3c2f1e-tenant-gateshead", **more}


@pytest.mark.parametrize(
    ("vouched", "expected"),
    [
        ({"email_verified": True}, True),
        ({"email_verified": "true"}, True),
        ({"xms_edov": True}, True),
        ({"email_verified": False}, False),
        ({"email_verified": "false", "xms_edov": False}, False),
        ({}, False),
    ],
)
def test_an_email_is_taken_as_verified_only_when_the_provider_says_so(vouched, expected):
    assert email_is_verified({"email": "jo@gateshead.gov.uk", **vouched}) is expected


def test_entras_domain_verified_email_matches_the_account_with_that_address():
    officer = f.UserFactory(email="Jo.Bloggs@gateshead.gov.uk")
    found = person_signing_in(claims(email="jo.bloggs@gateshead.gov.uk", xms_edov=True))
    assert found == officer
    assert SignInIdentity.objects.get(user=officer).subject == "entra-oid-1"


def test_a_superusers_account_is_never_matched_by_email():
    steward = f.UserFactory(email="steward@gateshead.gov.uk", is_superuser=True, is_staff=True)
    found = person_signing_in(claims(email="steward@gateshead.gov.uk", email_verified=True))
    assert found != steward
    assert not found.is_superuser


def test_an_account_linked_to_one_council_account_is_not_matched_for_another():
    """A leaver's address given to a joiner: the joiner does not get the leaver's account."""
    leaver = f.UserFactory(email="jo@gateshead.gov.uk")
    assert (
        person_signing_in(claims("leaver", email="jo@gateshead.gov.uk", email_verified=True))
        == leaver
    )
    joiner = person_signing_in(claims("joiner", email="jo@gateshead.gov.uk", email_verified=True))
    assert joiner != leaver
    assert SignInIdentity.objects.get(user=leaver).subject == "leaver"
    assert SignInIdentity.objects.get(user=joiner).subject == "joiner"


def test_two_accounts_with_the_verified_address_refuse_the_sign_in():
    f.UserFactory(email="jo@gateshead.gov.uk")
    f.UserFactory(email="JO@gateshead.gov.uk")
    with pytest.raises(Refused, match="more than one account"):
        person_signing_in(claims(email="jo@gateshead.gov.uk", email_verified=True))
    assert not SignInIdentity.objects.exists()


def test_names_come_from_the_full_name_when_the_parts_are_not_sent():
    person = person_signing_in(claims(name="Ada Lovelace-Byron"))
    assert (person.first_name, person.last_name) == ("Ada", "Lovelace-Byron")


@override_settings(OIDC_GROUPS_CLAIM="groups")
def test_groups_are_read_from_the_claim_named_and_left_alone_past_entras_limit():
    assert groups_in({"groups": ["a", "b"]}) == ["a", "b"]
    assert groups_in({"groups": "a"}) == ["a"]
    assert groups_in({}) == []
    # Past 200 groups Entra ID sends a link to them instead: roles are left as they were.
    assert groups_in({"_claim_names": {"groups": "src1"}}) is None
    with override_settings(OIDC_GROUPS_CLAIM=""):
        assert groups_in({"groups": ["a"]}) is None


def test_a_first_sign_in_made_twice_at_once_ends_in_one_account(monkeypatch):
    """Two tabs: the second finds the link the first made, instead of failing on it."""
    first = claims(email="jo@gateshead.gov.uk", email_verified=True)
    calls = []

    def racing(claims_):
        calls.append(claims_)
        person = person_signing_in(claims_)
        if len(calls) == 1:
            raise oidc.IntegrityError("one_account_per_sign_in_identity")
        return person

    monkeypatch.setattr(oidc, "person_signing_in", racing)
    monkeypatch.setattr(oidc, "checked_claims", lambda *args: first)
    monkeypatch.setattr(oidc, "provider", lambda: {"token_endpoint": "", "jwks_uri": ""})
    backend = oidc.Backend()
    monkeypatch.setattr(backend, "id_token_for", lambda code, verifier: "token")
    monkeypatch.setattr(backend, "retrieve_matching_jwk", lambda token: "key")

    person = backend.sign_in(None, "code", "nonce", "verifier")

    assert len(calls) == 2
    assert SignInIdentity.objects.get().user == person
