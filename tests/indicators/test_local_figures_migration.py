"""indicators 0002: the figures "Add a local value" wrote over published rows become LocalFigures,
and the published figure each replaced is restored from the row's history."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests import factories as f

BEFORE = [("indicators", "0001_indicators_values_targets_neighbours")]
AFTER = [("indicators", "0003_published_values_only")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def old_rows(apps, authority, officer):
    """As 0001 wrote them: a published 13.9 an officer overwrote with 5, and a local-only 87."""
    Indicator = apps.get_model("indicators", "Indicator")
    Value = apps.get_model("indicators", "IndicatorValue")
    History = apps.get_model("indicators", "HistoricalIndicatorValue")
    national = Indicator.objects.create(
        name="Re-referrals", unit="percent", polarity="lower", source="DfE", frequency="annual"
    )
    local = Indicator.objects.create(
        name="Audits",
        unit="percent",
        polarity="higher",
        source="Audit",
        frequency="quarterly",
        authority_id=authority.pk,
    )
    place = {"level": "authority", "area_code": authority.ons_code, "area_name": authority.name}
    overwritten = Value.objects.create(
        indicator=national,
        **place,
        authority_id=authority.pk,
        period="Year to 31 March 2025",
        period_end=datetime.date(2025, 3, 31),
        value=Decimal(5),
        origin="local",
    )
    fields = {**place, "authority_id": authority.pk, "period_end": overwritten.period_end}
    at = datetime.datetime(2025, 10, 1, tzinfo=datetime.UTC)
    History.objects.create(
        id=overwritten.pk,
        indicator_id=national.pk,
        **fields,
        period="2025",
        value=Decimal("13.9"),
        origin="imported",
        history_date=at,
        history_type="+",
    )
    History.objects.create(
        id=overwritten.pk,
        indicator_id=national.pk,
        **fields,
        period="Year to 31 March 2025",
        value=Decimal(5),
        origin="local",
        history_date=at + datetime.timedelta(days=1),
        history_type="~",
        history_user_id=officer.pk,
    )
    Value.objects.create(
        indicator=local,
        **place,
        authority_id=authority.pk,
        period="2016-17 Q2",
        period_end=datetime.date(2016, 9, 30),
        value=Decimal(87),
        origin="local",
    )
    return national, local


# serialized_rollback: emptied after it, the database gets back the rows the migrations made, as
# the other transactional tests expect (tests/kept.py).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_local_rows_move_to_local_figures_and_the_published_figure_comes_back():
    authority = f.LocalAuthorityFactory(name="Gateshead")
    officer = f.member(authority, "officer")
    try:
        national, local = old_rows(migrate(BEFORE), authority, officer)
    finally:
        apps = migrate(AFTER)
    Value = apps.get_model("indicators", "IndicatorValue")
    Figure = apps.get_model("indicators", "LocalFigure")
    restored = Value.objects.get()
    assert (restored.indicator_id, restored.period, restored.value) == (
        national.pk,
        "2025",
        Decimal("13.9000"),
    )
    moved = {
        (x.indicator_id, x.period, x.value, x.entered_by_id)
        for x in Figure.objects.filter(authority_id=authority.pk)
    }
    assert moved == {
        (national.pk, "Year to 31 March 2025", Decimal("5.0000"), officer.pk),
        (local.pk, "2016-17 Q2", Decimal("87.0000"), None),
    }
    history = apps.get_model("indicators", "HistoricalLocalFigure").objects
    assert history.count() == 2
