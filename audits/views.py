"""The audits of an authority: its results (filtered, downloaded), a result's page, the form that
records or corrects one, the summaries by month and theme, and the audit programme."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from audits import services, summary
from audits.columns import COLUMNS, row_of
from audits.filters import AuditResultFilter
from audits.forms import AuditResultForm, ProgrammeForm, SummaryForm
from audits.models import AuditProgramme, AuditResult
from audits.permissions import may_edit_audit, may_plan_audits, may_record_audit
from authorities.access import scoped_internal
from authorities.models import LocalAuthority
from core.access import guarded, require, signed_in
from core.exports import csv_response, xlsx_response
from improvement.building_views import edit_response

PER_PAGE = 50


# Audits are the council's internal work: a partner agency's people find none (404), as a
# stranger finds another authority's.


def authority_for(request, authority_pk):
    authorities = scoped_internal(LocalAuthority.objects.all(), request.user, "pk")
    return get_object_or_404(authorities, pk=authority_pk)


def result_for(request, pk):
    results = AuditResult.objects.select_related("authority", "recorded_by", "programme")
    return get_object_or_404(scoped_internal(results, request.user), pk=pk)


@login_required
@guarded(signed_in)
def audits_home(request):
    """The audits of the user's authority; with several, the choice of one."""
    authorities = list(
        scoped_internal(LocalAuthority.objects.all(), request.user, "pk").order_by("name")
    )
    if len(authorities) == 1:
        return redirect("audits:results", authority_pk=authorities[0].pk)
    return render(request, "audits/audits_home.html", {"authorities": authorities})


@login_required
@guarded(signed_in)
def results(request, authority_pk):
    authority = authority_for(request, authority_pk)
    found = AuditResultFilter(request.GET, authority=authority)
    rows = found.qs.order_by("-audited_on", "-pk") if found.is_valid() else found.queryset.none()
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"authority": authority, "filter": found, "page": page, "query": query.urlencode()}
    return render(request, "audits/result_list.html", context)


def export_rows(request, authority):
    found = AuditResultFilter(request.GET, authority=authority)
    rows = found.qs if found.is_valid() else found.queryset.none()
    rows = rows.select_related("recorded_by").prefetch_related("recommendations", "actions")
    return (row_of(result) for result in rows.order_by("audited_on", "pk"))


HEADINGS = [heading for _, heading in COLUMNS]


@login_required
@guarded(signed_in)
def results_csv(request, authority_pk):
    authority = authority_for(request, authority_pk)
    return csv_response("audits.csv", HEADINGS, export_rows(request, authority))


@login_required
@guarded(signed_in)
def results_xlsx(request, authority_pk):
    authority = authority_for(request, authority_pk)
    return xlsx_response("audits.xlsx", "Audits", HEADINGS, export_rows(request, authority))


@login_required
@guarded(signed_in)
def result_detail(request, pk):
    result = result_for(request, pk)
    context = {
        "result": result,
        "authority": result.authority,
        "recommendations": result.recommendations.select_related("inspection__framework"),
        "actions": result.actions.select_related("plan"),
    }
    return render(request, "audits/result_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_record_audit)
def result_add(request, authority_pk):
    authority = authority_for(request, authority_pk)
    require(request, authority)
    form = AuditResultForm(request.POST or None, authority=authority)
    if request.method == "POST" and form.is_valid():
        fields, ties = form.fields_and_ties()
        confirmed = form.any_concerns(form.cleaned_data)
        result = services.record_result(authority, fields, ties, request.user, confirmed)
        messages.success(request, "The audit result was recorded.")
        return redirect("audits:result-detail", pk=result.pk)
    return render(request, "audits/result_form.html", _form_context(form, authority))


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_edit_audit)
def result_edit(request, pk):
    result = result_for(request, pk)
    require(request, result)
    authority = result.authority
    form = AuditResultForm(request.POST or None, instance=result, authority=authority)
    back = redirect("audits:result-detail", pk=result.pk)

    def save(data):
        fields, ties = form.fields_and_ties()
        confirmed = form.any_concerns(data)
        services.edit_result(result.pk, data["version"], fields, ties, confirmed)

    context = _form_context(form, authority, result)
    again = redirect("audits:result-edit", pk=result.pk)
    done = edit_response(request, form, save, "audit result", back, again)
    return done or render(request, "audits/result_form.html", context)


def _form_context(form, authority, result=None):
    ticked = {
        name: {str(v) for v in (form[name].value() or [])}
        for name in ("recommendations", "actions")
    }
    groups = [
        (form[name], [(row, str(row.pk) in ticked[name]) for row in form.fields[name].queryset])
        for name in ("recommendations", "actions")
    ]
    return {"form": form, "authority": authority, "result": result, "groups": groups}


def _window(request, authority):
    """The summaries' twelve months: to the month asked for, else to the latest audit's."""
    latest = summary.default_end(authority)
    form = SummaryForm(request.GET or None, initial={"to": latest})
    asked = form.cleaned_data.get("to") if form.is_valid() else None
    return form, asked or latest


@login_required
@guarded(signed_in)
def result_summary(request, authority_pk):
    authority = authority_for(request, authority_pk)
    form, last = _window(request, authority)
    context = {"authority": authority, "form": form, "summary": summary.summarise(authority, last)}
    return render(request, "audits/summary.html", context)


@login_required
@guarded(signed_in)
def programme(request, authority_pk):
    authority = authority_for(request, authority_pk)
    form, last = _window(request, authority)
    rows = summary.programme_rows(authority, last)
    context = {"authority": authority, "form": form, "rows": rows, "last": last}
    return render(request, "audits/programme.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_plan_audits)
def programme_add(request, authority_pk):
    authority = authority_for(request, authority_pk)
    require(request, authority)
    form = ProgrammeForm(request.POST or None, authority=authority)
    if request.method == "POST" and form.is_valid():
        services.plan_audits(authority, form.values())
        messages.success(request, "The audits were added to the programme.")
        return redirect("audits:programme", authority_pk=authority.pk)
    return render(request, "audits/programme_form.html", {"form": form, "authority": authority})


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_plan_audits)
def programme_edit(request, authority_pk, pk):
    authority = authority_for(request, authority_pk)
    require(request, authority)
    row = get_object_or_404(AuditProgramme.objects.filter(authority=authority), pk=pk)
    form = ProgrammeForm(request.POST or None, instance=row, authority=authority)
    back = redirect("audits:programme", authority_pk=authority.pk)
    again = redirect("audits:programme-edit", authority_pk=authority.pk, pk=row.pk)

    def save(data):
        services.edit_programme_row(row.pk, data["version"], form.values())

    context = {"form": form, "authority": authority, "row": row}
    done = edit_response(request, form, save, "programme row", back, again)
    return done or render(request, "audits/programme_form.html", context)
