"""Each value beside England, its region and its statistical neighbours; trend; RAG on target.

Averages and ranks are of published values only. A council's own figures (LocalFigure) are read
for that council alone and stand beside its published ones, each labelled as local, never in
their place. A constant number of queries whatever the number of indicators, periods or
authorities.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from improvement.models import rag_words
from indicators.models import (
    Figure,
    IndicatorValue,
    LocalFigure,
    Polarity,
    StatisticalNeighbour,
    Target,
    Unit,
)

ENGLAND = "E92000001"
LOCAL = "local, not published"  # how a council's own figure is labelled wherever it shows


def show(value, unit):
    """A value as committee papers print it: 13.9%, 1,613, 67 per 10,000, 12 days."""
    if value is None:
        return "no value"
    if isinstance(value, Figure):
        return value.symbol if value.symbol else show(value.value, unit)
    number = f"{value.normalize():,f}"
    return {
        Unit.PERCENT: f"{number}%",
        Unit.RATE_10K: f"{number} per 10,000",
        Unit.DAYS: f"{number} days",
    }.get(unit, number)


def is_better(a, b, polarity):
    """Whether a is better than b."""
    return a > b if polarity == Polarity.HIGHER else a < b


def rag_of(value, target, tolerance, polarity):
    """Green on or beyond the target; amber short of it by no more than the tolerance; else red."""
    if value is None:
        return None
    shortfall = target - value if polarity == Polarity.HIGHER else value - target
    if shortfall <= 0:
        return "green"
    return "amber" if shortfall <= tolerance else "red"


def rule_in_words(target, indicator):
    """The RAG rule of a target, as a committee member reads it."""
    aim, edge = target.target, target.tolerance
    unit = indicator.unit
    if indicator.polarity == Polarity.HIGHER:
        floor = aim - edge
        return (
            f"Green at {show(aim, unit)} or more; amber from {show(floor, unit)} up to "
            f"{show(aim, unit)}; red below {show(floor, unit)}."
        )
    ceiling = aim + edge
    return (
        f"Green at {show(aim, unit)} or less; amber above {show(aim, unit)} up to "
        f"{show(ceiling, unit)}; red above {show(ceiling, unit)}."
    )


@dataclass
class Period:
    """One period of an authority's indicator, with what it is compared against.

    `own` is the authority's published value, `local` its own figure (not published); its figure
    for the period is the published one where there is one.
    """

    period: str
    period_end: object
    own: IndicatorValue | None = None
    england: IndicatorValue | None = None
    region: IndicatorValue | None = None
    neighbour_average: Decimal | None = None
    neighbours_counted: int = 0
    rank: int | None = None
    ranked: int = 0
    local: LocalFigure | None = None

    @property
    def figure(self):
        return self.own or self.local

    def said(self):
        """The period as a sentence names it, saying when its figure is a local one."""
        return f"{self.period} ({LOCAL})" if self.figure.is_local else self.period


@dataclass
class Trend:
    direction: str  # up, down, level
    arrow: str
    words: str


@dataclass
class Comparison:
    indicator: object
    periods: list = field(default_factory=list)
    target: Target | None = None

    @property
    def latest(self):
        with_figures = [p for p in self.periods if p.figure is not None]
        return with_figures[-1] if with_figures else None

    @property
    def has_local(self):
        return any(p.local for p in self.periods)

    @property
    def shows_local(self):
        """Whether its table has a column of the council's own figures (a local indicator's are
        all its own)."""
        return self.has_local or not self.indicator.is_national

    @property
    def previous(self):
        latest = self.latest
        earlier = [
            p
            for p in self.periods
            if latest and p.period_end < latest.period_end and p.figure is not None
        ]
        return earlier[-1] if earlier else None

    @property
    def trend(self):
        return trend_of(self.indicator, self.previous, self.latest)

    @property
    def rag(self):
        """Rated on the latest figure, the council's own local one included (rag_words says so)."""
        latest = self.latest
        if self.target is None or latest is None:
            return None
        t = self.target
        return rag_of(latest.figure.value, t.target, t.tolerance, self.indicator.polarity)

    @property
    def rated_on_local(self):
        return self.rag is not None and self.latest.figure.is_local

    @property
    def rag_words(self):
        if self.target is None:
            return "Not rated: no target set"
        if self.rag is None:
            return "Not rated: the latest value is not published"
        rule = rule_in_words(self.target, self.indicator)
        if self.rated_on_local:
            return (
                f"{rag_words(self.rag)}, rated on the council's own figure for "
                f"{self.latest.said()}: {rule}"
            )
        return f"{rag_words(self.rag)}: {rule}"


def trend_of(indicator, previous, latest):
    """Up, down or level since the previous period, in words saying better or worse."""
    if latest is None or previous is None:
        return Trend("none", "", "No earlier value to compare with.")
    now, then = latest.figure.value, previous.figure.value
    if now is None or then is None:
        return Trend("none", "", "No trend: a value is not published.")
    unit = indicator.unit
    since = f"from {show(then, unit)} in {previous.said()} to {show(now, unit)} in {latest.said()}"
    if now == then:
        level = f"Level at {show(now, unit)} since {previous.said()}"
        return Trend(
            "level", "→", f"{level}, in {latest.said()}." if latest.figure.is_local else f"{level}."
        )
    better = "better" if is_better(now, then, indicator.polarity) else "worse"
    if now > then:
        return Trend("up", "↑", f"Up {since}: {better}.")
    return Trend("down", "↓", f"Down {since}: {better}.")


def neighbours_of(authority):
    """The authority's statistical neighbours in the latest model, nearest first (one query)."""
    links = list(
        StatisticalNeighbour.objects.filter(authority=authority)
        .select_related("neighbour")
        .order_by("-model_year", "rank")
    )
    latest = links[0].model_year if links else None
    return [link.neighbour for link in links if link.model_year == latest]


def compare(authority, indicators, neighbours=None):
    """{indicator id: Comparison} for the authority: four queries, none for no indicator."""
    indicators = list(indicators)
    if not indicators:
        return {}
    neighbours = neighbours_of(authority) if neighbours is None else neighbours
    region = authority.region.code if authority.region_id else None
    neighbour_codes = {n.ons_code for n in neighbours}
    codes = {authority.ons_code, ENGLAND, region, *neighbour_codes} - {None}
    values = IndicatorValue.objects.filter(indicator__in=indicators, area_code__in=codes)
    targets = {
        t.indicator_id: t
        for t in Target.objects.filter(authority=authority, indicator__in=indicators)
    }
    # The authority's own figures, and nobody else's: another council's never reach its page.
    local = {
        (f.indicator_id, f.period_end): f
        for f in LocalFigure.objects.filter(authority=authority, indicator__in=indicators)
    }
    grouped = {i.pk: {} for i in indicators}
    for value in values:
        grouped[value.indicator_id].setdefault(value.period_end, []).append(value)
    for indicator_id, period_end in local:
        grouped[indicator_id].setdefault(period_end, [])
    comparisons = {}
    for indicator in indicators:
        periods = [
            _period(
                indicator,
                rows,
                local.get((indicator.pk, period_end)),
                authority.ons_code,
                region,
                neighbour_codes,
            )
            for period_end, rows in sorted(grouped[indicator.pk].items())
        ]
        kept = [p for p in periods if p.own or p.england or p.region or p.local]
        comparisons[indicator.pk] = Comparison(indicator, kept, targets.get(indicator.pk))
    return comparisons


def _period(indicator, rows, local, own_code, region, neighbour_codes):
    by_code = {row.area_code: row for row in rows}
    labelled = rows[0] if rows else local
    period = Period(
        labelled.period,
        labelled.period_end,
        by_code.get(own_code),
        by_code.get(ENGLAND),
        by_code.get(region),
        local=local,
    )
    numbers = [
        by_code[c].value for c in neighbour_codes if c in by_code and by_code[c].value is not None
    ]
    if numbers:
        period.neighbour_average = (sum(numbers) / len(numbers)).quantize(Decimal("0.1"))
        period.neighbours_counted = len(numbers)
    if period.own and period.own.value is not None:
        period.rank, period.ranked = rank_among(period.own.value, numbers, indicator.polarity)
    return period


def rank_among(value, others, polarity):
    """(position, out of) of value among itself and others, 1 the best; ties share a place."""
    better = sum(1 for other in others if is_better(other, value, polarity))
    return better + 1, len(others) + 1
