"""A person who signed in with their council account and has no role yet is shown, in the admin,
to the admins of the authority whose Entra tenant they came from, and to nobody else; group role
mappings map only to the admin's own authority."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from authorities.models import GroupRoleMapping, SignInIdentity
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def tenants(world):
    world.a.authority.sign_in_tenant = "tenant-aldwick"
    world.a.authority.save()
    world.b.authority.sign_in_tenant = "tenant-brampton"
    world.b.authority.save()
    return world


def newcomer(tenant, username="ali.newcomer"):
    person = f.UserFactory(username=username, first_name="Ali", last_name="Newcomer")
    SignInIdentity.objects.create(
        user=person,
        issuer="https://idp",
        subject=username,
        tenant=tenant,
        last_signed_in=timezone.now(),
    )
    return person


def admin_client(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_newcomer_is_shown_to_their_tenants_authority_admin_who_gives_them_a_role(tenants):
    person = newcomer("tenant-aldwick")
    users = reverse("admin:auth_user_changelist")
    change = reverse("admin:auth_user_change", args=[person.pk])
    assert change in admin_client(tenants.a.admin).get(users).content.decode()
    assert change not in admin_client(tenants.b.admin).get(users).content.decode()
    assert admin_client(tenants.b.admin).get(change).status_code == 302  # "does not exist"

    add = reverse("admin:authorities_membership_add")
    response = admin_client(tenants.a.admin).post(
        add, {"user": person.pk, "authority": tenants.a.authority.pk, "role": "officer"}
    )
    assert response.status_code == 302
    assert person.memberships.get().role == "officer"
    # Once they have a role, they are a member like any other: still not B's.
    assert change not in admin_client(tenants.b.admin).get(users).content.decode()


def test_a_newcomer_of_no_known_tenant_is_shown_to_no_authority_admin(tenants):
    person = newcomer("tenant-unknown")
    change = reverse("admin:auth_user_change", args=[person.pk])
    for admin in (tenants.a.admin, tenants.b.admin):
        listing = admin_client(admin).get(reverse("admin:auth_user_changelist"))
        assert change not in listing.content.decode()
    add = reverse("admin:authorities_membership_add")
    admin_client(tenants.a.admin).post(
        add, {"user": person.pk, "authority": tenants.a.authority.pk, "role": "admin"}
    )
    assert not person.memberships.exists()


def test_an_authority_admin_maps_groups_to_their_own_authority_only(world):
    add = reverse("admin:authorities_grouprolemapping_add")
    client = admin_client(world.a.admin)
    data = {"group": "5e1f-cs-managers", "name": "CS managers", "role": "manager"}

    refused = client.post(add, {**data, "authority": world.b.authority.pk})
    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    assert not GroupRoleMapping.objects.filter(group="5e1f-cs-managers").exists()

    assert client.post(add, {**data, "authority": world.a.authority.pk}).status_code == 302
    mapping = GroupRoleMapping.objects.get(group="5e1f-cs-managers")
    assert mapping.authority == world.a.authority
    assert mapping.history.get().history_user == world.a.admin


def test_the_tenant_of_an_authority_is_set_by_a_superuser_alone(world):
    change = reverse("admin:authorities_localauthority_change", args=[world.a.authority.pk])
    page = admin_client(world.a.admin).get(change)
    assert "sign_in_tenant" not in page.context["adminform"].form.fields
    assert "Entra tenant ID" in page.content.decode()  # shown, read only
