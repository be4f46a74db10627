"""Home: an officer's actions grouped by what to do next, their plans and their authorities."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from authorities.access import authorities_for, scoped
from core.access import guarded, signed_in
from improvement import rules
from improvement.models import Action, ImprovementPlan
from improvement.state import action_states

GROUPS = [
    ("overdue", "Overdue"),
    ("update_due", "Update due"),
    ("due_soon", "Due in the next 30 days"),
    ("rest", "Other actions"),
]


def home_page(request):
    """What home shows, gathered; bench/views.py serves the same as JSON."""
    my_actions = (
        scoped(Action.objects.all(), request.user, "plan__authority")
        .filter(lead_officer=request.user)
        .select_related("plan", "theme")
    )
    groups = rules.group_my_actions(action_states(my_actions))
    return {
        "groups": [(key, label, groups[key]) for key, label in GROUPS],
        "has_actions": any(groups.values()),
        "plans": scoped(ImprovementPlan.objects.select_related("authority"), request.user),
        "authorities": authorities_for(request.user).order_by("name"),
    }


@login_required
@guarded(signed_in)
def home(request):
    return render(request, "workspace/home.html", home_page(request))
