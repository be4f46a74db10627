"""Appendix: the authority beside the other current authorities of its region and its statistical
neighbours, each with its latest inspection published by the report's date.

The statistical neighbours are those of the DfE model in force at the date: the latest model of
that year or before, or the earliest model there is for a date before any (the DfE published its
2021 model long after 2017's papers, which compared themselves with the groupings of their time).
"""

from core.dates import long_date
from indicators.models import StatisticalNeighbour
from inspections.compare import latest_inspections, regional_neighbours
from reports.snapshot import Appendix, AppendixRow, AreaGrade


def regional_appendix(authority, as_at):
    region = regional_neighbours(authority, as_at=as_at)
    model_year, neighbours = statistical_neighbours(authority, as_at)
    in_region = {other.pk for other, _ in region}
    ranks = {n.neighbour_id: n.rank for n in neighbours}
    others = [other for other, _ in region]
    others += [n.neighbour for n in neighbours if n.neighbour_id not in in_region]
    latest = latest_inspections([authority, *others], as_at=as_at)
    rows = [
        appendix_row(other, latest.get(other.pk), group(other, in_region, ranks))
        for other in others
    ]
    own = appendix_row(authority, latest.get(authority.pk), "This council")
    return Appendix(
        region=authority.region.name,
        rows=tuple(rows),
        neighbour_model=model_year,
        own=own,
        columns=judgement_columns([own, *rows]),
    )


def statistical_neighbours(authority, as_at):
    """(model year, the authority's neighbours in that model, by rank), or (None, [])."""
    links = StatisticalNeighbour.objects.filter(authority=authority)
    years = sorted(set(links.values_list("model_year", flat=True)))
    if not years:
        return None, []
    in_force = [year for year in years if year <= as_at.year]
    year = in_force[-1] if in_force else years[0]
    found = links.filter(model_year=year).select_related("neighbour").order_by("rank")
    return year, [n for n in found if n.neighbour.is_current]


def group(other, in_region, ranks):
    said = []
    if other.pk in in_region:
        said.append("Region")
    if other.pk in ranks:
        said.append(f"Neighbour {ranks[other.pk]}")
    return "; ".join(said)


def judgement_columns(rows):
    """Every judgement the rows' inspections graded, in the order they first come."""
    columns = []
    for row in rows:
        for judgement in row.judgements:
            if judgement.area not in columns:
                columns.append(judgement.area)
    return tuple(columns)


def appendix_row(authority, inspection, compared_as) -> AppendixRow:
    if inspection is None:
        return AppendixRow(authority.name, "No published inspection", compared_as)
    return AppendixRow(
        authority=authority.name,
        inspection=f"{inspection.framework.short_name}, published "
        f"{long_date(inspection.published_on)}",
        group=compared_as,
        overall=inspection.overall_grade_words,
        judgements=tuple(
            AreaGrade(j.area.name, j.get_grade_display()) for j in inspection.judgements.all()
        ),
    )
