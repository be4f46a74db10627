"""Roles taken from the groups of the council's directory at each sign-in with a council account.

An authority's admin keeps the mappings (GroupRoleMapping: group -> role in their authority). At
each sign-in the person's memberships given by groups follow the groups they are in now: one
created for a newly mapped group, its role changed when the groups say another, deleted when no
group of theirs is mapped in that authority any more. Memberships given by hand (an admin's,
`from_group` false) are the admin's decision and left as they are.
"""

from django.db import transaction

from authorities.models import GroupRoleMapping, Membership

Role = Membership.Role
# When two of a person's groups give roles in one authority, the wider role is taken.
WIDTH = [Role.COMMITTEE_MEMBER, Role.OFFICER, Role.MANAGER, Role.ADMIN]


def roles_from_groups(groups):
    """{authority id: role} the groups give: in each authority, the widest role mapped."""
    roles = {}
    for authority_id, role in GroupRoleMapping.objects.filter(group__in=groups).values_list(
        "authority_id", "role"
    ):
        if authority_id not in roles or WIDTH.index(role) > WIDTH.index(roles[authority_id]):
            roles[authority_id] = role
    return roles


@transaction.atomic
def sync_group_roles(user, groups):
    """Bring the user's memberships given by groups in line with their groups now; returns the
    number of memberships created, changed and deleted."""
    wanted = roles_from_groups(groups)
    changes = 0
    for membership in Membership.objects.select_for_update().filter(user=user):
        role = wanted.pop(membership.authority_id, None)
        if not membership.from_group or membership.role == role:
            continue
        if role is None:
            membership.delete()
        else:
            membership.role = role
            membership.save(update_fields=["role"])
        changes += 1
    for authority_id, role in wanted.items():
        Membership.objects.create(user=user, authority_id=authority_id, role=role, from_group=True)
    return changes + len(wanted)
