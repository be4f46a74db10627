"""Filters of an authority's audit results: month, theme, grade and team."""

import django_filters
from django.db.models.functions import TruncMonth

from audits.models import AuditResult, Grade, Theme
from core.dates import month_year


class AuditResultFilter(django_filters.FilterSet):
    month = django_filters.ChoiceFilter(label="Month", method="in_month", empty_label="All months")
    theme = django_filters.ChoiceFilter(
        label="Theme", choices=Theme.choices, empty_label="All themes"
    )
    grade = django_filters.ChoiceFilter(
        label="Grade", choices=Grade.choices, empty_label="All grades"
    )
    team = django_filters.ChoiceFilter(label="Team", empty_label="All teams")

    class Meta:
        model = AuditResult
        fields = []

    def __init__(self, *args, authority, **kwargs):
        results = AuditResult.objects.filter(authority=authority)
        super().__init__(*args, queryset=results, **kwargs)
        months = results.annotate(m=TruncMonth("audited_on")).order_by("-m")
        self.filters["month"].extra["choices"] = [
            (f"{m:%Y-%m}", month_year(m)) for m in months.values_list("m", flat=True).distinct()
        ]
        teams = results.order_by("team").values_list("team", flat=True).distinct()
        self.filters["team"].extra["choices"] = [(team, team) for team in teams]

    def in_month(self, queryset, name, value):
        year, _, month = value.partition("-")
        return queryset.filter(audited_on__year=int(year), audited_on__month=int(month))
