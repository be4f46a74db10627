"""Access cases for indicators: every member reads; officers, managers and admins add values."""

from indicators.models import Indicator
from tests.access import UPDATERS, Case


def indicator_of(w):
    """A national indicator (they are shown to every authority), made once per world."""
    indicator, _ = Indicator.objects.get_or_create(
        name="Re-referrals within 12 months",
        authority=None,
        defaults={"unit": "percent", "polarity": "lower", "source": "DfE", "frequency": "annual"},
    )
    return indicator


def authority_pk(w):
    return {"authority_pk": w.a.authority.pk}


def indicator_kwargs(w):
    return {"authority_pk": w.a.authority.pk, "pk": indicator_of(w).pk}


def value_data(w):
    return {
        "period_end_day": "31",
        "period_end_month": "3",
        "period_end_year": "2025",
        "value": "14.2",
    }


CASES = [
    Case("indicators:authority-indicators", kwargs=authority_pk),
    Case("indicators:indicator-detail", kwargs=indicator_kwargs),
    Case(
        "indicators:add-value",
        kwargs=indicator_kwargs,
        get=UPDATERS,
        post=UPDATERS,
        post_data=value_data,
    ),
]
