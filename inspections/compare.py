"""How authorities' latest inspections compare: with their region and with England, at a date.

Every function here runs a constant number of queries, whatever the number of authorities.
"""

from collections import Counter

from django.db.models import Prefetch

from authorities.models import LocalAuthority
from inspections.models import NO_OVERALL_GRADE_WORDS, Grade, Inspection, Judgement

# The inspections that say how an authority's children's services are: not visits, not reviews.
GRADED_KINDS = [
    Inspection.Kind.FULL,
    Inspection.Kind.STANDARD,
    Inspection.Kind.SHORT,
    Inspection.Kind.REINSPECTION,
]

NO_OVERALL_GRADE = "none"


def published_inspections(as_at=None):
    """Published graded inspections, as known on `as_at` (all of them without a date)."""
    inspections = Inspection.objects.filter(kind__in=GRADED_KINDS, published_on__isnull=False)
    if as_at is not None:
        inspections = inspections.filter(published_on__lte=as_at)
    return inspections


def latest_inspections(authorities, as_at=None):
    """authority id -> its latest published inspection, with framework, judgements and areas.

    `authorities` is a queryset, a list of authorities or a list of ids. Authorities with no
    published inspection by then are absent from the result. Two queries.
    """
    ids = [getattr(authority, "pk", authority) for authority in authorities]
    inspections = (
        published_inspections(as_at)
        .filter(authority_id__in=ids)
        .select_related("framework", "authority")
        .prefetch_related(
            Prefetch(
                "judgements",
                Judgement.objects.select_related("area__parent").order_by("area__order"),
            )
        )
        .order_by("authority_id", "published_on", "started_on", "pk")
    )
    latest = {}
    for inspection in inspections:
        latest[inspection.authority_id] = inspection
    return latest


def regional_neighbours(authority, as_at=None):
    """[(authority, latest inspection or None)] for the other current authorities of its region."""
    others = list(
        LocalAuthority.objects.current()
        .filter(region_id=authority.region_id)
        .exclude(pk=authority.pk)
        .select_related("region")
        .order_by("name")
    )
    latest = latest_inspections(others, as_at=as_at)
    return [(other, latest.get(other.pk)) for other in others]


def grade_counts(authorities, as_at=None):
    """Grade value -> how many of the authorities' latest inspections have that overall grade.

    Every grade is present, even at zero; NO_OVERALL_GRADE counts inspections without an
    overall grade (the April 2026 framework, "Not judged"). `grade_rows` orders it for a table.
    """
    return count_grades(latest_inspections(authorities, as_at=as_at).values())


def count_grades(inspections):
    """The same counts from inspections already fetched."""
    counts = Counter({grade: 0 for grade in Grade.values})
    counts[NO_OVERALL_GRADE] = 0
    for inspection in inspections:
        counts[inspection.overall_grade or NO_OVERALL_GRADE] += 1
    return counts


def grade_rows(counts, show_adequate=None):
    """(label, count) in the order of the scale, for tables; Adequate (pre-2013) only when used."""
    if show_adequate is None:
        show_adequate = bool(counts.get(Grade.ADEQUATE.value))
    rows = [
        (grade.label, counts.get(grade.value, 0))
        for grade in Grade
        if grade != Grade.ADEQUATE or show_adequate
    ]
    rows.append((NO_OVERALL_GRADE_WORDS, counts.get(NO_OVERALL_GRADE, 0)))
    return rows
