"""An authority's indicators, one indicator's detail with its chart, the form for a council's own
figure."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from authorities.models import LocalAuthority
from core.access import UPDATERS, get_scoped_or_404, require_role
from indicators import charts, compare, services
from indicators.forms import LocalValueForm
from indicators.models import Indicator


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
def authority_indicators(request, authority_pk):
    authority = _authority(request, authority_pk)
    indicators = list(Indicator.objects.for_authority(authority))
    comparisons = compare.compare(authority, indicators)
    rows = [comparisons[i.pk] for i in indicators]
    return render(
        request, "indicators/indicator_list.html", {"authority": authority, "comparisons": rows}
    )


@login_required
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
def add_value(request, authority_pk, pk):
    # Officers, managers and admins record their authority's own figures; members only read.
    authority = _authority(request, authority_pk)
    require_role(request.user, authority.pk, UPDATERS)
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
