"""Who may see and change what: the one place querysets are scoped to a user's authorities.

Every view reaches its objects through these helpers, so an object of another authority
answers 404 and a role that may not act answers 403.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from authorities.models import LocalAuthority, Membership

Role = Membership.Role

# What each role may do, beyond reading everything of its authority.
EDITORS = {Role.MANAGER, Role.ADMIN}
UPDATERS = {Role.OFFICER, Role.MANAGER, Role.ADMIN}


def authorities_for(user):
    """The authorities a user belongs to (none for the anonymous)."""
    if not user.is_authenticated:
        return LocalAuthority.objects.none()
    return LocalAuthority.objects.filter(memberships__user=user)


def roles_of(user):
    """{authority id: role} of the user's memberships, read once and kept on the user for the
    request (the request's user is loaded afresh for each request)."""
    roles = getattr(user, "_roles_by_authority", None)
    if roles is None:
        roles = {}
        if user.is_authenticated:
            roles = dict(Membership.objects.filter(user=user).values_list("authority_id", "role"))
        user._roles_by_authority = roles
    return roles


def role_in(user, authority_id):
    """The user's role in an authority, or None."""
    return roles_of(user).get(authority_id)


def scoped(queryset, user, authority_field="authority"):
    """Narrow any queryset to rows of the user's authorities. The authorities' ids are written
    into the query rather than joined to the memberships in each: every page's queries stay
    simple for the planner, and cost one small query per request."""
    return queryset.filter(**{f"{authority_field}__in": list(roles_of(user))})


def get_scoped_or_404(queryset, user, authority_field="authority", **lookup):
    return get_object_or_404(scoped(queryset, user, authority_field), **lookup)


def may(user, authority_id, allowed):
    """Whether the user's role in the authority is one of `allowed` (EDITORS, UPDATERS).

    Views refuse with require_role and templates hide links with the `may_edit` and
    `may_update` filters, both through this one rule.
    """
    return role_in(user, authority_id) in allowed


def may_somewhere(user, allowed):
    """Whether the user has one of the `allowed` roles in any authority (to start a report)."""
    if not user.is_authenticated:
        return False
    return any(role in allowed for role in roles_of(user).values())


def require_role(user, authority_id, allowed):
    """403 unless the user's role in the authority is one of `allowed`."""
    if not may(user, authority_id, allowed):
        raise PermissionDenied("Your role does not allow this.")


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


def manages_account(admin, person):
    """Whether an admin may change a person's account (password, username, email, names, every
    membership): a platform superuser may; an authority admin only if each of the person's
    memberships is in an authority they administer. A person who also belongs to another
    authority, and a superuser, keep their account as it is."""
    if admin.is_superuser:
        return True
    if person.is_superuser:
        return False
    return not person.memberships.exclude(authority__in=administered_by(admin)).exists()
