"""The indicator upload in the admin, as every kind of user (issue 19, defect 2).

The data steward (a superuser) imports into any indicator: a national one's file writes the
published figures every council's comparisons use. An authority admin imports only into their own
authority's local indicators, as its own figures: a national indicator or another council's local
one is refused and nothing is written. Everyone else never reaches the page.
"""

from decimal import Decimal
from html import unescape

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from indicators import services
from indicators.models import Indicator, IndicatorValue, LocalFigure
from tests.access import ROLES
from tests.admin.world import admin_world
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
UPLOAD = reverse("admin:indicators_upload")
HEADER = "time_period,time_identifier,geographic_level,country_code,country_name,"
HEADER += "region_code,region_name,old_la_code,new_la_code,la_name,audit_percent"


@pytest.fixture
def world():
    world = admin_world()
    world.national = Indicator.objects.create(
        name="Re-referrals within 12 months",
        unit="percent",
        polarity="lower",
        source="DfE",
        frequency="annual",
    )
    return world


def tidy_file(world):
    """England and both authorities in 2025, as an EES tidy file lays them out."""
    rows = [HEADER, "2025,Reporting year,National,E92000001,England,,,,,,75"]
    for side, value in ((world.a, "70.5"), (world.b, "60")):
        authority = side.authority
        rows.append(
            f"2025,Reporting year,Local authority,E92000001,England,,,"
            f"{authority.dfe_code},{authority.ons_code},{authority.name},{value}"
        )
    return "\n".join(rows).encode()


def upload(client, world, indicator):
    data = {
        "indicator": indicator.pk,
        "measure_column": "audit_percent",
        "filters": "",
        "file": SimpleUploadedFile("audits.csv", tidy_file(world), content_type="text/csv"),
    }
    return client.post(UPLOAD, data, follow=True)


def logged_in(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def written():
    """Everything an upload could write: published values, local figures, indicators' sources."""
    return (
        list(IndicatorValue.objects.values_list("area_code", "value")),
        list(LocalFigure.objects.values_list("authority", "period", "value", "entered_by")),
        list(Indicator.objects.values_list("pk", "measure_column", "definition")),
    )


def test_the_data_steward_imports_published_figures_into_a_national_indicator(world):
    response = upload(
        logged_in(UserFactory(is_staff=True, is_superuser=True)), world, world.national
    )
    assert response.status_code == 200
    said = "into “Re-referrals within 12 months”, published figures of every area in the file: "
    assert said + "3 added" in response.content.decode()
    codes = set(world.national.values.values_list("area_code", flat=True))
    assert codes == {"E92000001", world.a.authority.ons_code, world.b.authority.ons_code}


def test_an_authority_admin_imports_their_own_local_indicator_as_its_own_figures(world):
    before = IndicatorValue.objects.count()
    response = upload(logged_in(world.a.admin), world, world.a.indicator)
    html = unescape(response.content.decode())
    assert response.redirect_chain[-1][0] == reverse(
        "admin:indicators_indicator_change", args=[world.a.indicator.pk]
    )
    assert response.status_code == 200  # a page they may see, not "ask your authority's admin"
    assert (
        "Imported: audits.csv into “Aldwick Council audits good or better”, Aldwick Council's "
        "own figures (local, not published): 0 added, 1 changed, 0 unchanged; 2 rows of other "
        "places passed over."
    ) in html
    figure = LocalFigure.objects.get(indicator=world.a.indicator)
    assert (figure.value, figure.entered_by) == (Decimal("70.5000"), world.a.admin)
    assert IndicatorValue.objects.count() == before == 0


@pytest.mark.parametrize("whose", ["national", "the other authority's local"])
def test_an_authority_admin_is_refused_any_other_indicator_and_nothing_is_written(world, whose):
    indicator = world.national if whose == "national" else world.b.indicator
    before = written()
    response = upload(logged_in(world.a.admin), world, indicator)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert written() == before
    with pytest.raises(PermissionDenied):  # the service refuses too, whatever the form offers
        services.import_file(
            indicator, tidy_file(world), "audits.csv", "audit_percent", by=world.a.admin
        )
    assert written() == before


def test_an_authority_admin_is_offered_only_their_own_local_indicators(world):
    form = logged_in(world.a.admin).get(UPLOAD).context["form"]
    assert list(form.fields["indicator"].queryset) == [world.a.indicator]
    form = logged_in(UserFactory(is_staff=True, is_superuser=True)).get(UPLOAD).context["form"]
    assert set(form.fields["indicator"].queryset) == {
        world.national,
        world.a.indicator,
        world.b.indicator,
    }


def test_every_other_role_and_the_anonymous_never_reach_the_upload(world):
    before = written()
    for user in [None, *(getattr(world.a, role) for role in ROLES if role != "admin")]:
        client = logged_in(user)
        response = client.get(UPLOAD)
        assert response.status_code == 302, user
        assert response["Location"].startswith(reverse("admin:login")), user
        assert upload(client, world, world.a.indicator).redirect_chain, user
    assert written() == before


def test_the_admin_index_links_to_the_upload_for_those_who_may_use_it(world):
    for user in (world.a.admin, UserFactory(is_staff=True, is_superuser=True)):
        assert f'href="{UPLOAD}"' in logged_in(user).get(reverse("admin:index")).content.decode()
