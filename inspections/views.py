"""The inspection page: judgements, findings by area, recommendations and the actions answering them."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render

from authorities.access import get_scoped_or_404
from core.access import guarded, signed_in
from inspections.models import Finding, Inspection, Judgement


@login_required
@guarded(signed_in)
def inspection_detail(request, pk):
    inspection = get_scoped_or_404(
        Inspection.objects.select_related("framework", "authority").prefetch_related(
            Prefetch("judgements", Judgement.objects.select_related("area__parent")),
            Prefetch("findings", Finding.objects.select_related("area")),
            # The actions answering each recommendation, through their reverse relation: the
            # inspections app knows nothing of improvement plans (pyproject.toml's layers).
            "recommendations__actions",
        ),
        request.user,
        pk=pk,
    )
    findings_by_area = {}
    for finding in inspection.findings.all():
        area = finding.area.name if finding.area else "Across the inspection"
        findings_by_area.setdefault(area, []).append(finding)
    context = {
        "inspection": inspection,
        "findings_by_area": findings_by_area.items(),
    }
    return render(request, "inspections/inspection_detail.html", context)
