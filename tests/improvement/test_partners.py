"""Partner agencies' own logins: a partner reads the plans of their partnership's authority, adds
progress updates only to the actions their organisation is a partner on, and never reaches the
admin, another authority, drafts, other actions' evidence or the council's internal work.

The world is tests/access.py's: Aldwick Police is in Aldwick's partnership and a partner on
action X (1.1); action Y (1.9, `off_partners`) has no partner organisation; Brampton has its own.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from authorities.access import (
    is_partner,
    partner_organisation_id,
    partner_organisation_ids,
    reads_internal,
    scoped,
    scoped_internal,
)
from authorities.models import LocalAuthority, Membership
from improvement import services
from improvement.models import Action, ProgressUpdate
from improvement.permissions import is_partner_on, may_see_evidence, may_update_action
from tests import factories as f
from tests.access import INSIDERS, off_partners

UPDATE = {"rag": "amber", "narrative": "Officers attended every strategy meeting in May."}


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_partner_adds_an_update_to_their_organisations_action_marked_as_theirs(world):
    action = world.a.action
    response = signed_in(world.a.partner).post(
        reverse("improvement:add_update", args=[action.pk]), UPDATE
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get(action=action, narrative=UPDATE["narrative"])
    assert update.organisation == world.a.organisation
    assert update.from_partner == "Update from Aldwick Police"
    page = signed_in(world.a.manager).get(reverse("improvement:action", args=[action.pk]))
    assert "Update from Aldwick Police" in page.content.decode()


def test_the_form_says_whom_a_partner_writes_for(world):
    url = reverse("improvement:add_update", args=[world.a.action.pk])
    page = signed_in(world.a.partner).get(url).content.decode()
    assert "You write for Aldwick Police" in page
    assert "You write for" not in signed_in(world.a.officer).get(url).content.decode()


def test_a_partner_is_refused_an_action_their_organisation_is_not_on(world):
    action = off_partners(world)
    client = signed_in(world.a.partner)
    assert client.get(reverse("improvement:action", args=[action.pk])).status_code == 200
    url = reverse("improvement:add_update", args=[action.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, UPDATE).status_code == 403
    assert not action.updates.filter(narrative=UPDATE["narrative"]).exists()
    page = client.get(reverse("improvement:action", args=[action.pk])).content.decode()
    assert "Add a progress update" not in page
    assert (
        reverse("improvement:evidence", args=[action.updates.get().evidence.get().pk]) not in page
    )


def test_a_partner_of_another_authority_finds_nothing_of_it(world):
    client = signed_in(world.b.partner)
    for url in (
        reverse("improvement:plan", args=[world.a.plan.pk]),
        reverse("improvement:action", args=[world.a.action.pk]),
        reverse("improvement:add_update", args=[world.a.action.pk]),
        reverse("improvement:evidence", args=[world.a.evidence.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(
        reverse("improvement:add_update", args=[world.a.action.pk]), UPDATE
    ).status_code == (404)
    listed = client.get(reverse("improvement:actions")).content.decode()
    assert world.a.action.title not in listed
    assert world.b.action.title in listed


def test_a_partner_opens_the_evidence_of_their_actions_only(world):
    client = signed_in(world.a.partner)
    assert client.get(reverse("improvement:evidence", args=[world.a.evidence.pk])).status_code == (
        302  # a link: sent on to it
    )
    other = off_partners(world).updates.get().evidence.get()
    assert client.get(reverse("improvement:evidence", args=[other.pk])).status_code == 403
    assert signed_in(world.a.officer).get(
        reverse("improvement:evidence", args=[other.pk])
    ).status_code in (200, 302)


def test_a_partners_home_lists_their_organisations_actions(world):
    other = off_partners(world)
    page = signed_in(world.a.partner).get(reverse("home")).content.decode()
    assert "Your organisation's actions" in page
    assert world.a.action.title in page
    assert other.title not in page
    assert "Email reminders" not in page
    assert reverse("admin:index") not in page


def test_a_partner_never_reaches_the_admin(world):
    world.a.partner.refresh_from_db()
    assert not world.a.partner.is_staff
    response = signed_in(world.a.partner).get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_the_rules_know_a_partner_by_their_organisation(world):
    partner, action, other = world.a.partner, world.a.action, off_partners(world)
    authority = world.a.authority.pk
    assert is_partner(partner, authority)
    assert partner_organisation_id(partner, authority) == world.a.organisation.pk
    assert partner_organisation_ids(partner) == [world.a.organisation.pk]
    assert partner_organisation_id(world.a.officer, authority) is None
    assert (is_partner_on(partner, action), is_partner_on(partner, other)) == (True, False)
    assert (may_update_action(partner, action), may_update_action(partner, other)) == (True, False)
    assert (may_see_evidence(partner, action), may_see_evidence(partner, other)) == (True, False)
    assert not is_partner_on(world.b.partner, action)


def test_the_councils_internal_work_is_read_by_every_role_but_partner(world):
    """The predicate the audits, self-evaluation and evidence-of-impact apps ask."""
    authority = world.a.authority.pk
    for role in INSIDERS:
        assert reads_internal(getattr(world.a, role), authority), role
    assert not reads_internal(world.a.partner, authority)
    assert not reads_internal(world.b.manager, authority)
    authorities = LocalAuthority.objects.filter(pk__in=[authority, world.b.authority.pk])
    assert list(scoped_internal(authorities, world.a.partner, "pk")) == []
    assert list(scoped(authorities, world.a.partner, "pk")) == [world.a.authority]
    assert list(scoped_internal(authorities, world.a.manager, "pk")) == [world.a.authority]


def test_a_partner_membership_names_an_organisation_of_its_own_authority(world):
    person = f.UserFactory()
    elsewhere = Membership(
        user=person,
        authority=world.a.authority,
        role=Membership.Role.PARTNER,
        organisation=world.b.organisation,
    )
    with pytest.raises(ValidationError, match="another authority's partnership"):
        elsewhere.full_clean()
    officer = Membership(
        user=person,
        authority=world.a.authority,
        role=Membership.Role.OFFICER,
        organisation=world.a.organisation,
    )
    with pytest.raises(ValidationError, match="Only a partner names an organisation"):
        officer.full_clean()
    nobody = Membership(user=person, authority=world.a.authority, role=Membership.Role.PARTNER)
    with pytest.raises(ValidationError, match="belongs to an organisation"):
        nobody.full_clean()
    # The database holds it too, for whatever writes without asking clean().
    with pytest.raises(IntegrityError), transaction.atomic():
        nobody.save()


def test_a_manager_sets_an_actions_partner_organisations_under_its_version(world):
    action = off_partners(world)
    url = reverse("improvement:edit_action", args=[action.pk])
    form = {
        "version": action.version,
        "reference": action.reference,
        "title": action.title,
        "status": action.status,
        "partner_organisations": [world.a.organisation.pk],
    }
    client = signed_in(world.a.manager)
    assert client.post(url, form).status_code == 302
    action.refresh_from_db()
    assert list(action.partner_organisations.all()) == [world.a.organisation]
    assert action.version == form["version"] + 1
    assert may_update_action(world.a.partner, Action.objects.get(pk=action.pk))
    # A form opened before that save changes nothing.
    response = client.post(url, {**form, "partner_organisations": []})
    assert "Someone else changed this action" in response.content.decode()
    assert list(action.partner_organisations.all()) == [world.a.organisation]


def test_an_action_takes_no_organisation_of_another_partnership(world):
    action = world.a.action
    with pytest.raises(ValidationError, match="Brampton Police: not in this authority"):
        services.edit_action(
            action.pk, action.version, {"partner_organisations": [world.b.organisation]}
        )
    assert list(action.partner_organisations.all()) == [world.a.organisation]
    # Nor is it offered on the form.
    page = signed_in(world.a.manager).get(reverse("improvement:edit_action", args=[action.pk]))
    assert "Brampton Police" not in page.content.decode()
    assert "Aldwick Police" in page.content.decode()
