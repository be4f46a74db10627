"""Access cases for the officers' workspace: home, login, plans, actions, inspections."""

import datetime

from tests.access import EDITORS, EVERYONE, UPDATERS, Case, date_data


def action_pk(w):
    return {"pk": w.a.action.pk}


def update_data(w):
    return {"rag": "amber", "narrative": "Recruitment is under way."}


def edit_data(w):
    action = w.a.action
    return {
        "version": action.version,
        "title": action.title,
        "reference": action.reference,
        "status": action.status,
        "partners": "",
        "description": "",
        "success_measure": "",
    }


def due_date_data(w):
    return {
        **date_data("new_due_on", datetime.date(2030, 1, 31)),
        "reason": "Staffing.",
        "seen_due_on": w.a.action.due_on.isoformat(),
    }


CASES = [
    Case("login", public=True, post=frozenset(), scoped=False),
    Case("logout", get=None, post=EVERYONE, scoped=False),
    Case("home", scoped=False),
    Case("improvement:plan", kwargs=lambda w: {"pk": w.a.plan.pk}),
    Case("improvement:actions", scoped=False),
    Case("improvement:actions_csv", scoped=False),
    Case("improvement:actions_xlsx", scoped=False),
    Case("improvement:action", kwargs=action_pk),
    Case(
        "improvement:add_update",
        kwargs=action_pk,
        get=UPDATERS,
        post=UPDATERS,
        post_data=update_data,
    ),
    Case(
        "improvement:edit_action", kwargs=action_pk, get=EDITORS, post=EDITORS, post_data=edit_data
    ),
    Case(
        "improvement:change_due_date",
        kwargs=action_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=due_date_data,
    ),
    Case("improvement:evidence", kwargs=lambda w: {"pk": w.a.evidence.pk}),
    # The update's author (side A's officer wrote it) or a manager; committee members may not.
    Case(
        "improvement:retract_update",
        kwargs=lambda w: {"pk": w.a.update.pk},
        get=UPDATERS,
        post=UPDATERS,
        post_data=lambda w: {"reason": "Reported against the wrong action."},
    ),
    Case("inspections:inspection", kwargs=lambda w: {"pk": w.a.inspection.pk}),
]
