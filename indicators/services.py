"""Changes to indicators, each one transaction recorded in the history.

Published values change only by a national import, which only the service's data steward (a
superuser) runs. A council's own figures are LocalFigures of that council: entered on the
indicator's page, or imported into its own local indicator by its admin. Managers tie indicators
to their plans and set their authority's targets (with the lost-edit and unchanged-save rules of
every edit form: improvement.building).
"""

from types import SimpleNamespace

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from authorities.access import administered_by
from authorities.models import LocalAuthority
from core.dates import long_date, month_year
from improvement import building
from indicators import ees
from indicators.models import OTHER_AUTHORITYS, Frequency, Indicator, LocalFigure, Target
from indicators.periods import is_month_end, is_quarter_end, quarter_label
from indicators.values import check_range, parse_value

ADDED, CHANGED, UNCHANGED = "added", "changed", "unchanged"


def importable_by(user):
    """The indicators a user may import into: any, for a superuser (a national import); their
    own authorities' local indicators, for an authority admin; none for anyone else."""
    if user.is_superuser:
        return Indicator.objects.all()
    return Indicator.objects.filter(authority__in=administered_by(user))


@transaction.atomic
def import_file(
    indicator, data, file_name, measure_column=None, filters=None, dry_run=False, by=None
):
    """Save the indicator's source (measure and breakdown values) if given, then import the file:
    a national indicator's values into the published series, a local one's as its authority's
    own figures. `by` is who imports, checked against importable_by (None: the command line).

    Nothing is kept, neither the source nor any value, when a row is bad or on a dry run.
    """
    if by is not None and not importable_by(by).filter(pk=indicator.pk).exists():
        raise PermissionDenied(
            "Only the service's data steward imports into a national indicator; an authority's "
            "admin imports into their own authority's local indicators."
        )
    if measure_column:
        indicator.measure_column = measure_column
        indicator.breakdown_filters = dict(filters or {})
        indicator.save()
    if indicator.is_national:
        outcome = ees.import_values(indicator, data, file_name)
    else:
        outcome = _import_local(indicator, data, file_name, by)
    if dry_run:
        transaction.set_rollback(True)
    return outcome


def _import_local(indicator, data, file_name, by):
    """The file's rows of the indicator's authority, as its local figures; other places' rows
    are passed over (a local indicator is measured by its authority alone)."""
    found, outcome = ees.read_values(indicator, data, file_name)
    authority = indicator.authority
    own = {end: fields for (code, end), (_, fields) in found.items() if code == authority.ons_code}
    if not own:
        raise ees.ImportError_(
            f"{file_name}: no row is {authority.name}'s ({authority.ons_code} or "
            f"{authority.dfe_code}), and this local indicator holds only its figures."
        )
    outcome.other_places, outcome.unmatched = len(found) - len(own), set()
    states = [
        _save_local(indicator, authority, end, f["period"], (f["value"], f["symbol"]), by)[1]
        for end, f in sorted(own.items())
    ]
    outcome.created, outcome.updated = states.count(ADDED), states.count(CHANGED)
    outcome.unchanged = states.count(UNCHANGED)
    return outcome


def period_for(indicator, period_end):
    """The label of the period a local value closes, checked against the indicator's frequency."""
    if indicator.frequency == Frequency.QUARTERLY:
        if not is_quarter_end(period_end):
            raise ValidationError(
                {
                    "period_end": "A quarterly value is for a quarter ending on 30 June, "
                    "30 September, 31 December or 31 March."
                }
            )
        return quarter_label(period_end)
    if indicator.frequency == Frequency.MONTHLY:
        if not is_month_end(period_end):
            raise ValidationError({"period_end": "A monthly value is for the last day of a month."})
        return month_year(period_end)
    return f"Year to {long_date(period_end)}"


@transaction.atomic
def record_local_figure(indicator, authority, period_end, text, by):
    """Add or correct the authority's own figure for a period, by the rules an import follows.

    It is kept apart from the published series, which it never changes: (figure, state).
    """
    if indicator.belongs_elsewhere(authority.pk):
        raise ValidationError(OTHER_AUTHORITYS)
    try:
        figure = parse_value(text, indicator.unit)
    except ValueError as error:
        raise ValidationError({"value": f"The value {error}."}) from error
    period = period_for(indicator, period_end)
    return _save_local(indicator, authority, period_end, period, figure, by)


def _save_local(indicator, authority, period_end, period, figure, by):
    """(LocalFigure, added/changed/unchanged); a correction is signed by who made it."""
    value, symbol = figure
    key = {"indicator": indicator, "authority": authority, "period_end": period_end}
    current = LocalFigure.objects.select_for_update().filter(**key).first()
    if current and (current.period, current.value, current.symbol) == (period, value, symbol):
        return current, UNCHANGED
    fields = {"period": period, "value": value, "symbol": symbol}
    fields |= {"entered_by": by, "entered_at": timezone.now()}
    saved, created = LocalFigure.objects.update_or_create(**key, defaults=fields)
    return saved, ADDED if created else CHANGED


TIES = ("themes", "actions")
TARGET_FIELDS = ("target", "tolerance")


def ties_in(indicator, plan):
    """The ids of the plan's themes and of its actions the indicator is tied to."""
    return {
        "themes": sorted(indicator.themes.filter(plan=plan).values_list("pk", flat=True)),
        "actions": sorted(indicator.actions.filter(plan=plan).values_list("pk", flat=True)),
    }


def ties_fingerprint(ties):
    return building.fingerprint(SimpleNamespace(**ties), TIES)


@transaction.atomic
def tie_to_plan(indicator, plan, themes, actions, *, seen):
    """Tie the indicator to these of the plan's themes and actions, and to no others of the plan;
    its ties to other plans (another authority's, for a national indicator) stay as they are.
    Saved unchanged, it writes nothing; from a form shown before someone else saved, refused."""
    Indicator.objects.select_for_update().get(pk=indicator.pk)  # one change of its ties at a time
    if indicator.belongs_elsewhere(plan.authority_id):
        raise ValidationError(OTHER_AUTHORITYS)
    if any(row.plan_id != plan.pk for row in [*themes, *actions]):
        raise ValidationError("Only this plan's themes and actions can be chosen.")
    current = ties_in(indicator, plan)
    wanted = {"themes": sorted(t.pk for t in themes), "actions": sorted(a.pk for a in actions)}
    if wanted == current:
        return False
    building.refuse_if_stale(seen, ties_fingerprint(current), "choice")
    for name in TIES:
        related = getattr(indicator, name)
        related.remove(*(set(current[name]) - set(wanted[name])))
        related.add(*(set(wanted[name]) - set(current[name])))
    return True


def target_fingerprint(target):
    """Of the authority's target, or of there being none (a target set meanwhile is an edit)."""
    shown = target or SimpleNamespace(target=None, tolerance=None)
    return building.fingerprint(shown, TARGET_FIELDS)


@transaction.atomic
def set_target(indicator, authority, target, tolerance, *, seen):
    """The authority's target and tolerance on the indicator; no target removes it (the history
    keeps it). Saved unchanged, it writes nothing; from a form shown before someone else saved,
    refused (StaleEdit)."""
    if indicator.belongs_elsewhere(authority.pk):
        raise ValidationError(OTHER_AUTHORITYS)
    LocalAuthority.objects.select_for_update().get(pk=authority.pk)  # one target edit at a time
    current = Target.objects.filter(indicator=indicator, authority=authority).first()
    if target is None and current is None:
        return None
    if current and (current.target, current.tolerance) == (target, tolerance):
        return current
    building.refuse_if_stale(seen, target_fingerprint(current), "target")
    if target is None:
        current.delete()
        return None
    _check_target(indicator, target, tolerance)
    row = current or Target(indicator=indicator, authority=authority)
    row.target, row.tolerance = target, tolerance
    row.full_clean()
    row.save()
    return row


def _check_target(indicator, target, tolerance):
    for name, number in (("target", target), ("tolerance", tolerance)):
        try:
            check_range(number, indicator.unit)
        except ValueError as error:
            raise ValidationError({name: f"The {name} {error}."}) from error
