"""Who may change a plan, its actions and their progress: the improvement app's named rules.

Each takes the user and the row it is about, already reached through a scoped queryset (a row of
another authority is a 404 before any rule is asked). Views declare them with core.access.guarded;
templates ask them with {% may "improvement.<rule>" row %}.
"""

from authorities.access import managed_by, manages, role_in
from authorities.models import Membership


def may_start_plan(user, authority=None):
    """Managers and admins of the authority (with none named, of any authority)."""
    if authority is None:
        return bool(managed_by(user))
    return manages(user, authority.pk)


def may_edit_plan(user, plan):
    """Managers and admins of the plan's authority: its scope, themes, actions, milestones,
    order and the workbook import."""
    return manages(user, plan.authority_id)


def may_edit_action(user, action):
    """Managers and admins of the action's authority: its title, lead, status and links."""
    return manages(user, action.plan.authority_id)


def may_change_due_date(user, action):
    """Managers and admins of the action's authority, giving the reason."""
    return manages(user, action.plan.authority_id)


def may_edit_many_actions(user, actions=()):
    """Managers and admins: the actions list's bulk update, of actions each of an authority they
    manage (with none ticked yet, of any authority)."""
    if not actions:
        return bool(managed_by(user))
    return all(may_edit_action(user, action) for action in actions)


def may_update_action(user, action):
    """Its lead officer, or a manager or an admin of its authority: a progress update."""
    role = role_in(user, action.plan.authority_id)
    if role == Membership.Role.OFFICER:
        return action.lead_officer_id == user.pk
    return manages(user, action.plan.authority_id)


def may_retract_update(user, update):
    """The update's author while still of the authority, or a manager or an admin of it."""
    authority_id = update.action.plan.authority_id
    if manages(user, authority_id):
        return True
    return role_in(user, authority_id) is not None and update.author_id == user.pk
