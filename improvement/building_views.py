"""Pages where managers build a plan: the plan, its scope, themes, actions, links and order."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from authorities.access import get_scoped_or_404, managed_by
from authorities.models import LocalAuthority
from core.access import guarded, require
from core.forms import NOTHING_CHANGED
from improvement import building, services
from improvement.building_forms import (
    MilestoneEditForm,
    MilestoneForm,
    NewActionForm,
    PlanEditForm,
    PlanForm,
    ScopeForm,
    ThemeEditForm,
    ThemeForm,
)
from improvement.models import Action, ImprovementPlan, Milestone, Theme
from improvement.permissions import may_edit_plan, may_start_plan
from inspections.models import Inspection, Recommendation

PLAN_FIELDS = ("title", "summary", "starts_on", "ends_on", "update_cycle_weeks")


def editable_plan(request, pk):
    plan = get_scoped_or_404(
        ImprovementPlan.objects.select_related("authority"), request.user, pk=pk
    )
    require(request, plan)
    return plan


def editable_theme(request, pk):
    theme = get_scoped_or_404(
        Theme.objects.select_related("plan__authority"), request.user, "plan__authority", pk=pk
    )
    require(request, theme.plan)
    return theme


def editable_action(request, pk):
    action = get_scoped_or_404(
        Action.objects.select_related("plan__authority", "theme"),
        request.user,
        "plan__authority",
        pk=pk,
    )
    require(request, action.plan)
    return action


def to_build(plan, anchor=""):
    """The builder; at `anchor` (a moved row's id) so that the page keeps its place."""
    url = reverse("improvement:plan_build", args=[plan.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


def saved(request, form, save):
    """Run a service with the form's data; its refusal is shown on the form, nothing saved."""
    try:
        return save(form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return None


def initial_of(row, names):
    """An edit form's starting values, with the fingerprint that guards them (`seen`)."""
    return {
        **{name: getattr(row, name) for name in names},
        "seen": building.fingerprint(row, names),
    }


def edit_response(request, form, save, what, back, again):
    """Where an edit form's POST leads: saved unchanged or saved, `back`; refused because someone
    else saved first, `again` (the page afresh); otherwise None, to show the form (with any
    refusal on it). A GET is None too."""
    if request.method != "POST" or not form.is_valid():
        return None
    if not form.has_changed():
        messages.info(request, NOTHING_CHANGED)
        return back
    try:
        save(form.cleaned_data)
    except building.StaleEdit as stale:
        messages.error(request, stale.message)
        return again
    except ValidationError as error:
        form.add_error(None, error)
        return None
    messages.success(request, f"The {what} was saved.")
    return back


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_start_plan)
def plan_create(request):
    require(request)
    authorities = LocalAuthority.objects.filter(pk__in=managed_by(request.user)).order_by("name")
    initial = {"authority": request.GET.get("authority")}
    form = PlanForm(request.POST or None, initial=initial, authorities=authorities)
    if request.method == "POST" and form.is_valid():
        plan = saved(request, form, lambda d: building.create_plan(**d))
        if plan:
            messages.success(request, "The plan was created. Now choose what it answers.")
            return redirect("improvement:plan_scope", pk=plan.pk)
    return render(request, "improvement/building/plan_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_plan)
def plan_edit(request, pk):
    plan = editable_plan(request, pk)
    form = PlanEditForm(
        request.POST or None, initial=initial_of(plan, PLAN_FIELDS), authorities=None
    )
    del form.fields["authority"]
    again = redirect("improvement:plan_edit", pk=plan.pk)
    return edit_response(
        request, form, lambda d: building.edit_plan(plan, **d), "plan", to_build(plan), again
    ) or render(request, "improvement/building/plan_form.html", {"form": form, "plan": plan})


@login_required
@guarded(may_edit_plan)
def plan_build(request, pk):
    plan = editable_plan(request, pk)
    actions = Action.objects.select_related("lead_officer").prefetch_related(
        "recommendations", "milestones"
    )
    themes = Theme.objects.filter(plan=plan).prefetch_related(Prefetch("actions", actions))
    context = {
        "plan": plan,
        "directions": [(building.UP, "Move up"), (building.DOWN, "Move down")],
        "themes": themes,
        "unthemed": actions.filter(plan=plan, theme=None),
        "scope": building.recommendations_in_scope(plan),
        "inspections": plan.inspections.all(),
    }
    return render(request, "improvement/building/plan_build.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_plan)
def plan_scope(request, pk):
    plan = editable_plan(request, pk)
    inspections = Inspection.objects.filter(authority=plan.authority).order_by("-started_on")
    recommendations = Recommendation.objects.filter(inspection__in=inspections)
    initial = {"inspections": plan.inspections.all(), "recommendations": plan.recommendations.all()}
    form = ScopeForm(
        request.POST or None,
        initial=initial,
        inspections=inspections,
        recommendations=recommendations,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if saved(
            request,
            form,
            lambda d: building.set_scope(plan, d["inspections"], d["recommendations"]),
        ):
            count = len(data["recommendations"])
            messages.success(request, f"The plan answers {count} recommendation{pluralize(count)}.")
            return to_build(plan)
    chosen = {str(v) for v in (form["recommendations"].value() or [])}
    chosen_inspections = {str(v) for v in (form["inspections"].value() or [])}
    groups = [
        (
            i,
            str(i.pk) in chosen_inspections,
            [(r, str(r.pk) in chosen) for r in i.recommendations.order_by("number")],
        )
        for i in inspections
    ]
    context = {"plan": plan, "form": form, "groups": groups}
    return render(request, "improvement/building/plan_scope.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_plan)
def theme_add(request, pk):
    plan = editable_plan(request, pk)
    form = ThemeForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and saved(request, form, lambda d: building.add_theme(plan, **d))
    ):
        messages.success(request, "The theme was added.")
        return to_build(plan)
    return render(request, "improvement/building/theme_form.html", {"form": form, "plan": plan})


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_plan)
def theme_edit(request, pk):
    theme = editable_theme(request, pk)
    form = ThemeEditForm(request.POST or None, initial=initial_of(theme, building.THEME_FIELDS))
    again = redirect("improvement:theme_edit", pk=theme.pk)
    context = {"form": form, "plan": theme.plan, "theme": theme}
    return edit_response(
        request,
        form,
        lambda d: building.edit_theme(theme, **d),
        "theme",
        to_build(theme.plan),
        again,
    ) or render(request, "improvement/building/theme_form.html", context)


@login_required
@require_POST
@guarded(may_edit_plan)
def theme_move(request, pk):
    theme = editable_theme(request, pk)
    building.move_theme(theme, request.POST.get("direction"))
    return to_build(theme.plan, f"theme-{theme.pk}")


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_plan)
def action_add(request, pk):
    plan = editable_plan(request, pk)
    form = NewActionForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        action = saved(request, form, lambda d: building.add_action(plan, **d))
        if action:
            messages.success(request, f"Action {action.reference} was added.")
            return redirect("improvement:action_recommendations", pk=action.pk)
    return render(request, "improvement/building/action_form.html", {"form": form, "plan": plan})


@login_required
@require_POST
@guarded(may_edit_plan)
def action_move(request, pk):
    action = editable_action(request, pk)
    building.move_action(action, request.POST.get("direction"))
    return to_build(action.plan, f"action-{action.pk}")


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_plan)
def action_recommendations(request, pk):
    """Search the plan's scope by number or words, and tick what the action answers.

    A search is posted with the ticks, so what was ticked or unticked before it is kept (as
    `carried`) and saved with what the search then shows."""
    action = editable_action(request, pk)
    plan = action.plan
    conflict = None
    searching = request.method == "POST" and "search" in request.POST
    if request.method == "POST" and not searching:
        shown = building.recommendations_of(plan.authority_id, request.POST.getlist("shown"))
        chosen = [r for r in shown if str(r.pk) in request.POST.getlist("recommendations")]
        try:
            building.link_recommendations(action.pk, request.POST.get("version", 0), shown, chosen)
        except services.EditConflict:
            conflict = "Someone changed this action while you were choosing; nothing was saved."
        except ValidationError as error:
            conflict = " ".join(error.messages)
        else:
            messages.success(request, f"Action {action.reference}'s recommendations were saved.")
            return to_build(plan, f"action-{action.pk}")
    query = (request.POST if searching else request.GET).get("q", "")
    if request.POST.get("search") == "all":
        query = ""
    decided = ticks_posted(request) if searching else {}
    linked = set(action.recommendations.values_list("pk", flat=True))
    found = list(building.recommendations_in_scope(plan, query))
    rows = [(r, decided.get(r.pk, r.pk in linked)) for r in found]
    on_page = {r.pk for r in found}
    carried = [(pk, chosen) for pk, chosen in decided.items() if pk not in on_page]
    if not searching:
        action.refresh_from_db(fields=["version"])
    context = {
        "action": action,
        "plan": plan,
        "rows": rows,
        "carried": carried,
        "query": query,
        "conflict": conflict,
        "version": request.POST.get("version") if searching else action.version,
    }
    return render(request, "improvement/building/action_recommendations.html", context)


def ticks_posted(request):
    """{recommendation pk: ticked} for every recommendation the posted form showed or carried."""
    ticked = set(request.POST.getlist("recommendations"))
    return {int(pk): pk in ticked for pk in request.POST.getlist("shown") if pk.isdecimal()}


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_plan)
def milestone_add(request, pk):
    action = editable_action(request, pk)
    form = MilestoneForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and saved(request, form, lambda d: building.add_milestone(action, **d))
    ):
        messages.success(request, "The milestone was added.")
        return to_build(action.plan)
    context = {"form": form, "action": action, "plan": action.plan}
    return render(request, "improvement/building/milestone_form.html", context)


def editable_milestone(request, pk):
    milestone = get_scoped_or_404(
        Milestone.objects.select_related("action__plan__authority"),
        request.user,
        "action__plan__authority",
        pk=pk,
    )
    require(request, milestone.action.plan)
    return milestone


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_plan)
def milestone_edit(request, pk):
    milestone = editable_milestone(request, pk)
    action = milestone.action
    initial = initial_of(milestone, building.MILESTONE_FIELDS)
    form = MilestoneEditForm(request.POST or None, initial=initial)
    again = redirect("improvement:milestone_edit", pk=milestone.pk)
    context = {"form": form, "action": action, "plan": action.plan, "milestone": milestone}
    return edit_response(
        request,
        form,
        lambda d: building.edit_milestone(milestone, **d),
        "milestone",
        to_build(action.plan),
        again,
    ) or render(request, "improvement/building/milestone_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_plan)
def milestone_delete(request, pk):
    milestone = editable_milestone(request, pk)
    plan = milestone.action.plan
    if request.method == "POST":
        building.delete_milestone(milestone)
        messages.success(request, f"The milestone “{milestone.title}” was deleted.")
        return to_build(plan)
    context = {"milestone": milestone, "action": milestone.action, "plan": plan}
    return render(request, "improvement/building/milestone_delete.html", context)
