"""Minimal JSON views returning the same rows as the pages, from the same queries: the baselines.

Only mounted when settings.BENCH_JSON_VIEWS is on (bench/load_test.py and bench/plan_scale.py
turn it on); the ratio of a page's time to its baseline's is what templates and forms add.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.utils import timezone

from core import views as core_views
from core.access import authorities_for, get_scoped_or_404, scoped
from improvement import summary
from improvement.models import Action, ImprovementPlan, latest_standing_update
from improvement.views import filtered_actions

ACTION_FIELDS = ("pk", "reference", "title", "due_on", "status", "rag")


def row(action):
    return {name: getattr(action, name) for name in ACTION_FIELDS}


@login_required
def home(request):
    mine = scoped(Action.objects.all(), request.user, "plan__authority").filter(
        lead_officer=request.user
    )
    actions = mine.select_related("plan", "theme").prefetch_related("updates")
    plans = scoped(ImprovementPlan.objects.select_related("authority"), request.user)
    return JsonResponse(
        {
            "actions": [
                {**row(a), "updates": [u.reported_on for u in a.updates.all()]} for a in actions
            ],
            "plans": [[p.pk, p.title, p.authority.name] for p in plans],
            "authorities": list(authorities_for(request.user).values_list("pk", "name")),
            "groups": [label for _, label in core_views.GROUPS],
        }
    )


@login_required
def plan(request, pk):
    plan = get_scoped_or_404(ImprovementPlan.objects.all(), request.user, pk=pk)
    themes = summary.themes(plan)
    overdue, overdue_count = summary.overdue(plan, timezone.localdate())
    return JsonResponse(
        {
            "plan": plan.title,
            "themes": [
                [str(t), [row(a) for a in shown], counts, total]
                for t, shown, counts, total in themes
            ],
            "overdue": [row(a) for a in overdue],
            "overdue_count": overdue_count,
            "recommendations": [
                [r.number, r.text, [a.reference for a in shown], more]
                for r, shown, more in summary.recommendations(plan)
            ],
        }
    )


@login_required
def actions(request):
    queryset = filtered_actions(request).qs
    if request.GET.get("sort"):
        queryset = queryset.order_by(request.GET["sort"].replace("lead", "lead_officer__last_name"))
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    return JsonResponse({"count": page.paginator.count, "actions": [row(a) for a in page]})


@login_required
def export(request):
    actions = filtered_actions(request).qs.prefetch_related(latest_standing_update())
    return JsonResponse(
        {
            "actions": [
                [row(a), [(u.narrative, u.reported_on) for u in a.updates.all()]] for a in actions
            ]
        }
    )


@login_required
def action(request, pk):
    action = get_scoped_or_404(
        Action.objects.select_related("plan", "theme", "lead_officer").prefetch_related(
            "updates", "recommendations", "milestones"
        ),
        request.user,
        "plan__authority",
        pk=pk,
    )
    return JsonResponse(
        {
            **row(action),
            "updates": [[u.reported_on, u.rag, u.narrative] for u in action.updates.all()],
            "recommendations": [r.text for r in action.recommendations.all()],
            "milestones": [m.title for m in action.milestones.all()],
        }
    )
