"""Access cases for indicators: every member reads; officers, managers and admins add their own
figures; managers and admins tie indicators to their plans and set targets."""

from indicators.models import Indicator
from tests.access import EDITORS, UPDATERS, Case


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


def plan_kwargs(w):
    return {"plan_pk": w.a.plan.pk}


def tie_kwargs(w):
    return {"plan_pk": w.a.plan.pk, "pk": indicator_of(w).pk}


def tie_data(w):
    return {"themes": [w.a.theme.pk], "actions": [w.a.action.pk]}


def target_data(w):
    return {"target": "15", "tolerance": "2"}


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
    Case(
        "indicators:target",
        kwargs=indicator_kwargs,
        get=EDITORS,
        post=EDITORS,
        post_data=target_data,
    ),
    Case("indicators:plan-indicators", kwargs=plan_kwargs, get=EDITORS),
    Case(
        "indicators:tie-indicator",
        kwargs=tie_kwargs,
        get=EDITORS,
        post=EDITORS,
        post_data=tie_data,
    ),
]
