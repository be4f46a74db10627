"""The admin's two-authority world (tests/admin/world.py: a draft report, a local indicator with
its target and figure on each side) with what every list of the API needs to hold rows on both
sides: a finalised report, a milestone, a national indicator with each side's published value
and England's, and A's own figure for it, which B must never see."""

import datetime
from decimal import Decimal

from django.test import Client

from api.tokens import create_token
from indicators.compare import ENGLAND
from indicators.models import IndicatorValue, LocalFigure, Target
from reports.models import CommitteeReport
from tests import factories as f
from tests.admin.world import admin_world, report

YEAR_END = datetime.date(2025, 3, 31)
# A's own (local, unpublished) figure for the national indicator: shown to A alone.
A_OWN_FIGURE = Decimal("41.3")


def api_world():
    world = admin_world()
    world.national = f.IndicatorFactory(name="Re-referrals within 12 months")
    IndicatorValue.objects.create(
        indicator=world.national,
        level=IndicatorValue.Level.NATIONAL,
        area_code=ENGLAND,
        area_name="England",
        period="2025",
        period_end=YEAR_END,
        value=Decimal("21.5"),
    )
    for side in (world.a, world.b):
        side.final = report(side, CommitteeReport.Status.FINAL, datetime.date(2025, 6, 11))
        side.milestone = f.MilestoneFactory(action=side.action, title="Audit of supervision")
        f.IndicatorValueFactory(indicator=world.national, authority=side.authority)
        Target.objects.create(
            indicator=world.national, authority=side.authority, target=15, tolerance=2
        )
    LocalFigure.objects.create(
        indicator=world.national,
        authority=world.a.authority,
        period="2025-26 Q1",
        period_end=datetime.date(2025, 6, 30),
        value=A_OWN_FIGURE,
    )
    return world


def token_client(user):
    """A client that reads the API with a new personal token of the user's, and no session."""
    _, secret = create_token(user, "Power BI dashboard", days=90)
    return Client(headers={"Authorization": f"Bearer {secret}"})


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client
