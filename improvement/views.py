"""The workspace's plan and action pages, the actions table and its exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig

from authorities.access import (
    first_or_404,
    get_scoped_or_404,
    managed_by,
    partner_organisation_id,
    roles_of,
    scoped,
)
from authorities.models import Organisation
from core.access import guarded, require, signed_in
from core.exports import csv_response, xlsx_response
from core.forms import NOTHING_CHANGED
from core.prepared import keep_related, prepared
from improvement import clocks, services, summary
from improvement.building_forms import BulkUpdateForm
from improvement.filters import ActionFilter
from improvement.forms import ActionForm, DueDateChangeForm, ProgressUpdateForm, RetractionForm
from improvement.history import action_changes
from improvement.models import (
    Action,
    DueDateChange,
    Evidence,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
)
from improvement.permissions import (
    may_change_due_date,
    may_edit_action,
    may_edit_many_actions,
    may_retract_update,
    may_see_evidence,
    may_update_action,
)
from improvement.state import action_state, action_states
from improvement.tables import EXPORT_COLUMNS, ActionTable, CountingPaginator
from inspections.models import Recommendation


def plan_page(request, pk):
    """What the plan page shows, gathered; bench/views.py serves the same as JSON."""
    plan = first_or_404(_plan(pk, list(roles_of(request.user))))
    themes = summary.themes(plan)
    today = timezone.localdate()
    overdue, overdue_count = summary.overdue(plan, today)
    missed, missed_count = summary.missed(plan, today)
    plan_clocks = clocks.plan_clocks(plan, today)
    return {
        "plan": plan,
        "themes": themes,
        "plan_counts": summary.plan_counts(themes),
        "recommendations": summary.recommendations(plan),
        "overdue": overdue,
        "overdue_count": overdue_count,
        "missed": missed,
        "missed_count": missed_count,
        "clocks": plan_clocks,
        "ofsted_due_on": clocks.plan_due_on(plan_clocks),
    }


@prepared
def _plan(pk, authority_ids):
    plans = ImprovementPlan.objects.select_related("authority").prefetch_related("inspections")
    return plans.filter(pk=pk, authority_id__in=authority_ids)


@login_required
@guarded(signed_in)
def plan_detail(request, pk):
    return render(request, "improvement/plan_detail.html", plan_page(request, pk))


def filtered_actions(request):
    queryset = scoped(Action.objects.all(), request.user, "plan__authority").select_related(
        "plan", "theme", "lead_officer"
    )
    return ActionFilter(request.GET or None, queryset=queryset, user=request.user)


def actions_page(request):
    """What the actions table shows, gathered (the filter's choices are read when shown)."""
    action_filter = filtered_actions(request)
    editing = may_edit_many_actions(request.user)
    shown = action_filter.qs.only(*ActionTable.READ)
    table = ActionTable(shown, exclude=() if editing else ("select",))
    RequestConfig(
        request, paginate={"per_page": 25, "paginator_class": CountingPaginator}
    ).configure(table)
    context = {"filter": action_filter, "table": table, "query": request.GET.urlencode()}
    if editing:
        context["bulk_form"] = BulkUpdateForm(authority_ids=managed_by(request.user))
    return context


@login_required
@guarded(signed_in)
def action_list(request):
    return render(request, "improvement/action_list.html", actions_page(request))


def export_rows(request):
    for state in action_states(filtered_actions(request).qs):
        yield [value(state) for _, value in EXPORT_COLUMNS]


@login_required
@guarded(signed_in)
def action_list_csv(request):
    headings = [heading for heading, _ in EXPORT_COLUMNS]
    return csv_response("actions.csv", headings, export_rows(request))


@login_required
@guarded(signed_in)
def action_list_xlsx(request):
    headings = [heading for heading, _ in EXPORT_COLUMNS]
    return xlsx_response("actions.xlsx", "Actions", headings, export_rows(request))


def action_for(request, pk):
    return get_scoped_or_404(
        Action.objects.select_related("plan__authority", "theme", "lead_officer"),
        request.user,
        "plan__authority",
        pk=pk,
    )


def action_page(request, pk):
    """What the action page shows, gathered; bench/views.py serves the same as JSON."""
    action = first_or_404(_action(pk, list(roles_of(request.user))))
    keep_related(action, "milestones", _milestones(action.pk))
    keep_related(action, "partner_organisations", _partner_organisations(action.pk))
    keep_related(action, "recommendations", _recommendations(action.pk))
    updates = _updates(action.pk)
    evidence = {}
    for item in _evidence(action.pk):
        evidence.setdefault(item.update_id, []).append(item)
    for update in updates:
        keep_related(update, "evidence", evidence.get(update.pk, []))
    keep_related(action, "updates", updates)
    action.due_date_history = _due_date_changes(action.pk)
    state = action_state(action, updates=False)  # the page lists every update itself
    return {
        "action": action,
        "state": state,
        "missed": {m.pk for m in action.milestones.all() if m.missed_on(state.as_at)},
        "updates": updates,
        "retractable": {u.pk for u in updates if may_retract_update(request.user, u)},
        "changes": action_changes(action),
    }


# The action page's queries, each compiled once per process (core.prepared).


@prepared
def _action(pk, authority_ids):
    actions = Action.objects.select_related("plan__authority", "theme", "lead_officer")
    return actions.filter(pk=pk, plan__authority_id__in=authority_ids)


@prepared
def _milestones(action_id):
    return Milestone.objects.filter(action_id=action_id)


@prepared
def _partner_organisations(action_id):
    return Organisation.objects.filter(actions=action_id)


@prepared
def _recommendations(action_id):
    return Recommendation.objects.filter(actions=action_id).select_related("inspection")


@prepared
def _updates(action_id):
    return ProgressUpdate.objects.filter(action_id=action_id).select_related(
        "author", "retracted_by", "organisation"
    )


@prepared
def _evidence(action_id):
    return Evidence.objects.filter(update__action_id=action_id).order_by("pk")


@prepared
def _due_date_changes(action_id):
    return DueDateChange.objects.filter(action_id=action_id)


@login_required
@guarded(signed_in)
def action_detail(request, pk):
    return render(request, "improvement/action_detail.html", action_page(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_update_action)
def add_update(request, pk):
    action = action_for(request, pk)
    require(request, action)
    form = ProgressUpdateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_progress_update(
                action,
                request.user,
                data["rag"],
                data["narrative"],
                reported_on=data.get("reported_on"),
                evidence=form.evidence(),
                submission=data.get("submission"),
            )
        except services.AlreadyAdded as added:
            messages.info(request, f"{added} It is recorded once, as below.")
            return redirect("improvement:action", pk=action.pk)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your progress update was added.")
            return redirect("improvement:action", pk=action.pk)
    if form.is_bound:
        form.ask_for_the_file_again()
    # The officer writes on from where the standing update left off.
    context = {
        "action": action,
        "form": form,
        "state": action_state(action),
        "writing_for": writing_for(request.user, action),
    }
    return render(request, "improvement/update_form.html", context)


def writing_for(user, action):
    """The partner organisation a partner's update is marked as from, or None."""
    organisation_id = partner_organisation_id(user, action.plan.authority_id)
    return Organisation.objects.filter(pk=organisation_id).first() if organisation_id else None


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_change_due_date)
def change_due_date(request, pk):
    action = action_for(request, pk)
    require(request, action)
    form = DueDateChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            services.change_due_date(
                action, data["new_due_on"], data["reason"], request.user, data["seen_due_on"]
            )
        except ValidationError as error:
            form.add_error(None, error)
            # Show the due date as it stands now; submitting again is then a deliberate choice.
            action.refresh_from_db(fields=["due_on"])
        else:
            messages.success(request, "The due date was changed and the reason recorded.")
            return redirect("improvement:action", pk=action.pk)
    return render(request, "improvement/due_date_form.html", {"action": action, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_action)
def edit_action(request, pk):
    action = action_for(request, pk)
    require(request, action)
    form = ActionForm(request.POST or None, instance=action)
    conflict = None
    if request.method == "POST" and form.is_valid() and not form.has_changed():
        messages.info(request, NOTHING_CHANGED)
        return redirect("improvement:action", pk=action.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_action(action.pk, form.cleaned_data["version"], form.changes())
        except services.EditConflict as error:
            conflict = error
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The action was saved.")
            return redirect("improvement:action", pk=action.pk)
    context = {"action": action, "form": form, "conflict": conflict}
    return render(request, "improvement/action_form.html", context)


@login_required
@guarded(may_see_evidence)
def evidence_file(request, pk):
    """Evidence is served only through here, to users of the action's authority (a partner's
    only if their organisation is a partner on the action: 403 otherwise)."""
    evidence = get_scoped_or_404(
        Evidence.objects.select_related("update__action__plan"),
        request.user,
        "update__action__plan__authority",
        pk=pk,
    )
    require(request, evidence.update.action)
    if evidence.file:
        try:
            return FileResponse(evidence.file.open("rb"), as_attachment=True)
        except FileNotFoundError as error:
            raise Http404("The evidence file is missing.") from error
    return HttpResponseRedirect(evidence.link)


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_retract_update)
def retract_update(request, pk):
    """The author or a manager strikes out a wrong update, giving the reason."""
    update = get_scoped_or_404(
        ProgressUpdate.objects.select_related("action__plan", "author"),
        request.user,
        "action__plan__authority",
        pk=pk,
    )
    require(request, update)
    form = RetractionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.retract_progress_update(update, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "The update was retracted; it stays on the record.")
        return redirect("improvement:action", pk=update.action_id)
    return render(request, "improvement/retract_form.html", {"update": update, "form": form})
