"""Minimal JSON views, the pages' baselines: each gathers what its page shows through the page's
own function (workspace.views.home_page, improvement.views.plan_page, ...), so the same queries
fetch the same rows, and returns them as JSON instead of HTML. The ratio of a page's time to its
baseline's is then what templates, forms and the file format add.

Only mounted when settings.BENCH_JSON_VIEWS is on (bench/load_test.py and bench/plan_scale.py
turn it on).
"""

import dataclasses

from django.contrib.auth.decorators import login_required
from django.db.models import Model, QuerySet
from django.http import JsonResponse

from authorities.access import member_authorities
from core.access import guarded, signed_in
from core.people import person_name
from improvement.views import action_page, actions_page, export_rows, plan_page
from indicators.report import plan_comparisons
from reports.views import get_report_or_404
from workspace.views import home_page


def rows(value):
    """Models as their columns' values, containers walked: what a page shows, without HTML."""
    if isinstance(value, Model):
        deferred = value.get_deferred_fields()  # not fetched, as the page does not show them
        fields = [f for f in value._meta.concrete_fields if f.attname not in deferred]
        return {f.attname: f.value_to_string(value) for f in fields}
    if dataclasses.is_dataclass(value):
        return {f.name: rows(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(key): rows(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset, QuerySet)):
        return [rows(item) for item in value]
    return value


def choices(form):
    """A form's options, as its select boxes list them."""
    return {
        name: [str(label) for _, label in field.choices]
        for name, field in form.fields.items()
        if hasattr(field, "choices")
    }


def page_json(request, data):
    # Every page's header names the user's authorities and the user.
    layout = {
        "authorities": [a.name for a in member_authorities(request.user)],
        "user": person_name(request.user),
    }
    return JsonResponse({**layout, **data})


@login_required
@guarded(signed_in)
def home(request):
    return page_json(request, rows(home_page(request)))


@login_required
@guarded(signed_in)
def plan(request, pk):
    data = plan_page(request, pk)
    shown = {
        "inspections": rows(data["plan"].inspections.all()),
        # The page's template tag draws them (indicators/templatetags/indicators.py).
        "indicators": rows(plan_comparisons(data["plan"])),
    }
    return page_json(request, {**rows(data), **shown})


@login_required
@guarded(signed_in)
def actions(request):
    data = actions_page(request)
    table = data["table"]
    shown = {
        "count": table.paginator.count,
        "actions": rows(table.states),
        "filter": choices(data["filter"].form),
    }
    if "bulk_form" in data:
        shown["bulk"] = choices(data["bulk_form"])
    return page_json(request, shown)


@login_required
@guarded(signed_in)
def action(request, pk):
    data = action_page(request, pk)
    action = data["action"]
    related = {
        "milestones": rows(action.milestones.all()),
        "recommendations": rows(action.recommendations.all()),
        "due_date_history": rows(action.due_date_history),
        "updates": [[rows(u), u.signature, rows(u.evidence.all())] for u in data["updates"]],
    }
    return page_json(request, {**rows(data), **related})


@login_required
@guarded(signed_in)
def export(request):
    # A file, not a page: no header to fill.
    return JsonResponse({"rows": list(export_rows(request))})


@login_required
@guarded(signed_in)
def report(request, pk):
    # The same report row as the download reads, without its stored file.
    report = get_report_or_404(request.user, pk)
    return JsonResponse({"report": report.pk, "title": report.title, "pdf": report.pdf_file.name})
