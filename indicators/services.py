"""Changes to indicators, each one transaction recorded in the history."""

from django.core.exceptions import ValidationError
from django.db import transaction

from indicators import ees
from indicators.models import Frequency, IndicatorValue
from indicators.periods import is_month_end, is_quarter_end, quarter_label
from indicators.values import parse_value


@transaction.atomic
def import_file(indicator, data, file_name, measure_column=None, filters=None, dry_run=False):
    """Save the indicator's source (measure and breakdown values) if given, then import the file.

    Nothing is kept, neither the source nor any value, when a row is bad or on a dry run.
    """
    if measure_column:
        indicator.measure_column = measure_column
        indicator.breakdown_filters = dict(filters or {})
        indicator.save()
    outcome = ees.import_values(indicator, data, file_name)
    if dry_run:
        transaction.set_rollback(True)
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
        return f"{period_end:%B %Y}"
    return f"Year to {period_end:%-d %B %Y}"


@transaction.atomic
def record_local_value(indicator, authority, period_end, text):
    """Add or correct the authority's own value for a period, by the rules an import follows."""
    if indicator.authority_id not in (None, authority.pk):
        raise ValidationError("This indicator belongs to another authority.")
    try:
        value, symbol = parse_value(text, indicator.unit)
    except ValueError as error:
        raise ValidationError({"value": f"The value {error}."}) from error
    period = period_for(indicator, period_end)
    entry, _ = IndicatorValue.objects.update_or_create(
        indicator=indicator,
        area_code=authority.ons_code,
        period_end=period_end,
        defaults={
            "level": IndicatorValue.Level.AUTHORITY,
            "area_name": authority.name,
            "authority": authority,
            "period": period,
            "value": value,
            "symbol": symbol,
            "origin": IndicatorValue.Origin.LOCAL,
        },
    )
    return entry
