"""Home: what needs the user. An officer's actions grouped by what to do next; a manager's
overview of their authorities (workspace/overview.py); a committee member's papers; a partner's
organisation's actions."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from authorities.access import (
    authorities_for,
    is_staff_of,
    managed_by,
    partner_of,
    partner_organisation_ids,
    roles_of,
    scoped,
)
from authorities.models import Organisation
from core.access import guarded, signed_in
from improvement import rules
from improvement.models import Action, ImprovementPlan
from improvement.state import action_states
from reports.models import CommitteeReport
from reports.permissions import readable_reports
from workspace.overview import SHOWN, manager_overview, ofsted_clocks, plans_of

GROUPS = [
    ("overdue", "Overdue"),
    ("update_due", "Update due"),
    ("due_soon", "Due in the next 30 days"),
    ("rest", "Other actions"),
]


def home_page(request):
    """What home shows, gathered; bench/views.py serves the same as JSON."""
    user = request.user
    context = {
        "plans": scoped(ImprovementPlan.objects.select_related("authority"), user),
        "plan_clocks": unmanaged_plan_clocks(user),
        "authorities": authorities_for(user).order_by("name"),
        "overview": manager_overview(user),
        "shown": SHOWN,
    }
    if reads_papers_only(user):
        return {**context, "papers_only": True, "papers": final_papers(user)}
    groups = rules.group_my_actions(action_states(my_actions(user)))
    return {
        **context,
        "groups": [(key, label, groups[key]) for key, label in GROUPS],
        "has_actions": any(groups.values()),
        "organisations": Organisation.objects.filter(pk__in=partner_organisation_ids(user)),
        "partner_only": not any(is_staff_of(user, pk) for pk in roles_of(user)),
    }


def unmanaged_plan_clocks(user):
    """Ofsted's dates still to come for the plans of the authorities where the user is not a
    manager: a manager's own are in their overview."""
    authorities = set(roles_of(user)) - set(managed_by(user))
    return ofsted_clocks(plans_of(authorities), timezone.localdate()) if authorities else []


def reads_papers_only(user):
    """A committee member (and nothing more anywhere) leads no action and gets no reminder: their
    home leads to the committee's papers."""
    return not any(
        is_staff_of(user, authority_id) or authority_id in partner_of(user)
        for authority_id in roles_of(user)
    )


def my_actions(user):
    """The actions the user leads, and those their partner organisations are partners on."""
    mine = Q(lead_officer=user)
    organisations = partner_organisation_ids(user)
    if organisations:
        links = Action.partner_organisations.through.objects.filter(
            organisation_id__in=organisations
        )
        mine |= Q(pk__in=links.values("action_id"))
    return (
        scoped(Action.objects.all(), user, "plan__authority")
        .filter(mine)
        .select_related("plan", "theme")
    )


def final_papers(user):
    """The finalised reports the user may read, newest meeting first."""
    reports = readable_reports(CommitteeReport.objects.with_context(), user)
    return scoped(reports, user, "plan__authority").filter(status=CommitteeReport.Status.FINAL)


@login_required
@guarded(signed_in)
def home(request):
    return render(request, "workspace/home.html", home_page(request))
