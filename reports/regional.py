"""Appendix: the authority beside the other current authorities of its region."""

from inspections.models import Judgement

try:  # Provided by the authorities app where present.
    from authorities.compare import regional_neighbours
except ImportError:  # pragma: no cover - until authorities.compare lands
    regional_neighbours = None


def fallback_neighbours(authority, as_at=None):
    """(authority, latest published full inspection or None) for the region's other authorities."""
    from authorities.models import LocalAuthority
    from inspections.models import Inspection

    others = LocalAuthority.objects.filter(region_id=authority.region_id, is_current=True)
    others = list(others.exclude(pk=authority.pk).order_by("name"))
    inspections = Inspection.objects.filter(authority__in=others, published_on__isnull=False)
    if as_at:
        inspections = inspections.filter(published_on__lte=as_at)
    latest = {}
    for inspection in (
        inspections.exclude(kind__in=["lscb_review", "monitoring_visit", "focused_visit", "jtai"])
        .select_related("framework")
        .order_by("published_on")
    ):
        latest[inspection.authority_id] = inspection
    return [(other, latest.get(other.pk)) for other in others]


def regional_appendix(authority, as_at):
    neighbours = (regional_neighbours or fallback_neighbours)(authority, as_at=as_at)
    inspections = [i for _, i in neighbours if i is not None]
    grades = judgements_by_inspection(inspections)
    return {
        "region": authority.region.name,
        "rows": [appendix_row(other, inspection, grades) for other, inspection in neighbours],
    }


def judgements_by_inspection(inspections):
    grades = {}
    queryset = Judgement.objects.filter(inspection__in=inspections).select_related("area")
    for judgement in queryset.order_by("area__order"):
        grades.setdefault(judgement.inspection_id, []).append(
            {"area": judgement.area.name, "grade": judgement.get_grade_display()}
        )
    return grades


def appendix_row(authority, inspection, grades):
    if inspection is None:
        return {
            "authority": authority.name,
            "inspection": "No published inspection",
            "judgements": [],
        }
    return {
        "authority": authority.name,
        "inspection": f"{inspection.framework.short_name}, published {inspection.published_on:%-d %B %Y}"
        if inspection.published_on
        else f"{inspection.framework.short_name}, on site {inspection.started_on:%-d %B %Y}",
        "overall": inspection.get_overall_grade_display() or "No overall grade",
        "judgements": grades.get(inspection.pk, []),
    }
