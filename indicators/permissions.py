"""Who may record figures, set targets and choose what measures a plan: the indicators app's
named rules."""

from authorities.access import administered_by, is_staff_of, manages


def may_record_figure(user, authority):
    """Officers, managers and admins of the authority: its own figure for an indicator."""
    return is_staff_of(user, authority.pk)


def may_set_target(user, authority):
    """Managers and admins of the authority: its target for an indicator."""
    return manages(user, authority.pk)


def may_tie_indicators(user, plan):
    """Managers and admins of the plan's authority: which indicators measure its themes and
    actions."""
    return manages(user, plan.authority_id)


def may_upload_figures(user):
    """A platform superuser, or an admin of some authority: published figures in the admin."""
    return user.is_superuser or administered_by(user).exists()
