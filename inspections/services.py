"""Workflows on inspections that span rows."""

from django.db import transaction
from django.db.models import Max

from inspections.letters import read_findings, read_recommendations
from inspections.models import Finding, Recommendation


@transaction.atomic
def add_pasted_recommendations(inspection, text, priority=None, **fields):
    """Append each item of a pasted list as a recommendation, numbered after those already there.

    An item under one of the report's headings takes that heading's priority and section; the
    others take `priority` (an area for improvement unless said). Returns (created, left out)."""
    default = priority or Recommendation.Priority.AREA_FOR_IMPROVEMENT
    pasted = read_recommendations(text, default)
    last = inspection.recommendations.aggregate(last=Max("number"))["last"] or 0
    created = Recommendation.objects.bulk_create(
        Recommendation(
            inspection=inspection,
            number=last + i,
            text=item.text,
            priority=item.priority,
            section=item.section[:100],
            **fields,
        )
        for i, item in enumerate(pasted.items, start=1)
    )
    return created, pasted.left_out


@transaction.atomic
def add_pasted_findings(inspection, text, kind, area=None):
    """Append each paragraph or bullet of a visit letter's pasted text as a finding of `kind`,
    ordered after those already there. Returns (created, left out)."""
    pasted = read_findings(text)
    last = inspection.findings.aggregate(last=Max("order"))["last"] or 0
    created = Finding.objects.bulk_create(
        Finding(inspection=inspection, kind=kind, area=area, text=item.text, order=last + i)
        for i, item in enumerate(pasted.items, start=1)
    )
    return created, pasted.left_out
