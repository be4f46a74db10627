"""The readiness page of a plan, and the pages that add, change and remove its evidence of
impact (managers and admins: readiness/permissions.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from authorities.access import get_scoped_or_404, scoped_internal
from core.access import guarded, require, signed_in
from core.forms import NOTHING_CHANGED
from improvement import building
from improvement.models import ImprovementPlan
from readiness import chain, services
from readiness.forms import FORMS
from readiness.models import ImpactEvidence
from readiness.permissions import may_change_evidence, may_tie_evidence

# How much the page lists of a plan of thousands of actions: the first actions of each
# recommendation and its first gaps, the first gaps of each kind in the summary, each with how
# many more there are.
ACTIONS_SHOWN = 10
GAPS_SHOWN = 5
SUMMARY_SHOWN = 20


def first(rows, limit):
    """(the first `limit` rows, how many more there are)."""
    return rows[:limit], max(len(rows) - limit, 0)


def readiness_page(request, pk):
    """What the readiness page shows, gathered: the plan's chain as at today, and the rows of it
    the page lists."""
    # Internal work (audits, evidence): a partner of the authority finds no such page.
    plans = ImprovementPlan.objects.select_related("authority__region")
    plan = get_object_or_404(scoped_internal(plans, request.user), pk=pk)
    readiness = chain.chain_of(plan, timezone.localdate())
    summary = [
        (heading, len(found), *first(found, SUMMARY_SHOWN))
        for _, heading, found in readiness.gaps_by_kind()
    ]
    links = [
        (link, *first(link.actions, ACTIONS_SHOWN), *first(link.gaps, GAPS_SHOWN))
        for link in readiness.recommendations
    ]
    context = {"plan": plan, "readiness": readiness, "summary": summary, "links": links}
    return context | {"actions_shown": ACTIONS_SHOWN}


@login_required
@guarded(signed_in)
def plan_readiness(request, pk):
    return render(request, "readiness/plan_readiness.html", readiness_page(request, pk))


def to_readiness(plan, anchor="evidence"):
    return redirect(f"{reverse('readiness:plan', args=[plan.pk])}#{anchor}")


def add_errors(form, error):
    """A service's refusal on the form: beside the field it names, where the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_page(request, form, plan, evidence=None):
    form.ask_for_the_file_again()
    context = {"form": form, "plan": plan, "evidence": evidence, "kind": form.kind}
    return render(request, "readiness/evidence_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_tie_evidence)
def add_evidence(request, pk, kind):
    plan = get_scoped_or_404(
        ImprovementPlan.objects.select_related("authority"), request.user, pk=pk
    )
    require(request, plan)
    if kind not in FORMS:
        raise Http404("No such kind of evidence.")
    form = FORMS[kind](request.POST or None, request.FILES or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_evidence(
                plan,
                request.user,
                shows=form.cleaned_data["shows"],
                **form.ties(),
                **form.source(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "The evidence of impact was added.")
            return to_readiness(plan)
    return form_page(request, form, plan)


def evidence_for(request, pk):
    """The evidence, of the user's authorities (404 otherwise), if the view's rule allows it."""
    evidence = get_scoped_or_404(
        ImpactEvidence.objects.select_related("plan__authority", "audit", "indicator"),
        request.user,
        "plan__authority",
        pk=pk,
    )
    require(request, evidence)
    return evidence


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_change_evidence)
def edit_evidence(request, pk):
    evidence = evidence_for(request, pk)
    plan = evidence.plan
    form = FORMS[evidence.kind](
        request.POST or None, request.FILES or None, plan=plan, evidence=evidence
    )
    if request.method == "POST" and form.is_valid():
        if not form.has_changed():
            messages.info(request, NOTHING_CHANGED)
            return to_readiness(plan)
        try:
            services.edit_evidence(
                evidence,
                seen=form.cleaned_data["seen"],
                shows=form.cleaned_data["shows"],
                **form.ties(),
                **form.source(),
            )
        except building.StaleEdit as stale:
            messages.error(request, stale.message)
            if not ImpactEvidence.objects.filter(pk=evidence.pk).exists():
                return to_readiness(plan)
            return redirect("readiness:edit-evidence", pk=evidence.pk)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "The evidence of impact was saved.")
            return to_readiness(plan)
    return form_page(request, form, plan, evidence)


@login_required
@require_http_methods(["GET", "POST"])
@guarded(may_change_evidence)
def remove_evidence(request, pk):
    evidence = evidence_for(request, pk)
    plan = evidence.plan
    if request.method == "POST":
        try:
            services.remove_evidence(evidence, seen=request.POST.get("seen", ""))
        except building.StaleEdit as stale:
            messages.error(request, stale.message)
        else:
            messages.success(request, "The evidence of impact was removed.")
        return to_readiness(plan)
    return render(request, "readiness/evidence_remove.html", {"evidence": evidence, "plan": plan})


@login_required
@guarded(signed_in)
def document(request, pk):
    """A document uploaded as evidence of impact, served to the council's own people of its
    authority only (not its partners)."""
    documents = scoped_internal(ImpactEvidence.objects.all(), request.user, "plan__authority")
    evidence = get_object_or_404(documents, pk=pk)
    if not evidence.file:
        raise Http404("This evidence has no file.")
    try:
        return FileResponse(evidence.file.open("rb"), as_attachment=True)
    except FileNotFoundError as error:
        raise Http404("The file is missing.") from error
