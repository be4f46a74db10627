"""Adding, changing and removing a plan's evidence of impact: each one transaction, recorded in
the history, refused with a message that says why.

What it is tied to must be of the plan: recommendations in its scope, its own actions, and at
least one of either. Its source must be the plan's authority's (ImpactEvidence.clean). A change
or a removal from a page shown before someone else saved is refused (improvement.building's
StaleEdit), not written over theirs.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from improvement import building
from readiness.models import ImpactEvidence

SOURCE_FIELDS = ("audit", "indicator", "update_evidence", "title", "file", "link")
GONE = "Someone else removed this evidence meanwhile, so nothing was saved."
TIED_TO_NOTHING = "Tie the evidence to at least one recommendation or action it speaks to."


def check_ties(plan, recommendations, actions):
    """The recommendations must be in the plan's scope and the actions the plan's own."""
    if not recommendations and not actions:
        raise ValidationError(TIED_TO_NOTHING)
    in_scope = set(plan.recommendations.values_list("pk", flat=True))
    outside = [r for r in recommendations if r.pk not in in_scope]
    if outside:
        numbers = ", ".join(str(r.number) for r in outside)
        raise ValidationError(
            {"recommendations": f"Recommendation {numbers} is not in this plan's scope."}
        )
    others = [a for a in actions if a.plan_id != plan.pk]
    if others:
        references = ", ".join(a.reference for a in others)
        raise ValidationError({"actions": f"Action {references} is not one of this plan's."})


@transaction.atomic
def add_evidence(plan, by, *, shows, recommendations, actions, **source):
    """A new piece of evidence of impact; `source` is one of SOURCE_FIELDS (a document's title
    with its file or link)."""
    check_ties(plan, recommendations, actions)
    evidence = ImpactEvidence(plan=plan, added_by=by, shows=shows.strip(), **source)
    evidence.full_clean()
    evidence.save()
    evidence.recommendations.set(recommendations)
    evidence.actions.set(actions)
    return evidence


def ties_of(evidence):
    return {
        "recommendations": set(evidence.recommendations.values_list("pk", flat=True)),
        "actions": set(evidence.actions.values_list("pk", flat=True)),
    }


@transaction.atomic
def edit_evidence(evidence, *, seen, shows, recommendations, actions, **source):
    """Save the evidence's new values: refused from a form shown before someone else saved
    (`seen` is the version it showed); saved unchanged, it writes nothing. True if changed."""
    current = _locked(evidence, seen)
    check_ties(current.plan, recommendations, actions)
    source = {name: value for name, value in source.items() if value is not None}
    wanted = {"recommendations": {r.pk for r in recommendations}}
    wanted["actions"] = {a.pk for a in actions}
    fields = {"shows": shows.strip(), **source}
    if all(getattr(current, n) == v for n, v in fields.items()) and wanted == ties_of(current):
        return False
    for name, value in fields.items():
        setattr(current, name, value)
    current.version += 1
    current.full_clean()
    current.save()
    current.recommendations.set(recommendations)
    current.actions.set(actions)
    return True


def _locked(evidence, seen):
    """The evidence as saved now, locked; StaleEdit if it changed or went since `seen`."""
    current = ImpactEvidence.objects.select_for_update().filter(pk=evidence.pk).first()
    if current is None:
        raise building.StaleEdit(GONE)
    building.refuse_if_stale(seen, str(current.version), "evidence")
    return current


@transaction.atomic
def remove_evidence(evidence, *, seen):
    """Remove the evidence (its history keeps what it was); refused if changed meanwhile."""
    _locked(evidence, seen).delete()
