"""A manager's overview: what needs them across the plans of the authorities they manage.

Actions are read through the one read model (improvement.state.action_states), never a second
query of their state; the rest is one query each, so the number of queries stays the same however
many actions, milestones, reports and uploads there are.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from authorities.access import managed_by
from core.prepared import prepared
from improvement.clocks import Clock, clocks_of_plans, still_open
from improvement.models import Action, ImprovementPlan, Milestone, Rag, ReadStatus, WorkbookUpload
from improvement.state import COMPLETE, ActionState, action_states, with_standing_on
from reports.models import CommitteeReport

SHOWN = 10  # rows shown of each list; the rest are counted and linked
# What the overview reads of an action: its state as at today, and what its rows show.
SHOWN_OF_ACTIONS = (
    "plan_id",
    "reference",
    "title",
    "lead_officer_id",
    "lead_name",
    "due_on",
    "status",
    "rag",
    "plan__title",
    "plan__update_cycle_weeks",
    "lead_officer__first_name",
    "lead_officer__last_name",
    "lead_officer__username",
)


@dataclass(frozen=True)
class Deadline:
    """A plan's next date to meet: an action's or a milestone's due date."""

    plan: ImprovementPlan
    due_on: date
    what: str
    action: Action


@dataclass(frozen=True)
class PlanClock:
    """One of Ofsted's dates for a plan (improvement/clocks.py)."""

    plan: ImprovementPlan
    clock: Clock


@dataclass
class Overview:
    overdue_or_red: list[ActionState] = field(default_factory=list)
    update_missing: list[ActionState] = field(default_factory=list)
    missed_milestones: list[Milestone] = field(default_factory=list)
    awaiting_clearance: list[CommitteeReport] = field(default_factory=list)
    imports_waiting: list[WorkbookUpload] = field(default_factory=list)
    next_deadlines: list[Deadline] = field(default_factory=list)
    ofsted_clocks: list[PlanClock] = field(default_factory=list)

    @property
    def needs_nothing(self):
        return not any(
            (
                self.overdue_or_red,
                self.update_missing,
                self.missed_milestones,
                self.awaiting_clearance,
                self.imports_waiting,
            )
        )


def manager_overview(user) -> Overview | None:
    """What needs the user in the authorities they manage; None where they manage none."""
    authorities = managed_by(user)
    if not authorities:
        return None
    today = timezone.localdate()
    # Whether an update is due, not the update: the day of each one is read with the actions.
    states = action_states(_actions(authorities, today), today, updates=False)
    milestones = _milestones(authorities)
    return Overview(
        overdue_or_red=[s for s in states if s.overdue or s.rag == Rag.RED],
        update_missing=[s for s in states if s.update_due],
        missed_milestones=[m for m in milestones if m.missed_on(today)],
        awaiting_clearance=_awaiting_clearance(authorities),
        imports_waiting=_imports_waiting(authorities),
        next_deadlines=next_deadlines(states, milestones, today),
        ofsted_clocks=ofsted_clocks(plans_of(authorities), today),
    )


def plans_of(authority_ids):
    """The authorities' plans (for their clocks)."""
    return list(ImprovementPlan.objects.filter(authority_id__in=authority_ids))


def ofsted_clocks(plans, today) -> list[PlanClock]:
    """Ofsted's dates still to come for the plans, soonest first, and the next monitoring visit."""
    by_plan = clocks_of_plans(plans, today)
    return sorted(
        (PlanClock(plan, clock) for plan in plans for clock in still_open(by_plan[plan.pk])),
        key=lambda item: (item.clock.due_on, item.plan.title),
    )


# The overview's queries, each compiled once per process (core.prepared).


@prepared
def _actions(authority_ids, today):
    actions = Action.objects.filter(plan__authority_id__in=authority_ids)
    shown = actions.select_related("plan", "lead_officer").only(*SHOWN_OF_ACTIONS)
    return with_standing_on(shown.order_by("plan_id", "due_on", "reference"), today)


@prepared
def _milestones(authority_ids):
    return Milestone.objects.filter(
        action__plan__authority_id__in=authority_ids,
        completed_on__isnull=True,
        due_on__isnull=False,
    ).select_related("action__plan")


@prepared
def _awaiting_clearance(authority_ids):
    return CommitteeReport.objects.with_context().filter(
        plan__authority_id__in=authority_ids, status=CommitteeReport.Status.SUBMITTED
    )


@prepared
def _imports_waiting(authority_ids):
    return (
        WorkbookUpload.objects.filter(
            plan__authority_id__in=authority_ids, read_status=ReadStatus.READ, status=""
        )
        .select_related("plan", "uploaded_by")
        .defer("content", "tables")
    )


def next_deadlines(states, milestones, today) -> list[Deadline]:
    """Each plan's earliest date still to come: an action not complete, or a milestone not met."""
    candidates = [
        Deadline(s.action.plan, s.due_on, f"{s.action.reference} {s.action.title}", s.action)
        for s in states
        if s.due_on and s.due_on >= today and s.status != COMPLETE
    ] + [
        Deadline(m.action.plan, m.due_on, f"Milestone: {m.title}", m.action)
        for m in milestones
        if m.due_on >= today
    ]
    first = {}
    for deadline in sorted(candidates, key=lambda d: d.due_on):
        first.setdefault(deadline.plan.pk, deadline)
    return sorted(first.values(), key=lambda d: (d.due_on, d.plan.title))
