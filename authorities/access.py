"""Who belongs where: a user's memberships read once per request, querysets scoped to the user's
authorities (404 to outsiders), the authorities they manage or administer.

The apps' named rules (each app's permissions.py) are written with these; nothing else reads a
role. core.access holds the mechanism that asks a rule and refuses (403).

Partners (people of a partner organisation: police, health, schools, youth justice) are members
of an authority too, so `scoped` shows them its plans; what they may not see or do is asked here,
in one place, by every app:
- `is_partner(user, authority_id)`, `partner_organisation_id(user, authority_id)`: their role and
  organisation (improvement.permissions.is_partner_on: whether it is a partner on an action);
- `partner_organisation_ids(user)`: every organisation the user works for, across authorities;
- `reads_internal(user, authority_id)` and `scoped_internal(queryset, user, field)`: the council's
  internal work (case-file audits, self-evaluation, evidence of impact) is read by every role but
  partner: a rule such as `may_see_audits` is `reads_internal`, a list is `scoped_internal`;
- reports.permissions.readable_reports: a partner reads only final committee papers.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from authorities.models import LocalAuthority, Membership
from core.prepared import prepared

Role = Membership.Role

# Beyond reading everything of their authority, managers and admins change plans, actions and
# reports; officers, managers and admins record progress and figures; committee members read.
MANAGERS = frozenset({Role.MANAGER, Role.ADMIN})
STAFF = frozenset({Role.OFFICER, Role.MANAGER, Role.ADMIN})
# The council's own people, who read everything of the authority; a partner reads its plans only.
INSIDERS = frozenset({*STAFF, Role.COMMITTEE_MEMBER})


def memberships_of(user):
    """The user's memberships with their authorities, by the authorities' names: read once and
    kept on the user for the request (the request's user is loaded afresh for each request).
    Every page's header names these authorities, and every rule asks these roles."""
    memberships = getattr(user, "_memberships", None)
    if memberships is None:
        memberships = _memberships(user.pk) if user.is_authenticated else []
        user._memberships = memberships
    return memberships


@prepared
def _memberships(user_id):
    found = Membership.objects.filter(user_id=user_id).select_related("authority")
    return found.order_by("authority__name")


def member_authorities(user):
    """The user's authorities, by name, from the one read of their memberships."""
    return [membership.authority for membership in memberships_of(user)]


def roles_of(user):
    """{authority id: role} of the user's memberships."""
    roles = getattr(user, "_roles_by_authority", None)
    if roles is None:
        roles = {membership.authority_id: membership.role for membership in memberships_of(user)}
        user._roles_by_authority = roles
    return roles


def role_in(user, authority_id):
    """The user's role in an authority, or None."""
    return roles_of(user).get(authority_id)


def manages(user, authority_id):
    """Whether the user is a manager or an admin of the authority."""
    return role_in(user, authority_id) in MANAGERS


def is_staff_of(user, authority_id):
    """Whether the user is an officer, a manager or an admin of the authority."""
    return role_in(user, authority_id) in STAFF


def managed_by(user):
    """The ids of the authorities where the user is a manager or an admin."""
    return [pk for pk, role in roles_of(user).items() if role in MANAGERS]


def committee_member_of(user):
    """The ids of the authorities where the user is a committee member."""
    return [pk for pk, role in roles_of(user).items() if role == Role.COMMITTEE_MEMBER]


def is_partner(user, authority_id):
    """Whether the user is a partner (of an organisation in the partnership) of the authority."""
    return role_in(user, authority_id) == Role.PARTNER


def partner_organisation_id(user, authority_id):
    """The id of the organisation the user is a partner for in the authority, or None."""
    return _organisations_of(user).get(authority_id)


def partner_organisation_ids(user):
    """The ids of every organisation the user is a partner for, in any authority."""
    return list(_organisations_of(user).values())


def _organisations_of(user):
    """{authority id: organisation id} of the user's partner memberships, from the one read."""
    return {m.authority_id: m.organisation_id for m in memberships_of(user) if m.organisation_id}


def partner_of(user):
    """The ids of the authorities where the user is a partner."""
    return [pk for pk, role in roles_of(user).items() if role == Role.PARTNER]


def reads_internal(user, authority_id):
    """Whether the user reads the authority's internal work (audits of case files, its
    self-evaluation, evidence of impact): its officers, managers, admins and committee members;
    never a partner, nor anyone of another authority."""
    return role_in(user, authority_id) in INSIDERS


def reads_internal_anywhere(user):
    """Whether the user reads some authority's internal work: for the menu's links to it."""
    return any(role in INSIDERS for role in roles_of(user).values())


def scoped(queryset, user, authority_field="authority"):
    """Narrow any queryset to rows of the user's authorities. The authorities' ids are written
    into the query rather than joined to the memberships in each: every page's queries stay
    simple for the planner, and cost one small query per request."""
    return queryset.filter(**{f"{authority_field}__in": list(roles_of(user))})


def scoped_internal(queryset, user, authority_field="authority"):
    """As `scoped`, for the authority's internal work: without the authorities where the user
    is a partner (reads_internal)."""
    insiders = [pk for pk, role in roles_of(user).items() if role in INSIDERS]
    return queryset.filter(**{f"{authority_field}__in": insiders})


def get_scoped_or_404(queryset, user, authority_field="authority", **lookup):
    """The row, if it is of one of the user's authorities; 404 otherwise, so an outsider does
    not learn it exists."""
    return get_object_or_404(scoped(queryset, user, authority_field), **lookup)


def first_or_404(rows):
    """The one row a scoped, prepared query found (core.prepared), or 404."""
    if not rows:
        raise Http404("No such row among the user's authorities'.")
    return rows[0]


def administered_by(user):
    """The authorities a user administers: every one for a platform superuser."""
    if user.is_superuser:
        return LocalAuthority.objects.all()
    if not user.is_authenticated:
        return LocalAuthority.objects.none()
    return LocalAuthority.objects.filter(memberships__user=user, memberships__role=Role.ADMIN)


def administered(queryset, user, authority_field="authority"):
    """Narrow a queryset to rows of the authorities the user administers (the Django admin)."""
    if user.is_superuser:
        return queryset
    return queryset.filter(**{f"{authority_field}__in": administered_by(user)})
