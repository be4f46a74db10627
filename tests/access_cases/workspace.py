"""Access cases for the officers' workspace: home, login, plans, actions, inspections.

A partner reads the authority's plans, actions and inspections, and adds progress updates to (and
opens the evidence of) action X, which their organisation is a partner on; on action Y, which it
is not on, both answer them 403 (partner_off).
"""

import datetime

from tests.access import EDITORS, EVERYONE, UPDATERS, Case, Role, date_data, off_partners

# Action X's partner adds its progress updates too.
X_UPDATERS = UPDATERS | {Role.PARTNER}


def action_pk(w):
    return {"pk": w.a.action.pk}


def action_y(w):
    return {"pk": off_partners(w).pk}


def evidence_y(w):
    return {"pk": off_partners(w).updates.get().evidence.get().pk}


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
        "partner_organisations": [w.a.organisation.pk],
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
        get=X_UPDATERS,
        post=X_UPDATERS,
        post_data=update_data,
        partner_off=action_y,
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
    Case("improvement:evidence", kwargs=lambda w: {"pk": w.a.evidence.pk}, partner_off=evidence_y),
    # The update's author (side A's officer wrote it) or a manager; committee members and
    # partners may not.
    Case(
        "improvement:retract_update",
        kwargs=lambda w: {"pk": w.a.update.pk},
        get=UPDATERS,
        post=UPDATERS,
        post_data=lambda w: {"reason": "Reported against the wrong action."},
    ),
    Case("inspections:inspection", kwargs=lambda w: {"pk": w.a.inspection.pk}),
]
