"""Ofsted's clocks: the dates a plan must meet because of the inspections it answers, and when
the next monitoring visit is expected. Computed from the inspections, never stored.

- After a full (standard, short) inspection, a re-inspection or a JTAI (whose plan is the
  partnership's), the written plan is due at Ofsted 70 working days after the report was
  published. An LSCB review, published with its SIF report, sets the same clock.
- After a focused visit that names priority actions: a draft plan within 20 working days and the
  plan within 70. A focused visit with none, and a monitoring visit, set no clock.
- An authority judged inadequate by its latest inspection (Inspection.judged_inadequate: the
  overall grade, or any judgement under a framework with no overall grade) gets monitoring
  visits: the first about four weeks after its plan is due, then about every three months, so the
  next is expected around three months after the latest monitoring visit recorded since.
Working days skip weekends and England's bank holidays (improvement/rules.py).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import F

from core.prepared import prepared
from improvement import rules
from inspections.models import Inspection

DRAFT_PLAN_WORKING_DAYS = 20
FIRST_MONITORING_VISIT_AFTER_PLAN = timedelta(weeks=4)
MONITORING_VISIT_EVERY_MONTHS = 3

DRAFT_PLAN = "draft_plan"
PLAN = "plan"
MONITORING_VISIT = "monitoring_visit"
WHAT = {
    DRAFT_PLAN: "Draft plan",
    PLAN: "Plan",
    MONITORING_VISIT: "Next monitoring visit",
}
# The kinds after which the written plan is due (a focused visit only with priority actions).
PLAN_AFTER = (*Inspection.JUDGING_THE_AUTHORITY, Inspection.Kind.JTAI, Inspection.Kind.LSCB_REVIEW)


@dataclass(frozen=True)
class Clock:
    """One date Ofsted expects something by, as seen on `today`."""

    kind: str
    due_on: date
    # The inspection that set it running: for a monitoring visit, the latest visit or else the
    # inspection that judged the authority inadequate.
    inspection: Inspection
    today: date

    @property
    def what(self) -> str:
        return WHAT[self.kind]

    @property
    def is_expectation(self) -> bool:
        """A monitoring visit's date is Ofsted's to choose: "expected around", not "due"."""
        return self.kind == MONITORING_VISIT

    @property
    def working_days(self) -> int:
        """Working days from today to the date: how many remain, or (negative) have passed."""
        return rules.working_days_between(self.today, self.due_on)

    @property
    def working_days_away(self) -> int:
        return abs(self.working_days)

    @property
    def is_today(self) -> bool:
        return self.due_on == self.today

    @property
    def has_passed(self) -> bool:
        return self.due_on < self.today


def inspection_clocks(inspection: Inspection, today: date) -> list[Clock]:
    """The deadlines one published inspection sets: a draft and a plan, a plan, or none."""
    published = inspection.published_on
    if not published:
        return []
    if inspection.kind == Inspection.Kind.FOCUSED_VISIT:
        if not inspection.names_priority_actions():
            return []
        draft_on = rules.add_working_days(published, DRAFT_PLAN_WORKING_DAYS)
        return [
            Clock(DRAFT_PLAN, draft_on, inspection, today),
            Clock(PLAN, rules.plan_due_at_ofsted(published), inspection, today),
        ]
    if inspection.kind in PLAN_AFTER:
        return [Clock(PLAN, rules.plan_due_at_ofsted(published), inspection, today)]
    return []


def judged_inadequate_by(inspections) -> Inspection | None:
    """The authority's latest published inspection of its services as a whole, if it judged
    them inadequate (so monitoring visits follow); None otherwise."""
    judging = [
        i for i in inspections if i.kind in Inspection.JUDGING_THE_AUTHORITY and i.published_on
    ]
    latest = max(judging, key=lambda i: (i.published_on, i.started_on), default=None)
    return latest if latest is not None and latest.judged_inadequate() else None


def monitoring_visits_since(inadequate: Inspection, inspections) -> list[Inspection]:
    return [
        i
        for i in inspections
        if i.kind == Inspection.Kind.MONITORING_VISIT and i.started_on > inadequate.ended_on
    ]


def next_monitoring_visit(inspections, today: date) -> Clock | None:
    """When the next monitoring visit is expected, from all of one authority's inspections."""
    inadequate = judged_inadequate_by(inspections)
    if inadequate is None:
        return None
    visits = monitoring_visits_since(inadequate, inspections)
    latest = max(visits, key=lambda i: i.started_on, default=None)
    if latest is not None:
        expected = rules.add_months(latest.started_on, MONITORING_VISIT_EVERY_MONTHS)
        return Clock(MONITORING_VISIT, expected, latest, today)
    plan_due = rules.plan_due_at_ofsted(inadequate.published_on)
    return Clock(MONITORING_VISIT, plan_due + FIRST_MONITORING_VISIT_AFTER_PLAN, inadequate, today)


def clocks_of(answered, authority_inspections, today: date) -> list[Clock]:
    """A plan's clocks, soonest first: the deadlines of the inspections it answers (`answered`),
    and the next monitoring visit where it answers the inspection that judged the authority
    inadequate or a monitoring visit since."""
    found = [clock for inspection in answered for clock in inspection_clocks(inspection, today)]
    monitoring = next_monitoring_visit(authority_inspections, today)
    if monitoring is not None:
        inadequate = judged_inadequate_by(authority_inspections)
        monitored = [inadequate, *monitoring_visits_since(inadequate, authority_inspections)]
        if {i.pk for i in monitored} & {i.pk for i in answered}:
            found.append(monitoring)
    return sorted(found, key=lambda clock: (clock.due_on, clock.kind))


def plan_clocks(plan, today: date) -> list[Clock]:
    """One plan's clocks (its page)."""
    return clocks_of_plans([plan], today)[plan.pk]


def clocks_of_plans(plans, today: date) -> dict[int, list[Clock]]:
    """Each plan's clocks by its id, for many plans at once (home): one query however many plans
    and inspections. Each of the authorities' inspections comes once for each plan answering it
    (its `answering_plan`), or once with none."""
    rows = _inspections_answered(sorted({plan.authority_id for plan in plans}))
    by_authority, answered, seen = {}, {}, set()
    for inspection in rows:
        answered.setdefault(inspection.answering_plan, set()).add(inspection.pk)
        if inspection.pk not in seen:
            seen.add(inspection.pk)
            by_authority.setdefault(inspection.authority_id, []).append(inspection)
    by_plan = {}
    for plan in plans:
        inspections = by_authority.get(plan.authority_id, [])
        mine = answered.get(plan.pk, set())
        by_plan[plan.pk] = clocks_of([i for i in inspections if i.pk in mine], inspections, today)
    return by_plan


@prepared
def _inspections_answered(authority_ids):
    """The authorities' inspections with what the clocks read, once for each plan answering
    each (compiled once: its subqueries cost more to compile than to run)."""
    inspections = Inspection.objects.with_clock_facts().filter(authority__in=authority_ids)
    return inspections.annotate(answering_plan=F("plans__id"))


def plan_due_on(clocks: list[Clock]) -> date | None:
    """When the plan is due at Ofsted: the latest plan deadline of the inspections it answers."""
    return max((clock.due_on for clock in clocks if clock.kind == PLAN), default=None)


def still_open(clocks: list[Clock]) -> list[Clock]:
    """The clocks a home page shows: deadlines still to come, and the next monitoring visit
    (also once its expected date has passed, as no visit is recorded since)."""
    return [clock for clock in clocks if not clock.has_passed or clock.is_expectation]
