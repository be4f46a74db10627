"""Audit results summed up by month and by theme over twelve months, with the trend: how many
were audited, how many graded good or better and what share that is, the grades, and whether
the share rose or fell from the first six months to the last six.

Shares are whole percentages rounded half up (7 of 8 is 88%). A trend needs at least
MIN_FOR_TREND audits in each half; a change of less than STEADY_POINTS points is steady.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Max, Sum
from django.utils import timezone

from audits.models import GRADE_SCORES, AuditProgramme, AuditResult, Grade, Theme
from audits.months import WINDOW, month_end, month_of, months_to

MIN_FOR_TREND = 3
STEADY_POINTS = 5


def percent(part: int, whole: int) -> int | None:
    """part of whole as a whole percentage, rounded half up; None of nothing."""
    if not whole:
        return None
    return int((Decimal(100 * part) / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass
class Tally:
    """Results counted: by grade, and how many good or better."""

    grades: Counter = field(default_factory=Counter)

    def add(self, grade):
        self.grades[grade] += 1

    @property
    def audited(self) -> int:
        return sum(self.grades.values())

    @property
    def good_or_better(self) -> int:
        return sum(n for grade, n in self.grades.items() if Grade(grade).good_or_better)

    @property
    def share(self) -> int | None:
        """The share graded good or better, in whole per cent; None when none were audited."""
        return percent(self.good_or_better, self.audited)

    @property
    def mean_score(self) -> Decimal | None:
        """The grades' mean on Grade.score's scale (4 outstanding ... 1 inadequate), to 1 place."""
        if not self.audited:
            return None
        total = sum(GRADE_SCORES[Grade(g)] * n for g, n in self.grades.items())
        return (Decimal(total) / self.audited).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def count(self, grade) -> int:
        return self.grades[grade]

    @property
    def words(self) -> str:
        """ "9 of 12 (75%)"; "None audited"."""
        if not self.audited:
            return "None audited"
        return f"{self.good_or_better} of {self.audited} ({self.share}%)"


@dataclass(frozen=True)
class Trend:
    earlier: Tally
    later: Tally

    @property
    def direction(self) -> str:
        """ "up", "down", "steady", or "" when either half has too few audits to say."""
        if min(self.earlier.audited, self.later.audited) < MIN_FOR_TREND:
            return ""
        change = self.later.share - self.earlier.share
        if abs(change) < STEADY_POINTS:
            return "steady"
        return "up" if change > 0 else "down"

    @property
    def words(self) -> str:
        if not self.direction:
            return f"Too few audits to say (fewer than {MIN_FOR_TREND} in a half year)"
        shares = f"{self.earlier.share}% to {self.later.share}% good or better"
        return {"up": "Improving", "down": "Declining", "steady": "Steady"}[
            self.direction
        ] + f": {shares}"


@dataclass(frozen=True)
class MonthRow:
    month: datetime.date
    tally: Tally
    planned: int


@dataclass(frozen=True)
class ThemeRow:
    words: str
    tally: Tally
    months: list  # a Tally per month of the summary
    trend: Trend


@dataclass(frozen=True)
class Summary:
    months: list
    by_month: list
    by_theme: list
    total: Tally
    trend: Trend
    planned: int

    @property
    def first(self):
        return self.months[0]

    @property
    def last(self):
        return self.months[-1]


def default_end(authority) -> datetime.date:
    """The month a summary ends with unless asked: that of the authority's latest result, else
    this month."""
    latest = AuditResult.objects.filter(authority=authority).aggregate(day=Max("audited_on"))
    return month_of(latest["day"] or timezone.localdate())


def summarise(authority, last_month: datetime.date, count: int = WINDOW) -> Summary:
    """The authority's results in the `count` months ending with `last_month`'s."""
    months = months_to(last_month, count)
    rows = AuditResult.objects.filter(
        authority=authority, audited_on__gte=months[0], audited_on__lte=month_end(months[-1])
    ).values_list("audited_on", "theme", "theme_name", "grade")
    half = months[len(months) // 2]
    by_month = {month: Tally() for month in months}
    by_theme, total = {}, Tally()
    earlier, later = Tally(), Tally()
    for audited_on, theme, theme_name, grade in rows:
        month = month_of(audited_on)
        by_month[month].add(grade)
        total.add(grade)
        (earlier if month < half else later).add(grade)
        key = theme_name if theme == Theme.OTHER else Theme(theme).label
        cells = by_theme.setdefault(key, {m: Tally() for m in months})
        cells[month].add(grade)
    planned = _planned(authority, months)
    return Summary(
        months=months,
        by_month=[MonthRow(m, by_month[m], planned.get(m, 0)) for m in months],
        by_theme=[_theme_row(words, by_theme[words], half) for words in _theme_order(by_theme)],
        total=total,
        trend=Trend(earlier, later),
        planned=sum(planned.values()),
    )


def _theme_row(words, cells, half):
    tally, earlier, later = Tally(), Tally(), Tally()
    for month, cell in cells.items():
        tally.grades.update(cell.grades)
        (earlier if month < half else later).grades.update(cell.grades)
    return ThemeRow(words, tally, list(cells.values()), Trend(earlier, later))


def _theme_order(by_theme):
    """The four named themes in their order, then others by name."""
    named = [label for value, label in Theme.choices if value != Theme.OTHER]
    return [w for w in named if w in by_theme] + sorted(w for w in by_theme if w not in named)


def _planned(authority, months):
    rows = (
        AuditProgramme.objects.filter(authority=authority)
        .between(months[0], months[-1])
        .values("month")
        .annotate(cases=Sum("cases_planned"))
    )
    return {row["month"]: row["cases"] for row in rows}


@dataclass(frozen=True)
class ProgrammeRow:
    """A programme row and how many of its audits were recorded."""

    row: AuditProgramme
    audited: int

    @property
    def words(self) -> str:
        return f"{self.audited} of {self.row.cases_planned}"


def programme_rows(authority, last_month: datetime.date, count: int = WINDOW) -> list:
    """The programme's rows of the `count` months to `last_month`'s, newest month first, each
    with the number of results recorded for its month and theme."""
    months = months_to(last_month, count)
    rows = (
        AuditProgramme.objects.filter(authority=authority)
        .between(months[0], months[-1])
        .select_related("plan")
        .order_by("-month", "theme", "theme_name")
    )
    done = Counter(
        (month_of(day), theme, name)
        for day, theme, name in AuditResult.objects.filter(
            authority=authority, audited_on__gte=months[0], audited_on__lte=month_end(months[-1])
        ).values_list("audited_on", "theme", "theme_name")
    )
    return [ProgrammeRow(r, done[(r.month, r.theme, r.theme_name)]) for r in rows]
