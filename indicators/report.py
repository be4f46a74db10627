"""The indicators section of the plan page and of the committee report."""

from django.db.models import Prefetch, Q

from core.prepared import prepared
from improvement.models import Action, Theme
from indicators import charts, compare
from indicators.models import Indicator, Target


def plan_indicators(plan):
    """Indicators tied to the plan's themes or actions, each once."""
    return _tied(plan.authority_id, plan.pk)


@prepared
def _tied(authority_id, plan_id):
    tied = Q(themes__plan_id=plan_id) | Q(actions__plan_id=plan_id)
    return Indicator.objects.for_authority(authority_id).filter(tied).distinct()


def plan_ties(plan):
    """[(indicator, its themes of the plan, its actions of the plan, the authority's target)] of
    every indicator the plan's authority may use: four queries."""
    authority = plan.authority
    indicators = (
        Indicator.objects.for_authority(authority)
        .select_related("authority")
        .prefetch_related(
            Prefetch("themes", Theme.objects.filter(plan=plan)),
            Prefetch("actions", Action.objects.filter(plan=plan).order_by("reference")),
        )
    )
    targets = {t.indicator_id: t for t in Target.objects.filter(authority=authority)}
    return [(i, i.themes.all(), i.actions.all(), targets.get(i.pk)) for i in indicators]


def plan_comparisons(plan):
    """[Comparison] of the plan's indicators for its authority: five queries."""
    indicators = list(plan_indicators(plan))
    found = compare.compare(plan.authority, indicators)
    return [found[i.pk] for i in indicators]


def report_section(plan, as_at=None):
    """The committee report's indicators, as plain JSON-ready values with each chart's SVG;
    with `as_at`, only the periods ended by then (a report shows what was known at its date).

    A finalised report keeps this in its snapshot, so nothing here is a model or lazy value.
    """
    authority = plan.authority
    comparisons = plan_comparisons(plan)
    if as_at:
        for comparison in comparisons:
            comparison.periods = [p for p in comparison.periods if p.period_end <= as_at]
    return [
        _entry(comparison, authority, number)
        for number, comparison in enumerate(comparisons, start=1)
    ]


def _entry(comparison, authority, number):
    indicator, unit = comparison.indicator, comparison.indicator.unit
    return {
        "authority": authority.name,
        "name": indicator.name,
        "definition": indicator.definition,
        "unit": indicator.get_unit_display(),
        "polarity": indicator.get_polarity_display(),
        "source": indicator.source,
        "national": indicator.is_national,
        "local_column": comparison.shows_local,
        "rows": [_row(period, unit) for period in comparison.periods],
        "trend": {"arrow": comparison.trend.arrow, "words": comparison.trend.words},
        "rag": comparison.rag or "",
        "rag_words": comparison.rag_words,
        "description": charts.describe(comparison, authority.name, authority.region.name),
        "svg": charts.line_chart(
            comparison, authority.name, f"report-chart-{number}", authority.region.name
        ),
    }


def _row(period, unit):
    return {
        "period": period.period,
        "own": compare.show(period.own, unit) if period.own else "",
        "england": compare.show(period.england, unit) if period.england else "",
        "region": compare.show(period.region, unit) if period.region else "",
        "neighbour_average": compare.show(period.neighbour_average, unit)
        if period.neighbour_average is not None
        else "",
        "rank": f"{period.rank} of {period.ranked}" if period.rank else "",
        "local": compare.show(period.local, unit) if period.local else "",
    }
