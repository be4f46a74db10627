"""What is missing for a plan to be ready for inspection: each kind of gap a plain rule, worded
for the page.

- **No action**: a recommendation in the plan's scope that no action of the plan answers.
- **No evidence of impact**: an action complete by the day, with no evidence of impact added by
  then tied to it or to a recommendation it answers (readiness.models.ImpactEvidence; an audit
  tied to the action in the audits app shows in the chain, but it is evidence of impact once
  someone has said what it shows).
- **An indicator worsening with no action**: on its latest published value, the authority is
  worse than its statistical neighbours' average and worse than its previous published value, and
  no action of any of the authority's plans is tied to the indicator (a theme is not an action).
  Published values only: a council's own figure is never set against the neighbours
  (indicators.compare).
- **A theme not audited**: one of the four audit themes (and each "other" theme the authority
  uses) with no audit in the six months up to the day.
- **A deadline close**: one of the plan's clocks (improvement.clocks) due within ten working
  days, today included, or passed; a plan deadline no longer, once the plan was approved on or
  after the inspection's publication (it has gone to Ofsted). The next monitoring visit is
  flagged when expected within ten working days or overdue, since none is recorded since.
"""

from dataclasses import dataclass
from datetime import date

from django.template.defaultfilters import pluralize

from core.dates import long_date
from improvement import clocks, rules
from improvement.models import Action
from indicators.compare import is_better, show

NO_ACTION = "no_action"
NO_EVIDENCE = "no_evidence"
INDICATOR_WORSENING = "indicator_worsening"
THEME_NOT_AUDITED = "theme_not_audited"
DEADLINE_CLOSE = "deadline_close"

# Each kind of gap and how the summary heads it, in the order the page lists them.
KINDS = {
    DEADLINE_CLOSE: "Deadlines close or passed",
    NO_ACTION: "Recommendations no action answers",
    NO_EVIDENCE: "Actions complete with no evidence of impact",
    INDICATOR_WORSENING: "Indicators worse than the neighbours and getting worse, with no action",
    THEME_NOT_AUDITED: "Audit themes with no audit in the last six months",
}

DEADLINE_CLOSE_WORKING_DAYS = 10
AUDIT_MONTHS = 6


@dataclass(frozen=True)
class Gap:
    """One thing missing, in plain words, with what it is about (for the page's links)."""

    kind: str
    words: str
    recommendation: object = None
    action: object = None
    indicator: object = None

    @property
    def heading(self) -> str:
        return KINDS[self.kind]


def no_action(recommendation, action_states) -> Gap | None:
    if action_states:
        return None
    words = f"Recommendation {recommendation.number}: no action of the plan answers it."
    return Gap(NO_ACTION, words, recommendation=recommendation)


def complete_without_evidence(state, evidenced: bool) -> Gap | None:
    """An action complete by the day its state is for, with no evidence of impact."""
    if evidenced or state.status != Action.Status.COMPLETE:
        return None
    action = state.action
    words = (
        f"{action.reference} {action.title}: complete, with no evidence of impact tied to it or "
        "to a recommendation it answers."
    )
    return Gap(NO_EVIDENCE, words, action=action)


def published_latest(comparison):
    """(the latest period with the authority's published number, the one before it)."""
    published = [p for p in comparison.periods if p.own is not None and p.own.value is not None]
    latest = published[-1] if published else None
    previous = published[-2] if len(published) > 1 else None
    return latest, previous


def is_worsening_below_neighbours(comparison) -> bool:
    """Worse than the neighbours' average and than the period before, on published values."""
    latest, previous = published_latest(comparison)
    if latest is None or previous is None or latest.neighbour_average is None:
        return False
    polarity = comparison.indicator.polarity
    now = latest.own.value
    return is_better(latest.neighbour_average, now, polarity) and is_better(
        previous.own.value, now, polarity
    )


def worsening_without_action(comparison, acted_on: bool, authority) -> Gap | None:
    if acted_on or not is_worsening_below_neighbours(comparison):
        return None
    latest, previous = published_latest(comparison)
    unit = comparison.indicator.unit
    words = (
        f"{comparison.indicator.name}: {show(latest.own.value, unit)} in {latest.period}, worse "
        f"than the neighbours' average of {show(latest.neighbour_average, unit)} and than "
        f"{show(previous.own.value, unit)} in {previous.period}; no action of {authority}'s "
        "plans is tied to it."
    )
    return Gap(INDICATOR_WORSENING, words, indicator=comparison.indicator)


def not_audited(theme, as_of: date) -> Gap | None:
    """A theme (audits.summary.ThemeLastAudited) with no audit in the AUDIT_MONTHS up to the day."""
    since = rules.add_months(as_of, -AUDIT_MONTHS)
    last = theme.last_audited_on
    if last is not None and last >= since:
        return None
    if last is None:
        return Gap(THEME_NOT_AUDITED, f"{theme.words}: no audit recorded.")
    return Gap(
        THEME_NOT_AUDITED,
        f"{theme.words}: no audit since {long_date(last)}, more than six months ago.",
    )


def deadline_close(clock, plan) -> Gap | None:
    """A clock (improvement.clocks.Clock, as seen on the day) close or passed, still open."""
    if not clock.is_expectation and _sent(plan, clock):
        return None
    days = clock.working_days
    if days > DEADLINE_CLOSE_WORKING_DAYS:
        return None
    return Gap(DEADLINE_CLOSE, deadline_words(clock))


def _sent(plan, clock):
    """Approved on or after the inspection's report, by the day: gone to Ofsted."""
    approved = plan.approved_on
    published = clock.inspection.published_on
    return bool(approved and published <= approved <= clock.today)


def deadline_words(clock) -> str:
    when = long_date(clock.due_on)
    away = clock.working_days_away
    days = f"{away:,} working day{pluralize(away)}"
    what = f"The {clock.what[0].lower()}{clock.what[1:]}"
    if clock.kind == clocks.MONITORING_VISIT:
        if clock.has_passed:
            return f"{what} was expected around {when}, {days} ago; none is recorded since."
        return f"{what} is expected around {when}, in {days}."
    if clock.is_today:
        return f"{what} is due at Ofsted today, {when}."
    if clock.has_passed:
        return (
            f"{what} was due at Ofsted on {when}, {days} ago, and the plan records no approval "
            "since the report."
        )
    return f"{what} is due at Ofsted on {when}, in {days}."
