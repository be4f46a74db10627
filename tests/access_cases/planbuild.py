"""Access cases for building a plan in the workspace and the bulk update of actions."""

import datetime

from improvement.models import Milestone
from tests.access import EDITORS, Case


def plan_pk(w):
    return {"pk": w.a.plan.pk}


def theme_pk(w):
    return {"pk": w.a.theme.pk}


def action_pk(w):
    return {"pk": w.a.action.pk}


def milestone_pk(w):
    """A milestone of A's action."""
    milestone = Milestone.objects.create(
        action=w.a.action, title="Audit reported to the board", due_on=datetime.date(2025, 1, 31)
    )
    return {"pk": milestone.pk}


def plan_data(w):
    return {"authority": w.a.authority.pk, "title": "Care leavers plan", "update_cycle_weeks": 4}


def scope_data(w):
    return {"inspections": [w.a.inspection.pk], "recommendations": [w.a.recommendation.pk]}


def action_data(w):
    return {"reference": "9.1", "title": "Audit every pathway plan."}


def link_data(w):
    rec = w.a.recommendation.pk
    return {"version": w.a.action.version, "shown": [rec], "recommendations": [rec]}


def bulk_data(w):
    action = w.a.action
    return {
        "action": [action.pk],
        f"version-{action.pk}": action.version,
        "bulk-status": "complete",
    }


def move(w):
    return {"direction": "down"}


CASES = [
    Case("improvement:plan_create", get=EDITORS, post=EDITORS, post_data=plan_data, scoped=False),
    Case("improvement:plan_build", kwargs=plan_pk, get=EDITORS),
    Case(
        "improvement:plan_edit",
        kwargs=plan_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=lambda w: {"title": "Renamed plan", "update_cycle_weeks": 6},
    ),
    Case("improvement:plan_scope", kwargs=plan_pk, get=EDITORS, post=EDITORS, post_data=scope_data),
    Case(
        "improvement:theme_add",
        kwargs=plan_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=lambda w: {"title": "Care leavers"},
    ),
    Case(
        "improvement:theme_edit",
        kwargs=theme_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=lambda w: {"title": "Children in care"},
    ),
    Case("improvement:theme_move", kwargs=theme_pk, get=None, post=EDITORS, post_data=move),
    Case(
        "improvement:action_add",
        kwargs=plan_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=action_data,
    ),
    Case("improvement:action_move", kwargs=action_pk, get=None, post=EDITORS, post_data=move),
    Case(
        "improvement:action_recommendations",
        kwargs=action_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=link_data,
    ),
    Case(
        "improvement:milestone_add",
        kwargs=action_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=lambda w: {"title": "Audit reported to the board"},
    ),
    Case(
        "improvement:milestone_edit",
        kwargs=milestone_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=lambda w: {"title": "Audit reported to the board in March"},
    ),
    Case(
        "improvement:milestone_delete", kwargs=milestone_pk, get=EDITORS, post=EDITORS, fresh=True
    ),
    Case("improvement:bulk_update", get=None, post=EDITORS, post_data=bulk_data),
]
