"""Performance indicators: what is measured, the published values of every area and period, a
council's own figures (kept apart from what is published), targets."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from authorities.models import LocalAuthority
from improvement.models import Action, Theme


class Unit(models.TextChoices):
    PERCENT = "percent", "%"
    COUNT = "count", "Count"
    RATE_10K = "rate_10k", "Rate per 10,000 children"
    DAYS = "days", "Days"


class Polarity(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class Frequency(models.TextChoices):
    ANNUAL = "annual", "Annual"
    QUARTERLY = "quarterly", "Quarterly"
    MONTHLY = "monthly", "Monthly"


class Symbol(models.TextChoices):
    """The DfE's symbols for a value not published; never a number, never zero."""

    CONFIDENTIAL = "c", "c: confidential (suppressed)"
    ROUNDED = "k", "k: fewer than 5, rounded to 0 or suppressed"
    UNRELIABLE = "u", "u: low reliability"
    NOT_AVAILABLE = "x", "x: not available"
    NOT_APPLICABLE = "z", "z: not applicable"
    LOW = "low", "low: a small number"


class IndicatorQuerySet(models.QuerySet):
    def for_authority(self, authority):
        """National indicators and the authority's own local ones."""
        return self.filter(Q(authority__isnull=True) | Q(authority=authority))


class Indicator(models.Model):
    """Something measured, national (from the DfE's statistics) or local to one authority."""

    name = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=10, choices=Unit.choices)
    polarity = models.CharField(max_length=10, choices=Polarity.choices)
    source = models.CharField(max_length=300, help_text="Who publishes it, such as DfE CIN census.")
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    authority = models.ForeignKey(
        LocalAuthority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="local_indicators",
        help_text="Set for a local indicator that only this authority measures.",
    )
    # Where its values come from in the DfE's tidy CSV files, chosen once at the first import.
    file_pattern = models.CharField(
        max_length=200, blank=True, help_text="The EES file it is read from, such as c1_*.csv."
    )
    measure_column = models.CharField(max_length=100, blank=True)
    breakdown_filters = models.JSONField(
        default=dict, blank=True, help_text='Breakdown column -> value, such as {"category": "…"}.'
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="indicators")
    actions = models.ManyToManyField(Action, blank=True, related_name="indicators")

    history = HistoricalRecords()
    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name"], condition=Q(authority__isnull=True), name="national_indicator_name"
            ),
            models.UniqueConstraint(fields=["authority", "name"], name="local_indicator_name"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_national(self):
        return self.authority_id is None

    def belongs_elsewhere(self, authority_id):
        """Whether this is another authority's local indicator (which that authority alone uses)."""
        return not self.is_national and self.authority_id != authority_id


OTHER_AUTHORITYS = "This indicator belongs to another authority."


def value_or_symbol(name):
    """A figure's number or its symbol, never both and never neither (a database constraint)."""
    return models.CheckConstraint(
        condition=(Q(value__isnull=True) & ~Q(symbol="")) | (Q(value__isnull=False) & Q(symbol="")),
        name=name,
    )


class Figure(models.Model):
    """A number, or the DfE's symbol in its place (value_or_symbol holds it in the database)."""

    value = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    symbol = models.CharField(max_length=3, choices=Symbol.choices, blank=True)

    class Meta:
        abstract = True

    @property
    def shown(self):
        return self.symbol if self.symbol else f"{self.value.normalize():f}"


class IndicatorValue(Figure):
    """One area's published value for one period: a number, or the symbol published in its place.

    National data: written only by a national import (indicators.ees), which only the service's
    data steward runs. A council's own figures are LocalFigures, never rows here.
    """

    class Level(models.TextChoices):
        NATIONAL = "national", "National"
        REGIONAL = "regional", "Regional"
        AUTHORITY = "authority", "Local authority"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    level = models.CharField(max_length=10, choices=Level.choices)
    area_code = models.CharField(
        max_length=30,
        help_text="ONS code: E92000001 England, E12… region, E06/08/09/10… authority.",
    )
    area_name = models.CharField(max_length=200)
    authority = models.ForeignKey(
        LocalAuthority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicator_values",
    )
    period = models.CharField(max_length=40, help_text="As published: 2025, 2016-17 Q2, May 2017.")
    period_end = models.DateField()

    is_local = False  # published: compared, averaged and ranked

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "area_code", "period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area_code", "period_end"], name="one_value_per_area_period"
            ),
            value_or_symbol("value_or_symbol"),
        ]
        indexes = [models.Index(fields=["indicator", "area_code"])]

    def __str__(self):
        return f"{self.indicator}, {self.area_name}, {self.period}: {self.shown}"


class LocalFigure(Figure):
    """A council's own figure for one period, not published: an in-year or provisional figure for
    a national indicator, or a value of its own local indicator.

    Owned by one authority: shown only to it, labelled "local, not published" wherever it shows,
    never averaged or ranked, never in place of a published value (compare.py).
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="local_figures")
    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="local_figures"
    )
    period = models.CharField(
        max_length=40, help_text="Year to 31 March 2025, 2016-17 Q2, May 2017."
    )
    period_end = models.DateField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who entered or last corrected it (empty when not known).",
    )
    entered_at = models.DateTimeField(default=timezone.now)

    is_local = True  # the council's own: never averaged, ranked or shown to another authority

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "authority", "period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "authority", "period_end"], name="one_local_figure_per_period"
            ),
            value_or_symbol("local_figure_value_or_symbol"),
        ]

    def __str__(self):
        return f"{self.indicator}, {self.authority}, {self.period}: {self.shown} (local)"

    def clean(self):
        if self.indicator_id and self.indicator.belongs_elsewhere(self.authority_id):
            raise ValidationError({"authority": OTHER_AUTHORITYS})


class Target(models.Model):
    """What an authority aims for on an indicator, and how far short is still amber."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="indicator_targets"
    )
    target = models.DecimalField(max_digits=16, decimal_places=4)
    tolerance = models.DecimalField(
        max_digits=16,
        decimal_places=4,
        default=0,
        help_text="How far on the wrong side of the target a value is still amber.",
    )

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "authority"], name="one_target_each"),
            models.CheckConstraint(condition=Q(tolerance__gte=0), name="tolerance_not_negative"),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.authority} aims for {self.target.normalize():f}"

    def clean(self):
        if self.indicator_id and self.indicator.belongs_elsewhere(self.authority_id):
            raise ValidationError({"authority": OTHER_AUTHORITYS})


class StatisticalNeighbour(models.Model):
    """One of an authority's ten most similar authorities in a DfE model, in its order."""

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="neighbour_links"
    )
    neighbour = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    closeness = models.CharField(max_length=40, blank=True)
    model_year = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["authority", "-model_year", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "model_year", "rank"], name="one_neighbour_per_rank"
            ),
            models.UniqueConstraint(
                fields=["authority", "model_year", "neighbour"], name="neighbour_once_per_model"
            ),
        ]

    def __str__(self):
        return f"{self.authority} {self.model_year} #{self.rank}: {self.neighbour}"
