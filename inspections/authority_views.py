"""The authority page: its inspections over time, and how its latest grades compare."""

import datetime

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render

from authorities.access import get_scoped_or_404
from authorities.models import LocalAuthority
from core.access import guarded, signed_in
from core.forms import DateField
from inspections import compare
from inspections.models import Grade, Inspection, Judgement


class AsAtForm(forms.Form):
    """The date of the comparison, in the GOV.UK date input every date of the site uses.

    A link may also give it as ``?as_at=YYYY-MM-DD``.
    """

    as_at = DateField(
        label="Compare the latest inspections published by",
        error_name="The comparison date",
        required=False,
        help_text="For example, 31 3 2024. Leave it blank for every inspection published so far.",
    )

    def __init__(self, query):
        super().__init__(query)
        self.iso = query.get("as_at", "")

    def clean(self):
        data = super().clean()
        if self.iso and not self.errors:
            data["as_at"] = self._from_iso()
        return data

    def _from_iso(self):
        try:
            return datetime.date.fromisoformat(self.iso)
        except ValueError as error:
            raise forms.ValidationError(
                f"The comparison date must be a real date in the form YYYY-MM-DD, like 2024-03-31 "
                f"(not “{self.iso}”)."
            ) from error


@login_required
@guarded(signed_in)
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
        "history": inspection_history(authority),
        **comparison(authority, as_at),
    }
    return render(request, "inspections/authority_detail.html", context)


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
    own = latest.overall_grade_words if latest else None
    return [
        (label, region, england, label == own)
        for (label, region), (_, england) in zip(region_rows, england_rows, strict=True)
    ]
