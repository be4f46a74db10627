"""Home: what needs the user. An officer's actions grouped by what to do next; a manager's
overview of their authorities (workspace/overview.py); a committee member's papers; a partner's
organisation's actions."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from authorities.access import (
    is_staff_of,
    managed_by,
    member_authorities,
    partner_of,
    partner_organisation_ids,
    roles_of,
)
from authorities.models import Organisation
from core.access import guarded, signed_in
from core.prepared import prepared
from improvement import rules
from improvement.models import Action, ImprovementPlan
from improvement.state import action_states, with_standing_on
from reports.models import CommitteeReport
from workspace.overview import SHOWN, manager_overview, ofsted_clocks

# What home reads of the actions a user leads: their state as at today, and what its rows show.
MINE_SHOWN = (
    "plan_id",
    "reference",
    "title",
    "due_on",
    "status",
    "rag",
    "plan__title",
    "plan__update_cycle_weeks",
)

GROUPS = [
    ("overdue", "Overdue"),
    ("update_due", "Update due"),
    ("due_soon", "Due in the next 30 days"),
    ("rest", "Other actions"),
]


def home_page(request):
    """What home shows, gathered; bench/views.py serves the same as JSON."""
    user = request.user
    plans = _plans(list(roles_of(user)))
    context = {
        "plans": plans,
        "plan_clocks": unmanaged_plan_clocks(user, plans),
        "authorities": member_authorities(user),
        "overview": manager_overview(user),
        "shown": SHOWN,
    }
    if reads_papers_only(user):
        return {**context, "papers_only": True, "papers": final_papers(user)}
    # Whether an update is due, not the update: the day of each one is read with the actions.
    today = timezone.localdate()
    mine = _my_actions(user.pk, list(roles_of(user)), today, partner_organisation_ids(user))
    groups = rules.group_my_actions(action_states(mine, today, updates=False))
    return {
        **context,
        "groups": [(key, label, groups[key]) for key, label in GROUPS],
        "has_actions": any(groups.values()),
        "organisations": Organisation.objects.filter(pk__in=partner_organisation_ids(user)),
        "partner_only": not any(is_staff_of(user, pk) for pk in roles_of(user)),
    }


def unmanaged_plan_clocks(user, plans):
    """Ofsted's dates still to come for the user's plans of the authorities where the user is not
    a manager: a manager's own are in their overview."""
    managed = set(managed_by(user))
    unmanaged = [plan for plan in plans if plan.authority_id not in managed]
    return ofsted_clocks(unmanaged, timezone.localdate()) if unmanaged else []


def reads_papers_only(user):
    """A committee member (and nothing more anywhere) leads no action and gets no reminder: their
    home leads to the committee's papers."""
    return not any(
        is_staff_of(user, authority_id) or authority_id in partner_of(user)
        for authority_id in roles_of(user)
    )


@prepared
def _plans(authority_ids):
    return ImprovementPlan.objects.filter(authority_id__in=authority_ids).select_related(
        "authority"
    )


@prepared
def _my_actions(user_id, authority_ids, today, organisation_ids):
    """The actions the user leads, and those their partner organisations are partners on, each
    with the day of its standing update (compiled once)."""
    mine = Q(lead_officer_id=user_id)
    if organisation_ids:
        links = Action.partner_organisations.through.objects.filter(
            organisation_id__in=organisation_ids
        )
        mine |= Q(pk__in=links.values("action_id"))
    actions = Action.objects.filter(mine, plan__authority_id__in=authority_ids)
    return with_standing_on(actions.select_related("plan").only(*MINE_SHOWN), today)


def final_papers(user):
    """The finalised reports the user may read, newest meeting first, each with its committee:
    every user of an authority reads its final papers (reports.permissions.readable_reports
    hides only drafts and reports waiting for clearance)."""
    return _final_papers(list(roles_of(user)))


@prepared
def _final_papers(authority_ids):
    reports = CommitteeReport.objects.select_related("committee")
    return reports.filter(plan__authority_id__in=authority_ids, status=CommitteeReport.Status.FINAL)


@login_required
@guarded(signed_in)
def home(request):
    return render(request, "workspace/home.html", home_page(request))
