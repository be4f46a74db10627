"""Who may lead an action: the council's officers and managers. A committee member scrutinises the
plan and an admin keeps the service; neither is offered as a lead."""

from django.contrib.auth import get_user_model

from authorities.models import Membership

LEAD_ROLES = (Membership.Role.OFFICER, Membership.Role.MANAGER)


def possible_leads(authority_ids):
    """The people who may lead an action of these authorities, by name."""
    return (
        get_user_model()
        .objects.filter(
            memberships__authority_id__in=authority_ids, memberships__role__in=LEAD_ROLES
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def may_lead(user, authority_id):
    return possible_leads([authority_id]).filter(pk=user.pk).exists()
