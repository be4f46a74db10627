"""Personal API tokens: shown once, kept as a digest, read-only, acting as their owner with the
memberships the owner has at each request, stopping when revoked, expired or the owner is
deactivated, and limited in rate."""

import datetime
import hashlib

import pytest
import time_machine
from django.contrib import admin
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from api.models import ApiToken
from api.tokens import create_token
from authorities.models import Membership
from tests.admin.world import snapshot
from tests.api.world import signed_in

pytestmark = pytest.mark.django_db

TOKENS = reverse("api_tokens:list")


def bearer(secret):
    return Client(headers={"Authorization": f"Bearer {secret}"})


def plans_seen(client):
    response = client.get("/api/v1/plans/")
    return response.status_code, [row["id"] for row in response.json().get("results", [])]


def test_a_new_token_is_shown_once_and_kept_only_as_its_digest(world):
    client = signed_in(world.a.officer)
    made = client.post(TOKENS, {"name": "Power BI performance dashboard", "days": "90"})
    assert made.status_code == 200
    secret = made.context["secret"]
    assert secret.startswith("ipt_")
    assert len(secret) == 47
    assert secret in made.content.decode()
    token = ApiToken.objects.get(user=world.a.officer)
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    listed = client.get(TOKENS).content.decode()
    assert "Power BI performance dashboard" in listed
    assert token.prefix in listed
    assert secret not in listed


def test_the_form_names_what_is_wrong(world):
    client = signed_in(world.a.officer)
    page = client.post(TOKENS, {"name": "  ", "days": "7"}).content.decode()
    assert "Say what the token is for." in page
    assert "Choose 30 days, 90 days or 1 year: “7” is not one of them." in page
    assert not ApiToken.objects.exists()


def test_a_token_reads_as_its_owner_does_now(world):
    _, secret = create_token(world.a.officer, "Power BI", 30)
    assert plans_seen(bearer(secret)) == (200, [world.a.plan.pk])
    # Made an officer of B too: the same token reads both; no longer of A: B's alone.
    Membership.objects.create(user=world.a.officer, authority=world.b.authority, role="officer")
    assert plans_seen(bearer(secret)) == (200, [world.a.plan.pk, world.b.plan.pk])
    Membership.objects.filter(user=world.a.officer, authority=world.a.authority).delete()
    assert plans_seen(bearer(secret)) == (200, [world.b.plan.pk])
    assert bearer(secret).get(f"/api/v1/themes/?plan={world.a.plan.pk}").status_code == 404


def test_a_token_stops_when_revoked_expired_or_its_owner_is_deactivated(world):
    _, revoked = create_token(world.a.officer, "Revoked", 30)
    token = ApiToken.objects.get(name="Revoked")
    response = signed_in(world.a.officer).post(reverse("api_tokens:revoke", args=[token.pk]))
    assert response.status_code == 302
    assert bearer(revoked).get("/api/v1/plans/").status_code == 401

    _, expiring = create_token(world.a.manager, "Expiring", 30)
    assert bearer(expiring).get("/api/v1/plans/").status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        assert bearer(expiring).get("/api/v1/plans/").status_code == 401

    _, owners = create_token(world.a.admin, "Deactivated", 30)
    world.a.admin.is_active = False
    world.a.admin.save()
    assert bearer(owners).get("/api/v1/plans/").status_code == 401


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer ", "Bearer ipt_", "Bearer ipt_" + "x" * 10_000, "Basic ipt_abc", "ipt_abc"],
)
def test_a_malformed_or_unknown_token_is_401(header, world):
    client = Client(headers={"Authorization": header})
    response = client.get("/api/v1/actions/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_a_token_only_reads(world):
    _, secret = create_token(world.a.manager, "Power BI", 30)
    client = bearer(secret)
    before = snapshot()
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(f"/api/v1/actions/?plan={world.a.plan.pk}")
        assert response.status_code == 405, method
    # It opens no page of the app, and no page to make or revoke tokens.
    assert client.get(reverse("improvement:actions")).status_code == 302
    assert client.post(TOKENS, {"name": "Another", "days": "30"}).status_code == 302
    assert snapshot() == before


def test_when_a_token_was_last_used_is_noted_at_most_once_a_minute(world):
    _, secret = create_token(world.a.officer, "Power BI", 30)
    token = ApiToken.objects.get()
    assert token.last_used_at is None
    bearer(secret).get("/api/v1/plans/")
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    bearer(secret).get("/api/v1/plans/")
    token.refresh_from_db()
    assert token.last_used_at == first
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        bearer(secret).get("/api/v1/plans/")
    token.refresh_from_db()
    assert token.last_used_at > first


@override_settings(API_RATE_LIMIT="3/min")
def test_past_its_rate_a_token_gets_429_with_retry_after(world):
    _, secret = create_token(world.a.officer, "Power BI", 30)
    _, other = create_token(world.a.officer, "Excel", 30)
    client = bearer(secret)
    assert [client.get("/api/v1/plans/").status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get("/api/v1/plans/")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    # Counted per token: the person's other token still reads.
    assert bearer(other).get("/api/v1/plans/").status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61)):
        assert client.get("/api/v1/plans/").status_code == 200


def test_tokens_are_not_in_the_admin(world):
    """A person's tokens are theirs: deactivating the person in the admin stops them all."""
    assert ApiToken not in admin.site._registry
    superuser = Client()
    superuser.force_login(
        type(world.a.admin).objects.create_superuser("steward", "s@example.com", "x")
    )
    assert superuser.get("/admin/api/apitoken/").status_code == 404
