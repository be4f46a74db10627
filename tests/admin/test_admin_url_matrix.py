"""Every admin URL of every registered model, as every kind of user: 0 leaks across authorities.

For each model: its list, add, change, delete and history pages, the last three for one object of
authority A (Aldwick). Authority admins of B (Brampton) find none of A's objects and no trace of A
in what they may open; A's admin sees A only; the other roles have no admin at all.
"""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from core.admin import authority_path
from tests.access import ROLES
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MODELS = list(admin.site._registry)
SCOPED = [m for m in MODELS if authority_path(m)]
NATIONAL = [m for m in MODELS if not authority_path(m)]
# What an authority admin may not add here: written in the app, or national reference data.
NOT_ADDED = {"improvement.progressupdate", "authorities.localauthority"}
# What an authority admin may not delete: the above, and people (their records name them).
NOT_DELETED = NOT_ADDED | {"auth.user"}


def object_of(side, model):
    """One object of the side's authority for every authority-scoped model of the admin."""
    label = model._meta.label_lower
    objects = {
        "auth.user": side.officer,
        "authorities.localauthority": side.authority,
        "authorities.committee": side.committee,
        "authorities.membership": side.officer.memberships.get(),
        "inspections.inspection": side.inspection,
        "inspections.judgement": side.inspection.judgements.get(),
        "inspections.recommendation": side.recommendation,
        "improvement.improvementplan": side.plan,
        "improvement.action": side.action,
        "improvement.progressupdate": side.update,
        "reports.committeereport": side.report,
        "reports.papertemplate": side.paper,
    }
    return objects[label]


def url(model, view, obj=None):
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}"
    return reverse(name, args=[obj.pk] if obj else [])


def object_urls(model, obj):
    return [url(model, view, obj) for view in ("change", "delete", "history")]


def every_url(world):
    for model in MODELS:
        yield url(model, "changelist")
        yield url(model, "add")
        obj = object_of(world.a, model) if model in SCOPED else model._default_manager.first()
        if obj is not None:
            yield from object_urls(model, obj)


def logged_in(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_every_registered_model_is_scoped_or_national_and_every_scoped_one_is_covered(world):
    assert {m._meta.label_lower for m in NATIONAL} >= {"authorities.region", "auth.group"}
    for model in SCOPED:
        assert object_of(world.a, model).pk


def test_the_anonymous_and_every_non_admin_role_are_sent_to_the_admin_login(world):
    users = [None, UserFactory()] + [getattr(world.a, r) for r in ROLES if r != "admin"]
    for user in users:
        client = logged_in(user)
        for address in every_url(world):
            response = client.get(address)
            assert response.status_code == 302, f"{address} as {user}"
            assert response["Location"].startswith(reverse("admin:login")), address


def test_another_authoritys_admin_finds_nothing_of_a(world):
    client = logged_in(world.b.admin)
    for model in SCOPED:
        a_object, b_object = object_of(world.a, model), object_of(world.b, model)
        for address in [url(model, "changelist"), url(model, "add")]:
            response = client.get(address)
            assert response.status_code in (200, 403), address
            assert "Aldwick" not in response.content.decode(), address
            for leaked in object_urls(model, a_object):
                assert leaked not in response.content.decode(), address
        for address in object_urls(model, a_object):
            response = client.get(address, follow=True)
            assert "Aldwick" not in response.content.decode(), address
            assert str(a_object) not in response.content.decode() or str(a_object) == str(
                b_object
            ), address
            assert response.redirect_chain or response.status_code in (403, 404), address


def test_an_authority_admin_sees_their_own_authority_and_no_national_data(world):
    client = logged_in(world.a.admin)
    for model in SCOPED:
        mine, theirs = object_of(world.a, model), object_of(world.b, model)
        listing = client.get(url(model, "changelist")).content.decode()
        assert url(model, "change", mine) in listing, model
        assert url(model, "change", theirs) not in listing, model
        assert client.get(url(model, "change", mine)).status_code == 200, model
        assert client.get(url(model, "history", mine)).status_code == 200, model
        label = model._meta.label_lower
        expected = 403 if label in NOT_DELETED else 200
        assert client.get(url(model, "delete", mine)).status_code == expected, model
        expected = 403 if label in NOT_ADDED else 200
        assert client.get(url(model, "add")).status_code == expected, model
    for model in NATIONAL:
        assert client.get(url(model, "changelist")).status_code == 403, model
        assert client.get(url(model, "add")).status_code == 403, model


def test_a_platform_superuser_sees_every_authority(world):
    client = logged_in(UserFactory(is_staff=True, is_superuser=True))
    for model in SCOPED:
        listing = client.get(url(model, "changelist")).content.decode()
        for side in (world.a, world.b):
            assert url(model, "change", object_of(side, model)) in listing, model
    for address in every_url(world):
        assert client.get(address).status_code in (200, 403), address


def test_the_admins_other_pages_show_another_authoritys_admin_nothing_of_a(world):
    client = logged_in(world.b.admin)
    pages = [reverse("admin:index")]
    pages += [
        reverse("admin:app_list", args=[label]) for label in {m._meta.app_label for m in MODELS}
    ]
    pages += [
        f"{reverse('admin:autocomplete')}?app_label=authorities&model_name=membership"
        "&field_name=authority&term=",
        f"{reverse('admin:autocomplete')}?app_label=inspections&model_name=inspection"
        "&field_name=conducted_with&term=",
    ]
    for address in pages:
        response = client.get(address)
        assert response.status_code in (200, 404), address
        assert "Aldwick" not in response.content.decode(), address
    assert "Brampton" in client.get(pages[-2]).content.decode()
    action, officer = world.a.action, world.a.officer
    record = action.history.earliest("history_date")
    for address in (
        reverse("admin:improvement_action_simple_history", args=[action.pk, record.history_id]),
        reverse("admin:auth_user_password_change", args=[officer.pk]),
    ):
        response = client.get(address, follow=True)
        assert response.redirect_chain or response.status_code == 404, address
        assert "Aldwick" not in response.content.decode(), address
