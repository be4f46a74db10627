"""Who may change a plan, its actions and their progress: the improvement app's named rules.

Each takes the user and the row it is about, already reached through a scoped queryset (a row of
another authority is a 404 before any rule is asked). Views declare them with core.access.guarded;
templates ask them with {% may "improvement.<rule>" row %}.

A partner reads the authority's plans and actions (scoped), adds progress updates to the actions
their organisation is a partner on (is_partner_on) and opens those actions' evidence; every other
rule here refuses them, as it refuses committee members.
"""

from authorities.access import (
    is_partner,
    managed_by,
    manages,
    partner_of,
    partner_organisation_id,
    role_in,
    roles_of,
)
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
    """Its lead officer, a partner of an organisation that is a partner on it, or a manager or
    an admin of its authority: a progress update."""
    role = role_in(user, action.plan.authority_id)
    if role == Membership.Role.OFFICER:
        return action.lead_officer_id == user.pk
    if role == Membership.Role.PARTNER:
        return is_partner_on(user, action)
    return manages(user, action.plan.authority_id)


def is_partner_on(user, action):
    """Whether the user is a partner of the action's authority for an organisation that is one
    of the action's partner organisations (read from a prefetch of them where there is one)."""
    organisation_id = partner_organisation_id(user, action.plan.authority_id)
    if organisation_id is None:
        return False
    return organisation_id in {o.pk for o in action.partner_organisations.all()}


def may_see_evidence(user, action):
    """The evidence files and links of an action's updates: every member of its authority but a
    partner whose organisation is not a partner on it."""
    if is_partner(user, action.plan.authority_id):
        return is_partner_on(user, action)
    return role_in(user, action.plan.authority_id) is not None


def may_set_reminders(user):
    """Anyone with a role that gets reminders or digests somewhere: not a person who is only a
    partner (a partner leads no action and gets no email)."""
    return bool(set(roles_of(user)) - set(partner_of(user)))


def may_retract_update(user, update):
    """The update's author while still of the authority, or a manager or an admin of it."""
    authority_id = update.action.plan.authority_id
    if manages(user, authority_id):
        return True
    return role_in(user, authority_id) is not None and update.author_id == user.pk
