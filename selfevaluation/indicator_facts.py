"""The self-evaluation's facts from the indicators tied to its plans (question 2): each latest
figure by the date beside England, the region and the statistical neighbours, its trend and its
rating against the council's target, every one cited (indicators.compare owns each of them)."""

from django.urls import reverse

from core.dates import long_date
from improvement.models import rag_words
from indicators import compare
from indicators.report import plan_indicators
from reports.blocks import Cited
from selfevaluation.citing import Scope, cite, group, sentence
from selfevaluation.snapshot import HOW, FactGroup


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
