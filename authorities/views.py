"""The authority page: its inspections over time, and how its latest grades compare."""

import datetime

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render

from authorities import compare
from authorities.models import LocalAuthority
from core.access import get_scoped_or_404
from inspections.models import Grade, Inspection, Judgement


class AsAtForm(forms.Form):
    """A GOV.UK date input (day, month, year) for the date of the comparison."""

    day = forms.IntegerField(required=False, min_value=1, max_value=31)
    month = forms.IntegerField(required=False, min_value=1, max_value=12)
    year = forms.IntegerField(required=False, min_value=2000, max_value=2100)

    def __init__(self, query):
        super().__init__({key: query.get(f"as_at-{key}", "") for key in ("day", "month", "year")})
        self.iso = query.get("as_at", "")

    def clean(self):
        if self.errors:
            raise forms.ValidationError("The comparison date must be a real date, like 31 3 2024.")
        if self.iso:
            return {"as_at": self._from_iso()}
        parts = [self.cleaned_data.get(key) for key in ("year", "month", "day")]
        if not any(parts):
            return {"as_at": None}
        if not all(parts):
            raise forms.ValidationError("The comparison date must include a day, month and year.")
        try:
            return {"as_at": datetime.date(*parts)}
        except ValueError as error:
            raise forms.ValidationError(
                "The comparison date must be a real date, like 31 3 2024."
            ) from error

    def _from_iso(self):
        try:
            return datetime.date.fromisoformat(self.iso)
        except ValueError as error:
            raise forms.ValidationError(
                f"The comparison date must be a real date in the form YYYY-MM-DD, like 2024-03-31 "
                f"(not “{self.iso}”)."
            ) from error


@login_required
def authority_detail(request, pk):
    # Only members of the authority may see its page; others get 404, as for any object.
    authority = get_scoped_or_404(
        LocalAuthority.objects.select_related("region"), request.user, authority_field="pk", pk=pk
    )
    form = AsAtForm(request.GET)
    as_at = form.cleaned_data["as_at"] if form.is_valid() else None
    context = {
        "authority": authority,
        "form": form,
        "as_at": as_at,
        "date_parts": date_parts(form, as_at),
        "history": inspection_history(authority),
        **comparison(authority, as_at),
    }
    return render(request, "authorities/authority_detail.html", context)


def date_parts(form, as_at):
    """(name, label, width, value) of the date input's three boxes, showing what was asked."""
    values = {"day": as_at.day, "month": as_at.month, "year": as_at.year} if as_at else form.data
    return [
        ("day", "Day", 2, values.get("day")),
        ("month", "Month", 2, values.get("month")),
        ("year", "Year", 4, values.get("year")),
    ]


def inspection_history(authority):
    """The authority's inspections, newest first, with their grades: three queries."""
    return (
        Inspection.objects.filter(authority=authority)
        .select_related("framework")
        .prefetch_related(
            Prefetch("judgements", Judgement.objects.select_related("area").order_by("area__order"))
        )
        .order_by("-published_on", "-started_on")
    )


def comparison(authority, as_at):
    """Its latest inspection at `as_at`, grade counts of its region and England, its neighbours."""
    england = list(LocalAuthority.objects.current())
    latest = compare.latest_inspections([*england, authority], as_at=as_at)
    in_region = [a for a in england if a.region_id == authority.region_id]
    national = latest_counts(latest, england)
    adequate = bool(national[Grade.ADEQUATE])
    return {
        "latest": latest.get(authority.pk),
        "grade_table": grade_table(
            latest.get(authority.pk),
            compare.grade_rows(latest_counts(latest, in_region), show_adequate=adequate),
            compare.grade_rows(national, show_adequate=adequate),
        ),
        "neighbours": compare.regional_neighbours(authority, as_at=as_at),
    }


def latest_counts(latest, authorities):
    return compare.count_grades(latest[a.pk] for a in authorities if a.pk in latest)


def grade_table(latest, region_rows, england_rows):
    """[(label, region count, England count, is this authority's grade)], best grade first."""
    own = latest.get_overall_grade_display() if latest and latest.overall_grade else None
    if latest and not latest.overall_grade:
        own = "No overall grade"
    return [
        (label, region, england, label == own)
        for (label, region), (_, england) in zip(region_rows, england_rows, strict=True)
    ]
