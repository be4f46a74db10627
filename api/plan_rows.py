"""The rows of plans, themes, actions and what hangs off them, as the API lists them.

Each `*_source` is the scoped queryset a list pages through (api/sources.py), and each `*_rows`
turns one page into rows in a fixed number of queries. An action's state as at a date comes from
the read model, improvement.state.action_states, and nowhere else.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils import timezone

from api.sources import narrowed
from authorities.access import roles_of
from authorities.models import LocalAuthority
from core.people import person_name
from core.prepared import prepared
from improvement import clocks
from improvement.models import (
    Action,
    DueDateChange,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    Theme,
)
from improvement.state import action_states, with_standing_update


def authority_rows(user, authorities: list[LocalAuthority]) -> list[dict]:
    roles = roles_of(user)
    return [
        {
            "id": a.pk,
            "name": a.name,
            "ons_code": a.ons_code,
            "dfe_code": a.dfe_code,
            "region_code": a.region.code,
            "region_name": a.region.name,
            "role": roles[a.pk],
        }
        for a in authorities
    ]


def plan_source(user, authority=None):
    plans = ImprovementPlan.objects.order_by("pk")
    return narrowed(plans, user, "authority", authority=authority)


def plan_rows(plans) -> list[dict]:
    # Ofsted's deadlines of the page's plans in one query (improvement.clocks), not one a plan.
    plans = list(plans)
    deadlines = clocks.clocks_of_plans(plans, timezone.localdate())
    return [
        {
            "id": p.pk,
            "authority_id": p.authority_id,
            "title": p.title,
            "summary": p.summary,
            "owner_id": p.owner_id,
            "approved_by_id": p.approved_by_id,
            "approved_on": p.approved_on,
            "starts_on": p.starts_on,
            "ends_on": p.ends_on,
            "ofsted_due_on": clocks.plan_due_on(deadlines[p.pk]),
            "update_cycle_weeks": p.update_cycle_weeks,
        }
        for p in plans
    ]


def theme_source(user, authority=None, plan=None):
    themes = Theme.objects.order_by("plan_id", "position", "number", "pk")
    return narrowed(themes, user, "plan__authority", plan__authority=authority, plan=plan)


def theme_rows(themes) -> list[dict]:
    fields = ("id", "plan_id", "number", "title", "description", "position")
    return [{field: getattr(t, field) for field in fields} for t in themes]


def action_source(user, authority=None, plan=None, as_of: date | None = None):
    # The plan's authority and update cycle (action_states reads it) from the join that scopes
    # the rows; the lead officers are read apart (action_rows).
    actions = Action.objects.annotate(
        authority_id=F("plan__authority_id"),
        plan_update_cycle_weeks=F("plan__update_cycle_weeks"),
    ).order_by("plan_id", "theme__position", "theme__number", "position", "reference", "pk")
    if _today(as_of):
        # As at today a row names its standing update, not its words: read in the same query.
        actions = with_standing_update(actions)
    return narrowed(actions, user, "plan__authority", plan__authority=authority, plan=plan)


def _today(as_of):
    return as_of is None or as_of >= timezone.localdate()


def action_rows(actions, as_of: date | None = None) -> list[dict]:
    actions = list(actions)
    _keep_lead_officers(actions)
    if _today(as_of) and all(hasattr(action, "standing_id") for action in actions):
        states = action_states(actions, as_of, updates=False)
        return [
            _action_row(state, state.action.standing_id, state.action.standing_on)
            for state in states
        ]
    return [
        _action_row(state, *((state.update.pk, state.update.reported_on) if state.update else ()))
        for state in action_states(actions, as_of)
    ]


def _keep_lead_officers(actions):
    """Each action's lead officer, whose name a row gives (Action.lead), read once each (a page's
    actions share a few officers) by a query compiled once: as prefetch_related would keep them,
    at a third of its cost."""
    ids = sorted({action.lead_officer_id for action in actions if action.lead_officer_id})
    officers = {officer.pk: officer for officer in _officers(ids)} if ids else {}
    for action in actions:
        Action.lead_officer.field.set_cached_value(action, officers.get(action.lead_officer_id))


@prepared
def _officers(ids):
    return get_user_model().objects.filter(pk__in=ids).only("first_name", "last_name", "username")


def _action_row(state, update_id=None, update_reported_on=None):
    action = state.action
    return {
        "id": action.pk,
        "plan_id": action.plan_id,
        "authority_id": action.authority_id,
        "theme_id": action.theme_id,
        "reference": action.reference,
        "title": action.title,
        "description": action.description,
        "lead": state.lead,
        "lead_officer_id": action.lead_officer_id,
        "partners": action.partners,
        "success_measure": action.success_measure,
        "starts_on": action.starts_on,
        "due_on": state.due_on,
        "original_due_on": action.original_due_on,
        "status": state.status,
        "status_words": state.status_words,
        "rag": state.rag,
        "rag_words": state.rag_words,
        "overdue": state.overdue,
        "due_soon": state.due_soon,
        "update_due": state.update_due,
        "update_id": update_id,
        "update_reported_on": update_reported_on,
        "as_of": state.as_at,
    }


def link_source(user, authority=None, plan=None):
    links = Action.recommendations.through.objects.order_by("action_id", "recommendation_id")
    path = "action__plan__authority"
    return narrowed(links, user, path, action__plan__authority=authority, action__plan=plan)


def link_rows(links) -> list[dict]:
    return list(links.values("action_id", "recommendation_id"))


def _under_actions(queryset, user, authority, plan, action):
    """Rows of actions (updates, milestones, due-date changes), with their action's plan."""
    return narrowed(
        queryset.annotate(plan_id=F("action__plan_id")),
        user,
        "action__plan__authority",
        action__plan__authority=authority,
        action__plan=plan,
        action=action,
    )


def update_source(user, authority=None, plan=None, action=None, since=None):
    updates = ProgressUpdate.objects.prefetch_related("author").order_by("action_id", "-pk")
    if since is not None:
        updates = updates.filter(reported_on__gte=since)
    return _under_actions(updates, user, authority, plan, action)


def update_rows(updates) -> list[dict]:
    return [
        {
            "id": u.pk,
            "action_id": u.action_id,
            "plan_id": u.plan_id,
            "reported_on": u.reported_on,
            "rag": u.rag,
            "rag_words": u.rag_words,
            "narrative": u.narrative,
            "author_id": u.author_id,
            "signed": u.signature,
            "created_at": u.created_at,
            "retracted": u.is_retracted,
            "retracted_at": u.retracted_at,
            "retraction_reason": u.retraction_reason,
        }
        for u in updates
    ]


def milestone_source(user, authority=None, plan=None, action=None):
    milestones = Milestone.objects.order_by("action_id", "due_on", "pk")
    return _under_actions(milestones, user, authority, plan, action)


def milestone_rows(milestones) -> list[dict]:
    today = timezone.localdate()
    fields = ("id", "action_id", "plan_id", "title", "due_on", "completed_on")
    return [
        {**{field: getattr(m, field) for field in fields}, "missed": m.missed_on(today)}
        for m in milestones
    ]


def due_date_change_source(user, authority=None, plan=None, action=None):
    changes = DueDateChange.objects.prefetch_related("changed_by").order_by("action_id", "pk")
    return _under_actions(changes, user, authority, plan, action)


def due_date_change_rows(changes) -> list[dict]:
    fields = ("id", "action_id", "plan_id", "old_due_on", "new_due_on", "reason")
    return [
        {
            **{field: getattr(c, field) for field in fields},
            "changed_by_id": c.changed_by_id,
            "changed_by": person_name(c.changed_by) if c.changed_by_id else "",
            "changed_at": c.changed_at,
        }
        for c in changes
    ]
