"""The facts a self-evaluation is drafted from: one function per source, every sentence cited.

Each source reads the data as at the self-evaluation's date through the function that owns the
fact (an action's state from improvement.state, an indicator's comparison from
indicators.compare, the latest inspection from inspections.compare) and returns FactGroups: a
heading under one of Ofsted's questions, and sentences each carrying its citations (the kind of
source, the object's id, every figure, date or grade the sentence states from it, a label and
the page of the app that shows it). tests/selfevaluation/test_citations.py checks each against
the data it names.

Where more facts plug in: SOURCES, at the foot of this module, lists the sources in the order
the document gives them. A new source is a function `facts(scope: Scope) -> list[FactGroup]`
and one FactSource line. Case-file audits (the audits app) and evidence of impact come in under
HOW ("How do you know it?"), between the indicators and the plan: see
docs/self-evaluation.md, "Adding a source of facts".
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.urls import reverse

from authorities.models import LocalAuthority
from core.dates import long_date
from improvement.models import NOT_RATED, Action, ImprovementPlan, rag_words
from improvement.rules import RAG_ORDER
from improvement.state import COMPLETE, action_states
from indicators import compare
from indicators.report import plan_indicators
from inspections.compare import latest_inspections
from inspections.models import Recommendation
from reports.assembly import inspection_label, plan_recommendations
from reports.blocks import Citation, Cited, Sentence, Stated
from selfevaluation.snapshot import HOW, KNOW, PLANS, FactGroup


@dataclass(frozen=True)
class Scope:
    """What a self-evaluation speaks of: an authority, the plans it covers, and the day."""

    authority: LocalAuthority
    plans: tuple[ImprovementPlan, ...]
    as_at: date


@dataclass(frozen=True)
class FactSource:
    name: str
    question: str
    facts: Callable[[Scope], list[FactGroup]]


def draft(scope: Scope) -> tuple[FactGroup, ...]:
    """Every source's facts, in the order of SOURCES."""
    return tuple(group for source in SOURCES for group in source.facts(scope))


# How a note names what a sentence states, where a keyword cannot say it.
WHAT = {"neighbours_average": "neighbours' average"}


def cite(kind, pk, label, url, **states) -> Citation:
    """A citation stating `states` (what it is: the value, as the sentence says it)."""
    said = tuple(
        Stated(WHAT.get(what, what.replace("_", " ")), str(value)) for what, value in states.items()
    )
    return Citation(kind=kind, id=pk, label=label, url=url, states=said)


def sentence(text, *citations) -> Sentence:
    return Sentence(text, tuple(citations))


def group(question, source, heading, *blocks) -> FactGroup:
    return FactGroup(question=question, source=source, heading=heading, blocks=tuple(blocks))


# The latest inspection ----------------------------------------------------------------------


def inspection_facts(scope: Scope) -> list[FactGroup]:
    """The authority's latest graded inspection published by the day: its dates, its overall
    grade and each judgement."""
    authority = scope.authority
    inspection = latest_inspections([authority], scope.as_at).get(authority.pk)
    heading = "Ofsted's latest inspection"
    if inspection is None:
        citation = cite(
            "inspections",
            authority.pk,
            f"Ofsted's inspections of {authority.name}",
            reverse("inspections:authority", args=[authority.pk]),
            published_by=long_date(scope.as_at),
            graded_inspections=0,
        )
        text = f"No graded inspection of {authority.name} had been published by {long_date(scope.as_at)}."
        return [group(KNOW, "inspection", heading, Cited((sentence(text, citation),)))]
    return [group(KNOW, "inspection", heading, *inspection_blocks(authority, inspection))]


def inspection_blocks(authority, inspection):
    framework, kind = inspection.framework.short_name, inspection.get_kind_display().lower()
    published, grade = long_date(inspection.published_on), inspection.overall_grade_words
    url = reverse("inspections:inspection", args=[inspection.pk])
    label = f"Ofsted, {framework} {kind} of {authority.name}"
    on_site = cite(
        "inspection",
        inspection.pk,
        label,
        url,
        published=published,
        on_site_from=long_date(inspection.started_on),
        on_site_to=long_date(inspection.ended_on),
    )
    overall = cite("inspection", inspection.pk, label, url, overall_effectiveness=grade)
    opening = Cited(
        (
            sentence(
                f"Ofsted's {kind} of {authority.name}'s children's services ({framework}), on "
                f"site from {long_date(inspection.started_on)} to "
                f"{long_date(inspection.ended_on)}, was published on {published}.",
                on_site,
            ),
            sentence(f"Overall effectiveness: {grade}.", overall),
        )
    )
    judgements = [
        sentence(
            f"{judgement.area.name}: {judgement.get_grade_display()}.",
            cite(
                "judgement",
                judgement.pk,
                f"{label}: {judgement.area.name}",
                url,
                grade=judgement.get_grade_display(),
            ),
        )
        for judgement in inspection.judgements.all()
    ]
    return [opening, Cited(tuple(judgements), style="list")] if judgements else [opening]


# Indicators ---------------------------------------------------------------------------------


def indicator_facts(scope: Scope) -> list[FactGroup]:
    """Each indicator tied to the plans: its latest figure by the day beside England, the
    region and the statistical neighbours, its trend, and its rating against the council's
    target."""
    heading = "Performance information"
    indicators = scope_indicators(scope)
    if not indicators:
        return [group(HOW, "indicators", heading, Cited(tuple(no_indicators(scope))))]
    comparisons = compare.compare(scope.authority, indicators)
    blocks = []
    for indicator in indicators:
        comparison = comparisons[indicator.pk]
        comparison.periods = [p for p in comparison.periods if p.period_end <= scope.as_at]
        blocks.append(Cited(tuple(indicator_sentences(scope, comparison))))
    return [group(HOW, "indicators", heading, *blocks)]


def scope_indicators(scope):
    """The indicators tied to the scope's plans' themes or actions, each once, by name."""
    found = {i.pk: i for plan in scope.plans for i in plan_indicators(plan)}
    return sorted(found.values(), key=lambda indicator: (indicator.name, indicator.pk))


def no_indicators(scope):
    authority = scope.authority
    if not scope.plans:
        url = reverse("indicators:authority-indicators", args=[authority.pk])
        citation = cite("indicators", authority.pk, f"{authority.name}'s indicators", url)
        yield sentence(f"No indicator is tied to a plan of {authority.name}.", citation)
    for plan in scope.plans:
        # The plan's page, which lists its indicators, for every reader (choosing them is a
        # manager's page).
        url = reverse("improvement:plan", args=[plan.pk])
        citation = cite(
            "plan indicators", plan.pk, f"The {plan.title}'s indicators", url, indicators=0
        )
        yield sentence(f"No indicator is tied to the {plan.title} yet.", citation)


def indicator_sentences(scope, comparison):
    indicator, authority = comparison.indicator, scope.authority
    url = reverse("indicators:indicator-detail", args=[authority.pk, indicator.pk])
    latest = comparison.latest
    if latest is None:
        citation = cite(
            "indicator", indicator.pk, indicator.name, url, published_by=long_date(scope.as_at)
        )
        text = f"{indicator.name}: no figure for {authority.name} by {long_date(scope.as_at)}."
        return [sentence(text, citation)]
    found = [figure_sentence(scope, comparison, url), trend_sentence(scope, comparison, url)]
    target = target_sentence(comparison, url)
    return [s for s in (*found, target) if s]


def figure_source(scope, comparison, at, url, **states):
    """A citation of the authority's figure for the period `at`: published, or its own
    (local)."""
    figure, indicator = at.figure, comparison.indicator
    label = f"{indicator.name}, {scope.authority.name}, {at.said()} ({indicator.source})"
    kind = "local figure" if figure.is_local else "indicator value"
    return cite(kind, figure.pk, label, url, **states)


def figure_sentence(scope, comparison, url):
    latest, unit = comparison.latest, comparison.indicator.unit
    value = compare.show(latest.figure, unit)
    states = {"value": value, "period": latest.period}
    against = []
    if latest.figure is latest.own:  # the council's own figure is never compared (compare.py)
        against, states = comparators(scope, latest, unit, states)
    text = f"{comparison.indicator.name}: {value} in {latest.said()}"
    text += f" ({'; '.join(against)})." if against else "."
    return sentence(text, figure_source(scope, comparison, latest, url, **states))


def comparators(scope, period, unit, states):
    """The period's comparators in words, and what the citation states of them."""
    said, states = [], dict(states)
    if period.england:
        states["England"] = compare.show(period.england, unit)
        said.append(f"England {states['England']}")
    if period.region:
        states["region"] = compare.show(period.region, unit)
        said.append(f"{scope.authority.region.name} {states['region']}")
    if period.neighbour_average is not None:
        states["neighbours_average"] = compare.show(period.neighbour_average, unit)
        said.append(
            f"its {period.neighbours_counted} statistical neighbours' average "
            f"{states['neighbours_average']}"
        )
    said = [", ".join(said)] if said else []
    if period.rank:
        states["rank"] = f"{period.rank} of {period.ranked}"
        said.append(f"ranked {states['rank']} with its neighbours, 1 the best")
    return said, states


def trend_sentence(scope, comparison, url):
    previous, unit = comparison.previous, comparison.indicator.unit
    if previous is None:
        return None
    value = compare.show(previous.figure, unit)
    citation = figure_source(scope, comparison, previous, url, value=value, period=previous.period)
    trend = comparison.trend
    if trend.direction == "none":
        text = f"Its figure for {previous.said()} was {value}, so no trend is given."
        return sentence(text, citation)
    return sentence(trend.words, citation)


def target_sentence(comparison, url):
    target, rag = comparison.target, comparison.rag
    if target is None or rag is None:
        return None
    aim = compare.show(target.target, comparison.indicator.unit)
    citation = cite(
        "target",
        target.pk,
        f"{comparison.indicator.name}: the council's target",
        url,
        target=aim,
        rating=rag_words(rag),
    )
    local = f", on its own figure ({compare.LOCAL})" if comparison.rated_on_local else ""
    text = f"Rated {rag_words(rag)} against the council's target of {aim}{local}."
    return sentence(text, citation)


def words(items):
    """ "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


# The plan's progress ------------------------------------------------------------------------


@dataclass
class Progress:
    """How a set of actions stood on the day: each counted once, by the first of complete,
    overdue, off track (rated red) and on track (the rest) that it is."""

    actions: int = 0
    complete: int = 0
    on_track: int = 0
    off_track: int = 0
    overdue: int = 0
    ratings: Counter = field(default_factory=Counter)
    latest: object = None  # the state of the action with the newest standing update, or None

    def add(self, state):
        self.actions += 1
        if state.status == COMPLETE:
            self.complete += 1
        elif state.overdue:
            self.overdue += 1
        elif state.rag == "red":
            self.off_track += 1
        else:
            self.on_track += 1
        self.ratings[state.rag] += 1
        if state.update and (self.latest is None or newer(state.update, self.latest.update)):
            self.latest = state

    @property
    def counts(self):
        return {
            "actions": self.actions,
            "complete": self.complete,
            "on_track": self.on_track,
            "off_track": self.off_track,
            "overdue": self.overdue,
        }

    @property
    def rated(self):
        """{rating in words: how many}, in the plan's RAG order, those with any."""
        return {rag_words(r): self.ratings[r] for r in RAG_ORDER if self.ratings[r]}

    def counted(self):
        return (
            f"{self.complete} complete, {self.on_track} on track, {self.off_track} off track "
            f"(rated red) and {self.overdue} overdue"
        )


def newer(update, than):
    """Newer as improvement.state orders updates: by the day reported, then when written."""
    return (update.reported_on, update.created_at, update.pk) > (
        than.reported_on,
        than.created_at,
        than.pk,
    )


def progress_of(states):
    progress = Progress()
    for state in states:
        progress.add(state)
    return progress


def plan_facts(scope: Scope) -> list[FactGroup]:
    """Each plan's actions as they stood on the day, overall and by recommendation."""
    if not scope.plans:
        authority = scope.authority
        url = reverse("inspections:authority", args=[authority.pk])
        citation = cite("plans", authority.pk, f"{authority.name}'s plans", url, plans=0)
        text = f"{authority.name} has no improvement plan in the service."
        return [group(PLANS, "plan", "The improvement plan", Cited((sentence(text, citation),)))]
    return [plan_group(scope, plan) for plan in scope.plans]


def plan_states(plan, as_at):
    actions = (
        Action.objects.filter(plan=plan)
        .select_related("plan", "lead_officer")
        .prefetch_related(Prefetch("recommendations", queryset=Recommendation.objects.only("id")))
    )
    return action_states(actions, as_at)


def plan_group(scope, plan):
    states = plan_states(plan, scope.as_at)
    blocks = [Cited(tuple(plan_sentences(scope, plan, progress_of(states))))]
    recommendations = [
        recommendation_sentence(scope, plan, r, states) for r in plan_recommendations(plan)
    ]
    if recommendations:
        blocks.append(Cited(tuple(recommendations), style="list"))
    return group(PLANS, "plan", f"Progress on the {plan.title}", *blocks)


def plan_sentences(scope, plan, progress):
    url = reverse("improvement:plan", args=[plan.pk])
    day = long_date(scope.as_at)
    label = f"{plan.title}, {scope.authority.name}: its actions as at {day}"
    number = plural(progress.actions, "action")
    yield sentence(
        f"As at {day}, the plan had {number}: {progress.counted()}.",
        cite("plan", plan.pk, label, url, **progress.counts),
    )
    if progress.rated:
        yield sentence(
            f"Their ratings by their latest progress updates: {ratings_words(progress)}.",
            cite(
                "plan ratings",
                plan.pk,
                f"{plan.title}: its actions' ratings",
                url,
                **progress.rated,
            ),
        )
    if progress.actions:
        yield latest_update_sentence(plan, progress.latest, day)


def latest_update_sentence(plan, latest, day):
    if latest is None:
        url = reverse("improvement:plan", args=[plan.pk])
        citation = cite(
            "plan updates", plan.pk, f"{plan.title}: its progress updates", url, updates=0
        )
        return sentence(f"No progress had been reported on the plan by {day}.", citation)
    reported = long_date(latest.update.reported_on)
    return sentence(
        f"The latest progress update was reported on {reported}.", update_citation(latest)
    )


def update_citation(state):
    """A citation of the standing update of an action (an improvement.state.ActionState)."""
    update, action = state.update, state.action
    return cite(
        "update",
        update.pk,
        f"{action.plan.title}, action {action.reference}: its latest progress update",
        reverse("improvement:action", args=[action.pk]),
        reported=long_date(update.reported_on),
    )


def recommendation_sentence(scope, plan, recommendation, states):
    answering = [
        s for s in states if recommendation.pk in {r.pk for r in s.action.recommendations.all()}
    ]
    progress = progress_of(answering)
    quoted = recommendation.text.strip().rstrip(".")
    said = (
        f"Recommendation {recommendation.number} of the "
        f"{inspection_label(recommendation.inspection)}, “{quoted}”"
    )
    url = reverse("improvement:plan", args=[plan.pk])
    label = f"{plan.title}: the actions answering recommendation {recommendation.number}"
    if not progress.actions:
        citation = cite("recommendation", recommendation.pk, label, url, actions=0)
        return sentence(f"{said}: no action answers it yet.", citation)
    # Only the states it has: the checker adds them up to the number of actions.
    found = {name: count for name, count in progress.counts.items() if count}
    counted = words(
        [f"{count} {name.replace('_', ' ')}" for name, count in found.items() if name != "actions"]
    )
    rated = ratings_words(progress)
    counts = cite("recommendation", recommendation.pk, label, url, **found, **progress.rated)
    text = f"{said}: {plural(progress.actions, 'action')}, {counted}; ratings {rated}"
    if progress.latest is None:
        return sentence(f"{text}; no progress reported yet.", counts)
    reported = long_date(progress.latest.update.reported_on)
    return sentence(f"{text}; latest update {reported}.", counts, update_citation(progress.latest))


def ratings_words(progress):
    """ "1 Amber and 6 Green"; "1 not yet rated" for an action with no rating."""
    return words(
        [
            f"{count} {'not yet rated' if rating == NOT_RATED else rating}"
            for rating, count in progress.rated.items()
        ]
    )


def plural(count, noun):
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# The sources, in the order the document gives them. Audits and evidence of impact add theirs
# here, under HOW, after the indicators (docs/self-evaluation.md, "Adding a source of facts").
SOURCES = [
    FactSource("inspection", KNOW, inspection_facts),
    FactSource("indicators", HOW, indicator_facts),
    FactSource("plan", PLANS, plan_facts),
]
