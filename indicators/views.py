"""An authority's indicators, one indicator's detail with its chart, the form for a council's own
figure; and for managers, which indicators measure a plan's themes and actions, and targets."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from authorities.access import get_scoped_or_404
from authorities.models import LocalAuthority
from core.access import guarded, require, signed_in
from improvement.building_views import edit_response
from improvement.models import ImprovementPlan
from indicators import charts, compare, report, services
from indicators.forms import LocalValueForm, TargetForm, TieForm
from indicators.models import Indicator, Target
from indicators.permissions import may_record_figure, may_set_target, may_tie_indicators


def _authority(request, authority_pk):
    return get_scoped_or_404(
        LocalAuthority.objects.select_related("region"),
        request.user,
        authority_field="pk",
        pk=authority_pk,
    )


def _indicator(authority, pk):
    return get_object_or_404(Indicator.objects.for_authority(authority), pk=pk)


@login_required
@guarded(signed_in)
def authority_indicators(request, authority_pk):
    authority = _authority(request, authority_pk)
    indicators = list(Indicator.objects.for_authority(authority))
    comparisons = compare.compare(authority, indicators)
    rows = [comparisons[i.pk] for i in indicators]
    return render(
        request, "indicators/indicator_list.html", {"authority": authority, "comparisons": rows}
    )


@login_required
@guarded(signed_in)
def indicator_detail(request, authority_pk, pk):
    authority = _authority(request, authority_pk)
    indicator = _indicator(authority, pk)
    neighbours = compare.neighbours_of(authority)
    comparison = compare.compare(authority, [indicator], neighbours)[indicator.pk]
    context = {
        "authority": authority,
        "indicator": indicator,
        "comparison": comparison,
        "neighbours": neighbours,
        "chart": charts.line_chart(
            comparison, authority.name, f"chart-{indicator.pk}", authority.region.name
        ),
    }
    return render(request, "indicators/indicator_detail.html", context)


@login_required
@guarded(may_record_figure)
def add_value(request, authority_pk, pk):
    authority = _authority(request, authority_pk)
    require(request, authority)
    indicator = _indicator(authority, pk)
    form = LocalValueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            figure, state = services.record_local_figure(
                indicator, authority, data["period_end"], data["value"], request.user
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, recorded(figure, state, indicator))
            return redirect("indicators:indicator-detail", authority.pk, indicator.pk)
    context = {"authority": authority, "indicator": indicator, "form": form}
    return render(request, "indicators/value_form.html", context)


def recorded(figure, state, indicator):
    shown = compare.show(figure, indicator.unit)
    if state == services.UNCHANGED:
        return f"{shown} for {figure.period} was already recorded: nothing was changed."
    return (
        f"Recorded {shown} for {figure.period} as {figure.authority.name}'s own figure "
        f"({compare.LOCAL}). Published figures are unchanged."
    )


def _add_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _editable_plan(request, plan_pk):
    plan = get_scoped_or_404(
        ImprovementPlan.objects.select_related("authority"), request.user, pk=plan_pk
    )
    require(request, plan)
    return plan


@login_required
@guarded(may_tie_indicators)
def plan_indicators(request, plan_pk):
    """The indicators a manager may tie to the plan, what each is tied to, and its target."""
    plan = _editable_plan(request, plan_pk)
    context = {"plan": plan, "rows": report.plan_ties(plan)}
    return render(request, "indicators/plan_indicators.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_tie_indicators)
def tie_indicator(request, plan_pk, pk):
    plan = _editable_plan(request, plan_pk)
    indicator = _indicator(plan.authority, pk)
    ties = services.ties_in(indicator, plan)
    initial = {**ties, "seen": services.ties_fingerprint(ties)}
    form = TieForm(request.POST or None, initial=initial, plan=plan)
    back = redirect("indicators:plan-indicators", plan.pk)
    again = redirect("indicators:tie-indicator", plan.pk, indicator.pk)

    def save(data):
        services.tie_to_plan(indicator, plan, data["themes"], data["actions"], seen=data["seen"])

    what = f"choice of what “{indicator.name}” measures"
    context = {"plan": plan, "indicator": indicator, "form": form}
    context["groups"] = [(form[name], _ticked(form, name)) for name in services.TIES]
    return edit_response(request, form, save, what, back, again) or render(
        request, "indicators/tie_form.html", context
    )


def _ticked(form, name):
    """[(row, ticked)] of a checkbox field, as the form shows it (initial or posted)."""
    ticked = {str(pk) for pk in form[name].value() or []}
    return [(row, str(row.pk) in ticked) for row in form.fields[name].queryset]


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_set_target)
def set_target(request, authority_pk, pk):
    authority = _authority(request, authority_pk)
    require(request, authority)
    indicator = _indicator(authority, pk)
    target = Target.objects.filter(indicator=indicator, authority=authority).first()
    form = TargetForm(request.POST or None, initial=_target_initial(target))
    back = _back_from_target(request, authority, indicator)
    again = redirect(request.get_full_path())

    def save(data):
        tolerance = data["tolerance"] if data["tolerance"] is not None else Decimal(0)
        services.set_target(indicator, authority, data["target"], tolerance, seen=data["seen"])

    context = {"authority": authority, "indicator": indicator, "form": form, "target": target}
    return edit_response(request, form, save, "target", back, again) or render(
        request, "indicators/target_form.html", context
    )


def _target_initial(target):
    def plain(number):
        return f"{number.normalize():f}" if number is not None else None

    shown = {"target": plain(target.target), "tolerance": plain(target.tolerance)} if target else {}
    return {**shown, "seen": services.target_fingerprint(target)}


def _back_from_target(request, authority, indicator):
    """To the plan's indicators when the target was set from there, else the indicator's page."""
    plan = request.GET.get("plan", "")
    if plan.isdecimal() and ImprovementPlan.objects.filter(pk=plan, authority=authority).exists():
        return redirect("indicators:plan-indicators", int(plan))
    return redirect("indicators:indicator-detail", authority.pk, indicator.pk)
