"""Every admin URL of every registered model, as every kind of user: 0 leaks across authorities.

For each model: its list, add, change, delete and history pages, the last three for one object of
authority A (Aldwick). Authority admins of B (Brampton) find none of A's objects and no trace of A
in what they may open; A's admin sees A only; the other roles have no admin at all. Every admin
action B's admin may post at A's objects (change, delete, bulk actions, password, history, inline
rows) writes nothing; people shared between A and B are in tests/admin/test_admin_shared_users.py.
"""

import pytest
from django import forms
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from simple_history.admin import SimpleHistoryAdmin

from authorities.scoped_admin import authority_path
from improvement.models import Action
from tests.access import ROLES
from tests.admin.world import change_form_data, snapshot
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MODELS = list(admin.site._registry)
SCOPED = [m for m in MODELS if authority_path(m)]
NATIONAL = [m for m in MODELS if not authority_path(m)]
# What an authority admin may not add here: written in the app, or national reference data.
NOT_ADDED = {
    "improvement.progressupdate",
    "authorities.localauthority",
    "indicators.localfigure",
    "audits.auditresult",
}
# What an authority admin may not delete: the above, and people (their records name them); an
# audit result may be, to erase what it should not hold (docs/data-protection.md).
NOT_DELETED = (NOT_ADDED | {"auth.user"}) - {"audits.auditresult"}


def object_of(side, model):
    """One object of the side's authority for every authority-scoped model of the admin."""
    label = model._meta.label_lower
    objects = {
        "auth.user": side.officer,
        "authorities.localauthority": side.authority,
        "authorities.committee": side.committee,
        "authorities.membership": side.officer.memberships.get(),
        "authorities.grouprolemapping": side.group_role,
        "authorities.organisation": side.organisation,
        "inspections.inspection": side.inspection,
        "inspections.judgement": side.inspection.judgements.get(),
        "inspections.recommendation": side.recommendation,
        "improvement.improvementplan": side.plan,
        "improvement.action": side.action,
        "improvement.progressupdate": side.update,
        "reports.committeereport": side.report,
        "reports.papertemplate": side.paper,
        "indicators.indicator": side.indicator,
        "indicators.target": side.target,
        "indicators.localfigure": side.local_figure,
        "audits.auditprogramme": side.audit_programme,
        "audits.auditresult": side.audit_result,
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
    assert {m._meta.label_lower for m in NATIONAL} >= {
        "authorities.region",
        "auth.group",
        "indicators.indicatorvalue",  # published figures: the data steward's alone
        "indicators.statisticalneighbour",
    }
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


def test_view_on_site_finds_only_what_the_admin_shows_and_never_fails(world, monkeypatch):
    # No model of ours has a page of its own yet: give actions one for this test.
    monkeypatch.setattr(Action, "get_absolute_url", lambda a: f"/actions/{a.pk}/", raising=False)
    action_type = ContentType.objects.get_for_model(Action).pk
    task_type = ContentType.objects.get_for_model(DBTaskResult).pk  # a UUID primary key
    client = logged_in(world.b.admin)
    for content_type, object_id in [
        (action_type, world.a.action.pk),  # another authority's
        (action_type, "not-a-number"),
        (action_type, 10**30),
        (task_type, "not-a-uuid"),
        (task_type, "00000000-0000-0000-0000-000000000000"),
        (10**30, 1),
        ("not-a-number", 1),
    ]:
        address = reverse("admin:view_on_site", args=[content_type, object_id])
        assert client.get(address).status_code == 404, address
    mine = reverse("admin:view_on_site", args=[action_type, world.a.action.pk])
    response = logged_in(world.a.admin).get(mine)
    assert response.status_code == 302
    assert response["Location"] == f"/actions/{world.a.action.pk}/"


# Shown to an authority admin read only: their own admin's form cannot be saved either.
NOT_CHANGED = {"improvement.progressupdate", "indicators.localfigure", "audits.auditresult"}


def edited(page):
    """A change page's form as a browser posts it, with each of its filled text fields changed."""
    data = change_form_data(page)
    form = page.context["adminform"].form
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        if type(field) is forms.CharField and data.get(key):
            data[key] = f"{data[key][:20]} changed"
    return data


def with_their_rows(our_page, their_page):
    """Our own change form, posted with their inline rows in it, each ticked for deletion."""
    data, theirs = change_form_data(our_page), change_form_data(their_page)
    for inline in their_page.context["inline_admin_formsets"]:
        start = f"{inline.formset.prefix}-"
        data = {key: value for key, value in data.items() if not key.startswith(start)}
        rows = {key: value for key, value in theirs.items() if key.startswith(start)}
        data.update(rows)
        data.update(
            {f"{key[:-3]}-DELETE": "on" for key, value in rows.items() if key[-3:] == "-id"}
        )
    return data


def bulk_actions(client, model):
    page = client.get(url(model, "changelist"))
    form = page.context and page.context.get("action_form")
    return [name for name, _ in form.fields["action"].choices if name] if form else []


def forged_posts(world, model, client):
    """Everything B's admin (`client`) may post at A's object of the model, by address."""
    theirs = object_of(world.a, model)
    their_page = logged_in(world.a.admin).get(url(model, "change", theirs))
    posts = {url(model, "change", theirs): edited(their_page)}
    posts[url(model, "delete", theirs)] = {"post": "yes"}
    if isinstance(admin.site._registry[model], SimpleHistoryAdmin):
        record = theirs.history.earliest("history_date")
        history = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_simple_history",
            args=[theirs.pk, record.history_id],
        )
        posts[history] = edited(their_page)
    if model._meta.label_lower == "auth.user":
        password = {"password1": "taken-over-9x", "password2": "taken-over-9x"}
        posts[reverse("admin:auth_user_password_change", args=[theirs.pk])] = password
    return posts


def test_every_admin_action_on_another_authoritys_objects_writes_nothing(world):
    client = logged_in(world.b.admin)
    for model in SCOPED:
        posts = forged_posts(world, model, client)
        before = snapshot()
        for address, data in posts.items():
            response = client.post(address, data)
            assert response.status_code in (200, 302, 403, 404), address
            assert "Aldwick" not in response.content.decode(), address
        for action in bulk_actions(client, model):
            selected = {"_selected_action": [object_of(world.a, model).pk], "post": "yes"}
            client.post(url(model, "changelist"), {"action": action, **selected})
        assert snapshot() == before, model
        # The same change from A's own admin is saved: the forged form was a real one.
        if model._meta.label_lower not in NOT_CHANGED:
            mine, own = object_of(world.a, model), logged_in(world.a.admin)
            page = own.get(url(model, "change", mine))
            assert own.post(url(model, "change", mine), edited(page)).status_code == 302, model


def test_another_authoritys_inline_rows_posted_in_our_own_form_are_left_alone(world):
    client, tried = logged_in(world.b.admin), 0
    for model in SCOPED:
        their_page = logged_in(world.a.admin).get(url(model, "change", object_of(world.a, model)))
        inlines = [i.formset for i in their_page.context["inline_admin_formsets"]]
        if not any(formset.initial_forms for formset in inlines):
            continue
        ours = url(model, "change", object_of(world.b, model))
        data = with_their_rows(client.get(ours), their_page)
        before = snapshot(*[formset.model for formset in inlines])
        client.post(ours, data)
        assert snapshot(*[formset.model for formset in inlines]) == before, model
        tried += 1
    assert tried >= 3  # people's memberships, a plan's themes, an inspection's findings...
