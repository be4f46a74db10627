"""A person shared between authorities keeps their account: neither authority's admin changes their
password, username, email, names or other memberships, on any admin path, nor sees the other
authority's membership. Each admin still manages their own authority's membership of them."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from authorities.models import Membership
from tests import factories as f
from tests.admin.world import PASSWORD, admin_world, change_form_data, shared_person, snapshot

pytestmark = pytest.mark.django_db
Role = Membership.Role
NEW_PASSWORD = "a password chosen by someone else 7"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def user_url(view, person):
    return reverse(f"admin:auth_user_{view}", args=[person.pk])


@pytest.fixture
def world():
    world = admin_world()
    world.shared = shared_person(world)
    return world


def forged_change(person):
    """The user form a platform superuser sees for the person, every membership included, with
    the account's fields changed and the membership of B ticked for deletion."""
    superuser = f.UserFactory(is_staff=True, is_superuser=True)
    data = change_form_data(logged_in(superuser).get(user_url("change", person)))
    data.update(username="taken.over", first_name="Taken", email="taken@example.org")
    for key in list(data):
        if key.endswith("-authority"):
            data[key.replace("-authority", "-DELETE")] = "on"
    assert any(key.endswith("-DELETE") for key in data), "the form shows no membership"
    return data


@pytest.mark.parametrize("side", ["a", "b"])
def test_an_authority_admin_changes_nothing_of_a_person_shared_with_another(world, side):
    person, admin = world.shared, getattr(world, side).admin
    other = world.b if side == "a" else world.a
    forged = forged_change(person)
    client = logged_in(admin)
    before = snapshot()

    page = client.get(user_url("change", person))
    assert page.status_code == 200  # they may see the person, who has a role in their authority
    assert other.authority.name not in page.content.decode()
    assert not page.context["has_change_permission"]
    assert "Reset password" not in page.content.decode()
    refused = {
        "change": client.post(user_url("change", person), forged),
        "password page": client.get(user_url("password_change", person)),
        "password": client.post(
            user_url("password_change", person),
            {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
        ),
        "history": client.get(user_url("history", person)),
        "delete page": client.get(user_url("delete", person)),
        "delete": client.post(user_url("delete", person), {"post": "yes"}),
    }
    for path, response in refused.items():
        assert response.status_code == 403, path
    bulk = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "delete_selected", "_selected_action": [person.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302)

    assert snapshot() == before
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
    assert Client().login(username="sam.shared", password=PASSWORD)
    assert not Client().login(username="sam.shared", password=NEW_PASSWORD)


def test_the_other_authoritys_membership_is_out_of_reach_of_the_membership_admin(world):
    client = logged_in(world.a.admin)
    theirs = world.shared.memberships.get(authority=world.b.authority)
    before = snapshot()
    address = reverse("admin:authorities_membership_change", args=[theirs.pk])
    data = {"user": world.shared.pk, "authority": world.a.authority.pk, "role": Role.OFFICER}
    assert client.post(address, data).status_code in (302, 404)
    delete = reverse("admin:authorities_membership_delete", args=[theirs.pk])
    assert client.post(delete, {"post": "yes"}).status_code in (302, 404)
    client.post(
        reverse("admin:authorities_membership_changelist"),
        {"action": "delete_selected", "_selected_action": [theirs.pk], "post": "yes"},
    )
    assert snapshot() == before


def test_an_authority_admin_still_manages_their_own_authoritys_membership_of_the_person(world):
    client = logged_in(world.a.admin)
    ours = world.shared.memberships.get(authority=world.a.authority)
    address = reverse("admin:authorities_membership_change", args=[ours.pk])
    data = change_form_data(client.get(address))
    data["role"] = Role.MANAGER
    assert client.post(address, data).status_code == 302
    assert world.shared.memberships.get(authority=world.a.authority).role == Role.MANAGER
    assert world.shared.memberships.get(authority=world.b.authority).role == Role.ADMIN


def test_a_person_of_the_admins_authority_alone_is_still_theirs_to_change(world):
    client, person = logged_in(world.a.admin), world.a.officer
    data = change_form_data(client.get(user_url("change", person)))
    data.update(first_name="Renamed", email="renamed@aldwick.example")
    assert client.post(user_url("change", person), data).status_code == 302
    password = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"}
    assert client.post(user_url("password_change", person), password).status_code == 302
    person.refresh_from_db()
    assert (person.first_name, person.email) == ("Renamed", "renamed@aldwick.example")
    assert person.check_password(NEW_PASSWORD)


def test_an_authority_admin_is_not_shown_who_is_staff_or_in_which_group(world):
    page = logged_in(world.a.admin).get(user_url("change", world.a.officer))
    assert not {"is_staff", "is_superuser", "groups"} & set(page.context["adminform"].form.fields)
    assert "Authority admins" not in page.content.decode()


def test_a_platform_superuser_still_changes_a_shared_person(world):
    superuser = f.UserFactory(is_staff=True, is_superuser=True)
    client = logged_in(superuser)
    data = change_form_data(client.get(user_url("change", world.shared)))
    data["first_name"] = "Samantha"
    assert client.post(user_url("change", world.shared), data).status_code == 302
    assert get_user_model().objects.get(pk=world.shared.pk).first_name == "Samantha"
    assert world.shared.memberships.count() == 2
