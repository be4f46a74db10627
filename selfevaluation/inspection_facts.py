"""The self-evaluation's facts from Ofsted's latest inspection (question 1): its dates, its
overall grade and each judgement, every one cited."""

from django.urls import reverse

from core.dates import long_date
from inspections.compare import latest_inspections
from reports.blocks import Cited
from selfevaluation.citing import Scope, cite, group, sentence
from selfevaluation.snapshot import KNOW, FactGroup


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
