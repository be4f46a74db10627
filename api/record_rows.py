"""The rows of inspections, judgements, recommendations, indicators and committee reports, as the
API lists them.

Indicators are compared by indicators.compare, as their pages compare them: a council's own
figures reach its own people only. Committee reports are those reports.permissions lets the
person read, as the reports list does: a committee member never sees a draft.
"""

from django.db.models import F
from django.http import Http404
from django.urls import reverse

from api.sources import authorities, narrowed
from indicators import compare
from indicators.models import Indicator
from inspections.models import Inspection, Judgement, Recommendation
from reports.models import CommitteeReport
from reports.permissions import readable_reports


def inspection_source(user, authority=None):
    inspections = Inspection.objects.prefetch_related("framework").order_by("pk")
    return narrowed(inspections, user, "authority", authority=authority)


def inspection_rows(inspections) -> list[dict]:
    return [
        {
            "id": i.pk,
            "authority_id": i.authority_id,
            "framework": i.framework.code,
            "framework_name": i.framework.name,
            "kind": i.kind,
            "kind_words": i.get_kind_display(),
            "started_on": i.started_on,
            "ended_on": i.ended_on,
            "published_on": i.published_on,
            "overall_grade": i.overall_grade,
            "overall_grade_words": i.overall_grade_words,
            "lead_inspector": i.lead_inspector,
            "report_url": i.report_url,
            "conducted_with_id": i.conducted_with_id,
        }
        for i in inspections
    ]


def _of_inspections(queryset, user, authority, inspection):
    return narrowed(
        queryset.annotate(authority_id=F("inspection__authority_id")),
        user,
        "inspection__authority",
        inspection__authority=authority,
        inspection=inspection,
    )


def judgement_source(user, authority=None, inspection=None):
    judgements = Judgement.objects.prefetch_related("area__parent").order_by("inspection_id", "pk")
    return _of_inspections(judgements, user, authority, inspection)


def judgement_rows(judgements) -> list[dict]:
    return [
        {
            "id": j.pk,
            "inspection_id": j.inspection_id,
            "authority_id": j.authority_id,
            "area": j.area.code,
            "area_name": j.area.name,
            "parent_area": j.area.parent.code if j.area.parent_id else "",
            "grade": j.grade,
            "grade_words": j.get_grade_display(),
        }
        for j in judgements
    ]


def recommendation_source(user, authority=None, inspection=None):
    recommendations = Recommendation.objects.order_by("inspection_id", "number")
    return _of_inspections(recommendations, user, authority, inspection)


def recommendation_rows(recommendations) -> list[dict]:
    fields = ("id", "inspection_id", "authority_id", "number", "text", "priority")
    return [
        {
            **{field: getattr(r, field) for field in fields},
            "priority_words": r.get_priority_display(),
            "addressed_to": r.addressed_to,
            "section": r.section,
            "paragraph_refs": r.paragraph_refs,
        }
        for r in recommendations
    ]


def comparisons(user, authority=None, indicator=None):
    """[(authority, Comparison)] for each of the user's authorities (or the one asked for) and
    each indicator it measures (national and its own), or only the one asked for: 404 if no
    authority of theirs measures it."""
    found = []
    for place in authorities(user, authority):
        indicators = Indicator.objects.for_authority(place)
        if indicator is not None:
            indicators = indicators.filter(pk=indicator)
        compared = compare.compare(place, list(indicators))
        found.extend((place, comparison) for comparison in compared.values())
    if indicator is not None and not found:
        raise Http404("No indicator of yours has that id.")
    return found


def _number(value):
    return None if value is None else float(value)


def indicator_rows(pairs) -> list[dict]:
    return [_indicator_row(place, comparison) for place, comparison in pairs]


def _indicator_row(place, comparison):
    indicator, target, latest = comparison.indicator, comparison.target, comparison.latest
    figure = latest.figure if latest else None
    return {
        "authority_id": place.pk,
        "indicator_id": indicator.pk,
        "name": indicator.name,
        "national": indicator.is_national,
        "unit": indicator.unit,
        "polarity": indicator.polarity,
        "source": indicator.source,
        "frequency": indicator.frequency,
        "target": _number(target.target) if target else None,
        "tolerance": _number(target.tolerance) if target else None,
        "latest_period": latest.period if latest else "",
        "latest_period_end": latest.period_end if latest else None,
        "latest_value": _number(figure.value) if figure else None,
        "latest_is_local": bool(figure and figure.is_local),
        "trend": comparison.trend.direction,
        "rag": comparison.rag or "",
        "rag_words": comparison.rag_words,
    }


def value_source(user, authority=None, indicator=None):
    """Every period of every comparison, flat."""
    return [
        (place, comparison.indicator, period)
        for place, comparison in comparisons(user, authority, indicator)
        for period in comparison.periods
    ]


def value_rows(periods) -> list[dict]:
    return [_value_row(place, indicator, p) for place, indicator, p in periods]


def _value_row(place, indicator, period):
    own, local = period.own, period.local
    return {
        "authority_id": place.pk,
        "indicator_id": indicator.pk,
        "period": period.period,
        "period_end": period.period_end,
        "value": _number(own.value) if own else None,
        "symbol": own.symbol if own else "",
        "local_value": _number(local.value) if local else None,
        "england": _number(period.england.value) if period.england else None,
        "region": _number(period.region.value) if period.region else None,
        "neighbour_average": _number(period.neighbour_average),
        "neighbours_counted": period.neighbours_counted,
        "rank": period.rank,
        "ranked": period.ranked,
    }


def report_source(user, authority=None, plan=None):
    reports = readable_reports(CommitteeReport.objects.prefetch_related("committee", "plan"), user)
    return narrowed(
        reports.order_by("meeting_on", "pk"),
        user,
        "plan__authority",
        plan__authority=authority,
        plan=plan,
    )


def report_rows(request):
    """The rows of a page of reports, each with the address of its page in the app."""

    def rows(reports):
        return [_report_row(request, report) for report in reports]

    return rows


def _report_row(request, report):
    return {
        "id": report.pk,
        "plan_id": report.plan_id,
        "authority_id": report.plan.authority_id,
        "committee_id": report.committee_id,
        "committee": report.committee.name,
        "meeting_on": report.meeting_on,
        "title": report.title,
        "report_of": report.report_of,
        "agenda_item": report.agenda_item,
        "status": report.status,
        "status_words": report.get_status_display(),
        "submitted_at": report.submitted_at,
        "cleared_at": report.cleared_at,
        "finalised_at": report.finalised_at,
        "url": request.build_absolute_uri(reverse("reports:report-detail", args=[report.pk])),
    }
