"""What a person may list, as the pages scope it (authorities.access): every queryset starts from
the user's authorities, and a filter naming another authority's row is a 404, as its page is.
"""

from authorities.access import get_scoped_or_404, roles_of, scoped
from authorities.models import LocalAuthority
from improvement.models import Action, ImprovementPlan
from inspections.models import Inspection


def authority_of(user, pk):
    authorities = LocalAuthority.objects.select_related("region")
    return get_scoped_or_404(authorities, user, authority_field="pk", pk=pk)


def plan_of(user, pk):
    return get_scoped_or_404(ImprovementPlan.objects.all(), user, pk=pk)


def action_of(user, pk):
    return get_scoped_or_404(Action.objects.all(), user, "plan__authority", pk=pk)


def inspection_of(user, pk):
    return get_scoped_or_404(Inspection.objects.all(), user, pk=pk)


FINDERS = {
    "authority": authority_of,
    "plan": plan_of,
    "action": action_of,
    "inspection": inspection_of,
}


def authorities(user, authority=None):
    """The user's authorities, or the one asked for (404 if not theirs)."""
    if authority is not None:
        return [authority_of(user, authority)]
    ids = list(roles_of(user))
    return list(LocalAuthority.objects.filter(pk__in=ids).select_related("region").order_by("pk"))


def narrowed(queryset, user, authority_path, **asked):
    """The queryset scoped to the user's authorities through `authority_path` (the row's way to
    its authority, such as "action__plan__authority"), then to each row asked for: `asked` maps a
    field of the row to the id given (None where not given), action__plan=3 for a plan's."""
    queryset = scoped(queryset, user, authority_path)
    for field, pk in asked.items():
        if pk is not None:
            kind = field.rsplit("__", 1)[-1]
            queryset = queryset.filter(**{field: FINDERS[kind](user, pk)})
    return queryset
