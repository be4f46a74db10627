"""The actions list's bulk update: one form, many actions, each changed as if one by one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from authorities.access import scoped
from core.access import guarded, require
from improvement import bulk, services
from improvement.building_forms import BulkUpdateForm
from improvement.models import Action
from improvement.permissions import may_edit_many_actions


def selected_actions(request):
    """The ticked actions of the user's authorities, with the version each row showed."""
    pks = [pk for pk in request.POST.getlist("action") if pk.isdecimal()]
    actions = scoped(Action.objects.filter(pk__in=pks), request.user, "plan__authority")
    actions = list(actions.select_related("plan__authority", "lead_officer"))
    if len(actions) != len(set(pks)):
        raise Http404("An action ticked is not one of your authority's.")
    return actions


def back_to_list(request):
    """The actions list as it was filtered, sorted and paged when the change was asked for."""
    query = QueryDict(request.POST.get("query", "")).urlencode()
    url = reverse("improvement:actions")
    return redirect(f"{url}?{query}" if query else url)


@login_required
@require_POST
@guarded(may_edit_many_actions)
def bulk_update(request):
    actions = selected_actions(request)
    require(request, actions)
    if not actions:
        messages.error(request, "Tick at least one action to change.")
        return back_to_list(request)
    authority_ids = {a.plan.authority_id for a in actions}
    form = BulkUpdateForm(request.POST, authority_ids=authority_ids)
    versions = {a.pk: request.POST.get(f"version-{a.pk}", a.version) for a in actions}
    if form.is_valid():
        try:
            count = bulk.bulk_update(versions, request.user, **form.cleaned_data)
        except services.EditConflict as conflict:
            form.add_error(
                None,
                f"{conflict.current.reference} was changed by someone else since the list was "
                "read. Nothing was saved; reload the list and try again.",
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{count} action{'s' if count != 1 else ''} changed.")
            return back_to_list(request)
    query = QueryDict(request.POST.get("query", "")).urlencode()
    context = {"form": form, "actions": actions, "versions": versions, "query": query}
    return render(request, "improvement/building/bulk_form.html", context)
