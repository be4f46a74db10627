"""A plan's chain of evidence as at a day, recommendation by recommendation: the one gathering
the readiness page and the self-evaluation read.

    readiness = chain_of(plan, as_of)
    for link in readiness.recommendations:
        link.recommendation      # inspections.Recommendation, in the plan's scope
        link.actions             # improvement.state.ActionState of each action answering it
        link.indicators          # IndicatorLink: indicators.compare.Comparison (latest against
                                 #   England, region, neighbours; trend) and what ties it
        link.audits              # audits.summary.TiedAudits: count, share good or better,
                                 #   latest
        link.evidence            # readiness.models.ImpactEvidence: what each shows
        link.gaps                # readiness.gaps.Gap: what is missing, in plain words
    readiness.gaps               # every gap of the plan once, deadlines and themes included

An action's state comes from improvement.state and an indicator's comparison from
indicators.compare, nothing else. The same few queries (about twenty) whatever the plan's size.
Nothing after `as_of` counts: an action's state then, audits done by then, evidence added by then,
the clocks as they stood that day. A day after today is today.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from audits.summary import ThemeLastAudited, TiedAudits, audits_tied_to, last_audit_by_theme
from improvement import clocks
from improvement.models import Action, ImprovementPlan, Theme
from improvement.state import ActionState, action_states
from indicators import compare
from indicators.models import Indicator
from inspections.models import Recommendation
from readiness import gaps
from readiness.models import ImpactEvidence


@dataclass(frozen=True)
class IndicatorLink:
    """An indicator tied to a recommendation's actions, or to their themes, compared."""

    comparison: compare.Comparison
    actions: tuple[Action, ...]
    themes: tuple[Theme, ...]

    @property
    def indicator(self) -> Indicator:
        return self.comparison.indicator

    @property
    def worsening_below_neighbours(self) -> bool:
        return gaps.is_worsening_below_neighbours(self.comparison)


@dataclass(frozen=True)
class RecommendationChain:
    recommendation: Recommendation
    actions: tuple[ActionState, ...]
    indicators: tuple[IndicatorLink, ...]
    audits: TiedAudits
    evidence: tuple[ImpactEvidence, ...]
    gaps: tuple[gaps.Gap, ...]


@dataclass(frozen=True)
class Readiness:
    plan: ImprovementPlan
    as_of: date
    recommendations: tuple[RecommendationChain, ...]
    # Every gap of the plan once, in gaps.KINDS order: those of the recommendations, and the
    # plan's deadlines, its authority's audit themes and indicators.
    gaps: tuple[gaps.Gap, ...]
    themes: tuple[ThemeLastAudited, ...]
    clocks: tuple[clocks.Clock, ...]
    evidence: tuple[ImpactEvidence, ...]

    @property
    def theme_rows(self) -> list[tuple[ThemeLastAudited, bool]]:
        """[(theme, whether it was audited in the six months up to the day)]."""
        return [(theme, gaps.not_audited(theme, self.as_of) is None) for theme in self.themes]

    @property
    def several_inspections(self) -> bool:
        """Whether the recommendations come from more than one inspection (then each says
        which)."""
        return len({link.recommendation.inspection_id for link in self.recommendations}) > 1

    def gaps_by_kind(self) -> list[tuple[str, str, list[gaps.Gap]]]:
        """[(kind, heading, its gaps)] of each kind with any."""
        found = [
            (kind, heading, [gap for gap in self.gaps if gap.kind == kind])
            for kind, heading in gaps.KINDS.items()
        ]
        return [row for row in found if row[2]]


def chain_of(plan: ImprovementPlan, as_of: date | None = None) -> Readiness:
    """The plan's chain as at `as_of` (today if None)."""
    today = timezone.localdate()
    as_of = min(as_of or today, today)
    authority = plan.authority
    recommendations = list(plan.recommendations.select_related("inspection"))
    actions = _actions_of(plan)
    states = {state.action.pk: state for state in action_states(actions, as_of, updates=False)}
    answers = _answers(plan)
    evidence = _evidence(plan, as_of)
    by_target = _evidence_by_target(evidence)
    tied_audits = audits_tied_to(authority, [r.pk for r in recommendations], list(states), as_of)
    indicators = _Indicators(plan, as_of)
    action_gaps = {
        pk: gaps.complete_without_evidence(state, _evidenced(pk, answers, by_target))
        for pk, state in states.items()
    }
    links = []
    for recommendation in recommendations:
        answering = [states[pk] for pk in states if recommendation.pk in answers.get(pk, ())]
        shown = _evidence_of(recommendation, answering, by_target)
        found = [gaps.no_action(recommendation, answering)]
        found += [action_gaps[state.action.pk] for state in answering]
        links.append(
            RecommendationChain(
                recommendation=recommendation,
                actions=tuple(answering),
                indicators=indicators.of(answering),
                audits=_audits_of(recommendation, answering, tied_audits, shown, as_of),
                evidence=shown,
                gaps=tuple(gap for gap in found if gap),
            )
        )
    themes = tuple(last_audit_by_theme(authority, as_of))
    plan_clocks = tuple(clocks.plan_clocks(plan, as_of))
    found = [gaps.deadline_close(clock, plan) for clock in plan_clocks]
    found += [gap for link in links for gap in link.gaps if gap.kind == gaps.NO_ACTION]
    found += list(action_gaps.values())
    found += indicators.worsening_gaps()
    found += [gaps.not_audited(theme, as_of) for theme in themes]
    return Readiness(
        plan=plan,
        as_of=as_of,
        recommendations=tuple(links),
        gaps=tuple(sorted((g for g in found if g), key=lambda g: list(gaps.KINDS).index(g.kind))),
        themes=themes,
        clocks=plan_clocks,
        evidence=tuple(evidence),
    )


# What the chain reads of an action, its theme and its lead: a plan of thousands of actions is
# read in one light query.
ACTION_FIELDS = (
    "pk",
    "plan_id",
    "theme_id",
    "position",
    "reference",
    "title",
    "lead_name",
    "due_on",
    "status",
    "rag",
    "theme__plan_id",
    "theme__number",
    "theme__title",
    "theme__position",
    "lead_officer__first_name",
    "lead_officer__last_name",
    "lead_officer__username",
)


def _actions_of(plan):
    actions = list(
        Action.objects.filter(plan=plan)
        .select_related("theme", "lead_officer")
        .only(*ACTION_FIELDS)
    )
    for action in actions:
        action.plan = plan  # one plan object, not one per action
    return actions


def _answers(plan):
    """{action id: {ids of the recommendations it answers}}."""
    answers = {}
    rows = Action.recommendations.through.objects.filter(action__plan=plan)
    for action_id, recommendation_id in rows.values_list("action_id", "recommendation_id"):
        answers.setdefault(action_id, set()).add(recommendation_id)
    return answers


def _evidence(plan, as_of):
    """The plan's evidence of impact added by the day, oldest first (three queries)."""
    return list(
        ImpactEvidence.objects.filter(plan=plan, added_at__date__lte=as_of)
        .select_related("plan", "audit", "indicator", "update_evidence__update__action", "added_by")
        .prefetch_related(
            Prefetch("recommendations", Recommendation.objects.only("pk", "number")),
            Prefetch("actions", Action.objects.only("pk", "reference")),
        )
    )


def _evidence_by_target(evidence):
    """{("recommendation" or "action", id): [evidence tied to it]}."""
    by_target = {}
    for piece in evidence:
        for recommendation in piece.recommendations.all():
            by_target.setdefault(("recommendation", recommendation.pk), []).append(piece)
        for action in piece.actions.all():
            by_target.setdefault(("action", action.pk), []).append(piece)
    return by_target


def _evidenced(action_id, answers, by_target):
    """Evidence of impact is tied to the action, or to a recommendation it answers."""
    targets = [("action", action_id)]
    targets += [("recommendation", pk) for pk in answers.get(action_id, ())]
    return any(by_target.get(target) for target in targets)


def _evidence_of(recommendation, answering, by_target):
    """Evidence tied to the recommendation or to an action answering it, each once, oldest
    first."""
    targets = [("recommendation", recommendation.pk)]
    targets += [("action", state.action.pk) for state in answering]
    pieces = {piece.pk: piece for target in targets for piece in by_target.get(target, [])}
    return tuple(sorted(pieces.values(), key=lambda piece: (piece.added_at, piece.pk)))


def _audits_of(recommendation, answering, tied, evidence, as_of):
    """Audits tied to the recommendation or its actions (in the audits app, or as evidence of
    impact), done by the day."""
    targets = [("recommendation", recommendation.pk)]
    targets += [("action", state.action.pk) for state in answering]
    found = [audit for target in targets for audit in tied.get(target, [])]
    found += [p.audit for p in evidence if p.audit_id and p.audit.audited_on <= as_of]
    return TiedAudits.of(found)


class _Indicators:
    """The authority's indicators compared once; which of them each action and theme of the plan
    is tied to, and which any action of the authority's plans is tied to."""

    def __init__(self, plan, as_of):
        self.authority = plan.authority
        indicators = list(Indicator.objects.for_authority(self.authority))
        self.comparisons = compare.compare(self.authority, indicators)
        for comparison in self.comparisons.values():
            comparison.periods = [p for p in comparison.periods if p.period_end <= as_of]
        action_ties = Indicator.actions.through.objects.filter(
            action__plan__authority=self.authority
        ).values_list("indicator_id", "action_id", "action__plan_id")
        self.acted_on = set()
        self.by_action = {}
        for indicator_id, action_id, plan_id in action_ties:
            self.acted_on.add(indicator_id)
            if plan_id == plan.pk:
                self.by_action.setdefault(action_id, []).append(indicator_id)
        self.by_theme = {}
        theme_ties = Indicator.themes.through.objects.filter(theme__plan=plan)
        for indicator_id, theme_id in theme_ties.values_list("indicator_id", "theme_id"):
            self.by_theme.setdefault(theme_id, []).append(indicator_id)

    def of(self, answering) -> tuple[IndicatorLink, ...]:
        """The indicators tied to these actions or to their themes, by name."""
        ties = {}
        for state in answering:
            action = state.action
            for pk in self.by_action.get(action.pk, []):
                ties.setdefault(pk, ({}, {}))[0][action.pk] = action
            for pk in self.by_theme.get(action.theme_id, []) if action.theme_id else []:
                ties.setdefault(pk, ({}, {}))[1][action.theme_id] = action.theme
        links = [
            IndicatorLink(self.comparisons[pk], tuple(tied.values()), tuple(themes.values()))
            for pk, (tied, themes) in ties.items()
            if pk in self.comparisons
        ]
        return tuple(sorted(links, key=lambda link: link.indicator.name))

    def worsening_gaps(self) -> list[gaps.Gap]:
        found = [
            gaps.worsening_without_action(c, c.indicator.pk in self.acted_on, self.authority)
            for c in sorted(self.comparisons.values(), key=lambda c: c.indicator.name)
        ]
        return [gap for gap in found if gap]
