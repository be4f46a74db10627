"""Writing audits: a result recorded or corrected, a programme row planned or changed. Each is
one transaction; a correction saved from a form shown before someone else's save is refused
(improvement.building.StaleEdit), and a form saved unchanged writes nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction

from audits.models import AuditProgramme, AuditResult, Theme
from audits.months import month_end, month_of
from improvement.building import STALE, StaleEdit
from improvement.models import Action
from inspections.models import Recommendation

TIES = ("recommendations", "actions")


def tie_choices(authority):
    """What an authority's audits may be evidence for: the recommendations of its inspections
    and the actions of its plans."""
    return {
        "recommendations": Recommendation.objects.filter(inspection__authority=authority)
        .select_related("inspection__framework")
        .order_by("-inspection__published_on", "inspection_id", "number"),
        "actions": Action.objects.filter(plan__authority=authority).select_related("plan"),
    }


def check_ties(authority, ties):
    """Refuse a recommendation or an action of another authority (a form's choices are scoped;
    this holds for every other caller)."""
    choices = tie_choices(authority)
    for name in TIES:
        allowed = set(choices[name].values_list("pk", flat=True))
        if any(row.pk not in allowed for row in ties.get(name, ())):
            raise ValidationError({name: f"Choose only {authority.name}'s own {name}."})


def programme_row_for(authority_id, audited_on, theme, theme_name=""):
    """The programme row planning the audit's month and theme, or None."""
    return AuditProgramme.objects.filter(
        authority_id=authority_id,
        month=month_of(audited_on),
        theme=theme,
        theme_name=theme_name if theme == Theme.OTHER else "",
    ).first()


@transaction.atomic
def record_result(authority, fields, ties, by, privacy_confirmed=False):
    """A new result of the authority, tied to its programme row and to what it is evidence
    for."""
    check_ties(authority, ties)
    result = AuditResult(authority=authority, recorded_by=by, **fields)
    result.privacy_confirmed = privacy_confirmed
    result.programme = programme_row_for(
        authority.pk, result.audited_on, result.theme, result.theme_name
    )
    result.full_clean()
    result.save()
    for name in TIES:
        getattr(result, name).set(ties.get(name, ()))
    return result


@transaction.atomic
def edit_result(result_pk, version, fields, ties, privacy_confirmed=False):
    """Correct a result, if nobody saved it since `version` was read; unchanged, nothing is
    written and the version stays."""
    result = AuditResult.objects.select_for_update().get(pk=result_pk)
    if not result.is_version(version):
        raise StaleEdit(STALE.format(what="audit result"))
    check_ties(result.authority, ties)
    changed = [name for name, value in fields.items() if getattr(result, name) != value]
    tied = {name: {row.pk for row in ties.get(name, ())} for name in TIES}
    retied = [name for name in TIES if set(_tied_ids(result, name)) != tied[name]]
    if not changed and not retied:
        return result
    for name in changed:
        setattr(result, name, fields[name])
    result.privacy_confirmed = privacy_confirmed
    result.programme = programme_row_for(
        result.authority_id, result.audited_on, result.theme, result.theme_name
    )
    result.full_clean()
    result.version += 1
    result.save()
    for name in retied:
        getattr(result, name).set(tied[name])
    return result


def _tied_ids(result, name):
    return getattr(result, name).values_list("pk", flat=True)


@transaction.atomic
def plan_audits(authority, fields):
    """A new programme row; the results already recorded for its month and theme join it."""
    row = AuditProgramme(authority=authority, **fields)
    row.full_clean()
    row.save()
    _gather_results(row)
    return row


@transaction.atomic
def edit_programme_row(row_pk, version, fields):
    """Change a programme row, if nobody saved it since `version` was read; its results are
    those of its month and theme as they now are."""
    row = AuditProgramme.objects.select_for_update().get(pk=row_pk)
    if not row.is_version(version):
        raise StaleEdit(STALE.format(what="programme row"))
    changed = [name for name, value in fields.items() if getattr(row, name) != value]
    if not changed:
        return row
    for name in changed:
        setattr(row, name, fields[name])
    row.full_clean()
    row.version += 1
    row.save()
    row.results.update(programme=None)
    _gather_results(row)
    return row


def _gather_results(row):
    last_day = month_end(row.month)
    AuditResult.objects.filter(
        authority_id=row.authority_id,
        audited_on__gte=row.month,
        audited_on__lte=last_day,
        theme=row.theme,
        theme_name=row.theme_name,
    ).update(programme=row)
