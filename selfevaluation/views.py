"""Self-evaluation pages. Thin: access through selfevaluation.permissions, work in
selfevaluation.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from authorities.access import scoped_internal
from core.access import check, guarded, require, signed_in
from core.forms import NOTHING_CHANGED
from reports.clearance import AlreadyFinal, NotCleared, WrongState
from selfevaluation import services
from selfevaluation.forms import NewSelfEvaluationForm, ReturnToDraftForm, SelfEvaluationForm
from selfevaluation.models import SelfEvaluation
from selfevaluation.permissions import (
    may_clear,
    may_edit_self_evaluation,
    may_finalise,
    may_read_versions,
    may_return_to_draft,
    may_self_evaluate,
    may_start_self_evaluation,
    may_submit,
    readable_self_evaluations,
)

DETAIL = "selfevaluation:detail"


def get_evaluation_or_404(user, pk):
    """The self-evaluation, if the user may read it: committee members only once it is final,
    a partner agency's people never (the council's internal work)."""
    queryset = readable_self_evaluations(SelfEvaluation.objects.with_context(), user)
    return get_object_or_404(scoped_internal(queryset, user), pk=pk)


def get_evaluation_to_change(request, pk):
    """The self-evaluation, if the view's rule allows: 404 to whoever may not read it (a
    committee member and a draft), 403 to a role that may read it but not do this."""
    evaluation = get_evaluation_or_404(request.user, pk)
    require(request, evaluation)
    return evaluation


def state_refused(request, evaluation, only):
    messages.error(
        request,
        f"“{evaluation}” is {evaluation.get_status_display().lower()}: only a self-evaluation "
        f"that is {only}.",
    )
    return redirect(DETAIL, pk=evaluation.pk)


@login_required
@guarded(signed_in)
def evaluation_list(request):
    readable = readable_self_evaluations(SelfEvaluation.objects.with_context(), request.user)
    evaluations = scoped_internal(readable, request.user)
    return render(request, "selfevaluation/selfevaluation_list.html", {"evaluations": evaluations})


@login_required
@guarded(may_start_self_evaluation)
def evaluation_create(request):
    form = NewSelfEvaluationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        check(may_self_evaluate, request.user, form.cleaned_data["authority"])
        evaluation = services.start(request.user, **form.cleaned_data)
        messages.success(request, "The self-evaluation is started: its facts are drafted.")
        return redirect(DETAIL, pk=evaluation.pk)
    return render(request, "selfevaluation/selfevaluation_new.html", {"form": form})


@login_required
@guarded(signed_in)
def evaluation_detail(request, pk):
    evaluation = get_evaluation_or_404(request.user, pk)
    context = {"object": evaluation, "report": services.content_of(evaluation)}
    return render(request, "selfevaluation/selfevaluation_detail.html", context)


@login_required
@guarded(may_edit_self_evaluation)
def evaluation_edit(request, pk):
    evaluation = get_evaluation_to_change(request, pk)
    if not evaluation.is_draft:
        return state_refused(request, evaluation, "a draft can be changed")
    form = SelfEvaluationForm(request.POST or None, instance=evaluation)
    if request.method == "POST" and form.is_valid():
        if not form.has_changed():
            messages.info(request, NOTHING_CHANGED)
            return redirect(DETAIL, pk=evaluation.pk)
        try:
            saved = services.edit(
                evaluation, request.user, form.cleaned_data["version"], form.changes()
            )
        except services.EditConflict as error:
            form = conflicted(request, error.current)
        except services.NotDraft as error:
            messages.error(request, str(error))
            return redirect(DETAIL, pk=evaluation.pk)
        else:
            redrafted = saved.as_at != form.initial.get("as_at")
            messages.success(request, saved_message(redrafted))
            return redirect(DETAIL, pk=evaluation.pk)
    context = {"form": form, "object": evaluation}
    return render(request, "selfevaluation/selfevaluation_form.html", context)


def conflicted(request, current):
    """The form as the user sent it, against the version saved meanwhile: sent again, it is
    saved over that version, a choice made knowingly."""
    data = request.POST.copy()
    data["version"] = str(current.version)
    form = SelfEvaluationForm(data, instance=current)
    form.is_valid()
    form.add_error(
        None,
        f"Someone saved this self-evaluation (version {current.version}) since you opened it, "
        "so your changes were not saved. Check the page as it is now, then save again to "
        "replace that version with yours.",
    )
    return form


def saved_message(redrafted):
    if redrafted:
        return "Saved. The facts were drafted again as at the new date; your words are kept."
    return "The self-evaluation has been saved."


@login_required
@require_POST
@guarded(may_edit_self_evaluation)
def evaluation_redraft(request, pk):
    evaluation = get_evaluation_to_change(request, pk)
    try:
        services.redraft(evaluation, request.user)
        messages.success(
            request, "The facts were drafted again from the data; your words are kept."
        )
    except services.NotDraft as error:
        messages.error(request, str(error))
    return redirect(DETAIL, pk=evaluation.pk)


@login_required
@require_POST
@guarded(may_submit)
def evaluation_submit(request, pk):
    return clearance_step(
        request, pk, services.submit, "The self-evaluation has been submitted for clearance."
    )


@login_required
@guarded(may_clear)
def evaluation_clear(request, pk):
    """GET: what clearing means, with the button; POST: clear it."""
    if request.method == "POST":
        return clearance_step(
            request, pk, services.clear, "The self-evaluation is cleared: it can be finalised."
        )
    evaluation = get_evaluation_to_change(request, pk)
    if evaluation.status != evaluation.Status.SUBMITTED:
        return state_refused(request, evaluation, "submitted for clearance can be cleared")
    return render(request, "selfevaluation/selfevaluation_clear.html", {"object": evaluation})


@login_required
@guarded(may_return_to_draft)
def evaluation_return(request, pk):
    """GET: why it goes back to draft; POST: send it back, with the reason."""
    evaluation = get_evaluation_to_change(request, pk)
    if evaluation.status not in (evaluation.Status.SUBMITTED, evaluation.Status.CLEARED):
        return state_refused(
            request, evaluation, "submitted for clearance or cleared can be sent back to draft"
        )
    form = ReturnToDraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.return_to_draft(evaluation, request.user, form.cleaned_data["reason"])
            messages.success(request, "The self-evaluation is a draft again: it can be edited.")
        except WrongState as error:
            messages.error(request, str(error))
        return redirect(DETAIL, pk=evaluation.pk)
    context = {"object": evaluation, "form": form}
    return render(request, "selfevaluation/selfevaluation_return.html", context)


@login_required
@guarded(may_finalise)
def evaluation_finalise(request, pk):
    """GET: what finalising means, with the button; POST: freeze it."""
    evaluation = get_evaluation_to_change(request, pk)
    if evaluation.status != evaluation.Status.CLEARED:
        return state_refused(request, evaluation, "cleared can be finalised")
    if request.method != "POST":
        return render(
            request, "selfevaluation/selfevaluation_finalise.html", {"object": evaluation}
        )
    try:
        services.finalise(evaluation, request.user)
        messages.success(
            request, "The self-evaluation is final: it will read the same from now on."
        )
    except (AlreadyFinal, NotCleared) as error:
        messages.error(request, str(error))
    return redirect(DETAIL, pk=evaluation.pk)


def clearance_step(request, pk, step, done):
    evaluation = get_evaluation_to_change(request, pk)
    try:
        step(evaluation, request.user)
        messages.success(request, done)
    except WrongState as error:
        messages.error(request, str(error))
    return redirect(DETAIL, pk=evaluation.pk)


@login_required
@guarded(may_read_versions)
def evaluation_versions(request, pk):
    evaluation = get_evaluation_to_change(request, pk)
    context = {"object": evaluation, "versions": services.versions(evaluation)}
    return render(request, "selfevaluation/selfevaluation_versions.html", context)


@login_required
@guarded(may_read_versions)
def evaluation_version(request, pk, history_id):
    evaluation = get_evaluation_to_change(request, pk)
    found = {v.history_id: v for v in services.versions(evaluation)}
    if history_id not in found:
        raise Http404("No such version of this self-evaluation.")
    context = {
        "object": evaluation,
        "version": found[history_id],
        "count": len(found),
        "report": services.version_of(evaluation, history_id),
    }
    return render(request, "selfevaluation/selfevaluation_version.html", context)


PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def download(evaluation, render, content_type, extension, pack=False):
    response = HttpResponse(render(evaluation, pack=pack), content_type=content_type)
    name = services.file_name(evaluation, extension, pack=pack)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@guarded(signed_in)
def evaluation_pdf(request, pk):
    evaluation = get_evaluation_or_404(request.user, pk)
    return download(evaluation, services.render_pdf, PDF, "pdf")


@login_required
@guarded(signed_in)
def evaluation_docx(request, pk):
    evaluation = get_evaluation_or_404(request.user, pk)
    return download(evaluation, services.render_word, DOCX, "docx")


@login_required
@guarded(signed_in)
def pack_pdf(request, pk):
    evaluation = get_evaluation_or_404(request.user, pk)
    return download(evaluation, services.render_pdf, PDF, "pdf", pack=True)


@login_required
@guarded(signed_in)
def pack_docx(request, pk):
    evaluation = get_evaluation_or_404(request.user, pk)
    return download(evaluation, services.render_word, DOCX, "docx", pack=True)
