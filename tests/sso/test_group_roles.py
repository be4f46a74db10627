"""Roles from the directory's groups (authorities/group_roles.py), without a provider: the widest
role a person's groups map to in each authority, memberships given by groups following them at
each sign-in, and memberships given by hand left alone."""

import pytest

from authorities.group_roles import roles_from_groups, sync_group_roles
from authorities.models import GroupRoleMapping, LocalAuthority, Membership
from tests import factories as f

pytestmark = pytest.mark.django_db
Role = Membership.Role


@pytest.fixture
def councils(authorities):
    return {
        name: LocalAuthority.objects.get(name=name)
        for name in ("Gateshead", "Halton", "Stockton-on-Tees")
    }


def mapping(authority, group, role):
    return GroupRoleMapping.objects.create(authority=authority, group=group, role=role)


def roles(user):
    return {
        (m.authority.name, m.role, m.from_group)
        for m in user.memberships.select_related("authority")
    }


def test_the_widest_role_a_persons_groups_give_in_an_authority_is_taken(councils):
    gateshead, halton = councils["Gateshead"], councils["Halton"]
    mapping(gateshead, "cs-officers", Role.OFFICER)
    mapping(gateshead, "cs-managers", Role.MANAGER)
    mapping(gateshead, "members", Role.COMMITTEE_MEMBER)
    mapping(halton, "cs-officers", Role.COMMITTEE_MEMBER)

    given = roles_from_groups(["members", "cs-managers", "cs-officers", "not-mapped"])

    assert given == {gateshead.pk: Role.MANAGER, halton.pk: Role.COMMITTEE_MEMBER}
    assert roles_from_groups(["not-mapped"]) == {}


def test_groups_create_change_and_remove_the_memberships_they_gave(councils):
    gateshead, halton = councils["Gateshead"], councils["Halton"]
    mapping(gateshead, "cs-officers", Role.OFFICER)
    mapping(gateshead, "cs-managers", Role.MANAGER)
    mapping(halton, "halton-scrutiny", Role.COMMITTEE_MEMBER)
    person = f.UserFactory()

    assert sync_group_roles(person, ["cs-officers", "halton-scrutiny"]) == 2
    assert roles(person) == {
        ("Gateshead", Role.OFFICER, True),
        ("Halton", Role.COMMITTEE_MEMBER, True),
    }
    assert sync_group_roles(person, ["cs-officers", "cs-managers", "halton-scrutiny"]) == 1
    assert roles(person) == {
        ("Gateshead", Role.MANAGER, True),
        ("Halton", Role.COMMITTEE_MEMBER, True),
    }
    assert sync_group_roles(person, ["cs-officers", "cs-managers", "halton-scrutiny"]) == 0
    assert sync_group_roles(person, ["cs-managers"]) == 1
    assert roles(person) == {("Gateshead", Role.MANAGER, True)}
    assert sync_group_roles(person, []) == 1
    assert roles(person) == set()


def test_a_membership_given_by_hand_is_left_as_the_admin_set_it(councils):
    gateshead, stockton = councils["Gateshead"], councils["Stockton-on-Tees"]
    mapping(gateshead, "cs-managers", Role.MANAGER)
    person = f.member(gateshead, Role.OFFICER)
    f.MembershipFactory(user=person, authority=stockton, role=Role.ADMIN)

    sync_group_roles(person, ["cs-managers"])
    assert roles(person) == {
        ("Gateshead", Role.OFFICER, False),
        ("Stockton-on-Tees", "admin", False),
    }
    sync_group_roles(person, [])
    assert roles(person) == {
        ("Gateshead", Role.OFFICER, False),
        ("Stockton-on-Tees", "admin", False),
    }


def test_a_mapping_deleted_by_the_admin_takes_its_role_away_at_the_next_sign_in(councils):
    gateshead = councils["Gateshead"]
    admins = mapping(gateshead, "cs-admins", Role.ADMIN)
    person = f.UserFactory()
    sync_group_roles(person, ["cs-admins"])
    person.refresh_from_db()
    assert person.is_staff  # an admin role makes them staff of the admin (authorities/staff.py)

    admins.delete()
    sync_group_roles(person, ["cs-admins"])

    person.refresh_from_db()
    assert not person.memberships.exists()
    assert not person.is_staff
