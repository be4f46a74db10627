"""Audit results summed up: by month and by theme over twelve months, with the trend (how many
were audited, how many graded good or better and what share that is, the grades, and whether
the share rose or fell from the first six months to the last six); each theme's latest audit by a
day; and the audits tied to recommendations and actions, counted the same way. The audits pages,
the readiness page (readiness.chain) and the self-evaluation (selfevaluation.audit_facts) read
these, and nothing else counts audits.

Shares are whole percentages rounded half up (7 of 8 is 88%). A trend needs at least
MIN_FOR_TREND audits in each half; a change of less than STEADY_POINTS points is steady.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.db.models import Max, Q, Sum
from django.utils import timezone

from audits.models import (
    GRADE_SCORES,
    NAMED_THEMES,
    AuditProgramme,
    AuditResult,
    Grade,
    Theme,
    theme_order,
    theme_words,
)
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

    @classmethod
    def of(cls, grades):
        """The tally of these grades."""
        return cls(Counter(grades))

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
    def word(self) -> str:
        """ "Improving", "Declining", "Steady", or "" when there are too few audits to say."""
        return {"up": "Improving", "down": "Declining", "steady": "Steady", "": ""}[self.direction]

    @property
    def words(self) -> str:
        if not self.direction:
            return f"Too few audits to say (fewer than {MIN_FOR_TREND} in a half year)"
        return f"{self.word}: {self.earlier.share}% to {self.later.share}% good or better"


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
    theme: str = ""
    theme_name: str = ""


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
    today = timezone.localdate()
    return month_of(max(latest_by_theme(authority, today).values(), default=today))


def summarise(
    authority, last_month: datetime.date, count: int = WINDOW, as_at: datetime.date | None = None
) -> Summary:
    """The authority's results in the `count` months ending with `last_month`'s; with `as_at`,
    those done by that day only (a self-evaluation's facts as at a day in the last month)."""
    months = months_to(last_month, count)
    last_day = min(month_end(months[-1]), as_at or month_end(months[-1]))
    rows = AuditResult.objects.filter(
        authority=authority, audited_on__gte=months[0], audited_on__lte=last_day
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
        cells = by_theme.setdefault((theme, theme_name), {m: Tally() for m in months})
        cells[month].add(grade)
    planned = _planned(authority, months)
    return Summary(
        months=months,
        by_month=[MonthRow(m, by_month[m], planned.get(m, 0)) for m in months],
        by_theme=[_theme_row(key, by_theme[key], half) for key in sorted(by_theme, key=_theme_key)],
        total=total,
        trend=Trend(earlier, later),
        planned=sum(planned.values()),
    )


def _theme_key(key):
    return theme_order(*key)


def _theme_row(key, cells, half):
    tally, earlier, later = Tally(), Tally(), Tally()
    for month, cell in cells.items():
        tally.grades.update(cell.grades)
        (earlier if month < half else later).grades.update(cell.grades)
    words = theme_words(*key)
    return ThemeRow(words, tally, list(cells.values()), Trend(earlier, later), *key)


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


# Each theme's latest audit ----------------------------------------------------------------------


def latest_by_theme(authority, as_of: datetime.date) -> dict:
    """{(theme, theme_name): the day of its latest audit on or before `as_of`} of the themes
    the authority had audited by then; one query."""
    return {
        (row["theme"], row["theme_name"]): row["last"]
        for row in AuditResult.objects.filter(authority=authority, audited_on__lte=as_of)
        .values("theme", "theme_name")
        .annotate(last=Max("audited_on"))
        .order_by()
    }


@dataclass(frozen=True)
class ThemeLastAudited:
    """An audit theme and the date of its latest audit by the day asked about (None: never)."""

    theme: str
    theme_name: str
    words: str
    last_audited_on: datetime.date | None


def last_audit_by_theme(authority, as_of: datetime.date) -> list[ThemeLastAudited]:
    """Each theme's latest audit on or before `as_of` for the authority: the four named themes
    always, and each "other" theme the authority had audited or planned to audit by then, in
    the summaries' order; two queries."""
    last = latest_by_theme(authority, as_of)
    planned = AuditProgramme.objects.filter(
        authority=authority, theme=Theme.OTHER, month__lte=as_of
    ).values_list("theme", "theme_name")
    themes = {(theme.value, "") for theme in NAMED_THEMES}
    themes |= {key for key in last if key[0] == Theme.OTHER} | set(planned)
    return [
        ThemeLastAudited(code, name, theme_words(code, name), last.get((code, name)))
        for code, name in sorted(themes, key=_theme_key)
    ]


# Audits tied to recommendations and actions ------------------------------------------------------


@dataclass(frozen=True)
class TiedAudits:
    """Audits tied to what something asks (a recommendation, its actions), newest first,
    counted as the summaries count them."""

    audits: tuple[AuditResult, ...]

    @classmethod
    def of(cls, audits) -> "TiedAudits":
        """These audits, each once, newest first."""
        found = {audit.pk: audit for audit in audits}
        newest = sorted(found.values(), key=lambda a: (a.audited_on, a.pk), reverse=True)
        return cls(tuple(newest))

    @cached_property
    def tally(self) -> Tally:
        return Tally.of(audit.grade for audit in self.audits)

    @property
    def count(self) -> int:
        return self.tally.audited

    @property
    def good_or_better(self) -> int:
        return self.tally.good_or_better

    @property
    def share_good_or_better(self) -> int | None:
        """The whole percentage graded good or outstanding (rounded half up); None with no
        audit."""
        return self.tally.share

    @property
    def latest(self) -> AuditResult | None:
        return self.audits[0] if self.audits else None


def audits_tied_to(authority, recommendation_ids, action_ids, as_of: datetime.date) -> dict:
    """{("recommendation" or "action", id): [audit, ...]} of the authority's audits done by `as_of`
    that are tied to these recommendations or actions (AuditResult.recommendations, .actions):
    one query, and two for the ties. TiedAudits.of sums up a target's."""
    audits = AuditResult.objects.filter(authority=authority, audited_on__lte=as_of).filter(
        Q(recommendations__in=recommendation_ids) | Q(actions__in=action_ids)
    )
    by_pk = {audit.pk: audit for audit in audits.distinct().order_by("-audited_on", "-pk")}
    tied = {}
    links = (
        ("recommendation", AuditResult.recommendations.through, "recommendation_id"),
        ("action", AuditResult.actions.through, "action_id"),
    )
    for kind, through, column in links:
        rows = through.objects.filter(auditresult_id__in=by_pk).values_list(
            column, "auditresult_id"
        )
        for pk, audit_pk in rows:
            tied.setdefault((kind, pk), []).append(by_pk[audit_pk])
    return tied
