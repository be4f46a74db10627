"""import_indicator, import_neighbours and the admin upload: the same import, the same refusals."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from indicators.models import Indicator, IndicatorValue, StatisticalNeighbour
from indicators.report import report_section
from tests import factories as f
from tests.indicators.conftest import C1, DATA

pytestmark = pytest.mark.django_db


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_indicator_creates_saves_its_source_and_reimports_without_change(authorities):
    path = str(DATA / C1)
    first = run(
        "import_indicator",
        path,
        "--indicator",
        "Re-referrals",
        "--measure",
        "rereferral_percent",
        "--polarity",
        "lower",
    )
    indicator = Indicator.objects.get(name="Re-referrals")
    assert indicator.file_pattern == "c1_children_in_need_referrals_and_rereferrals_*.csv"
    count = indicator.values.count()
    assert f"{count} added, 0 changed, 0 unchanged" in first
    again = run("import_indicator", path, "--indicator", "Re-referrals")
    assert f"0 added, 0 changed, {count} unchanged" in again


def test_a_dry_run_writes_nothing(authorities):
    out = run(
        "import_indicator",
        str(DATA / C1),
        "--indicator",
        "Re-referrals",
        "--measure",
        "rereferral_percent",
        "--dry-run",
    )
    assert "Checked (nothing written)" in out
    assert not Indicator.objects.exists()
    assert not IndicatorValue.objects.exists()


def test_the_command_names_a_bad_column(authorities):
    with pytest.raises(CommandError, match="no column referral_rate"):
        run("import_indicator", str(DATA / C1), "--indicator", "X", "--measure", "referral_rate")


def test_describe_lists_measures_and_breakdowns():
    out = run("import_indicator", str(DATA / "la_cla_placement_stability.csv"), "--describe")
    assert "Measures: children_count, children_percent" in out
    assert "Breakdown placement_stability: Living with the same carer for at least 2 years" in out


def test_import_neighbours_reads_the_year_from_the_file_name(authorities):
    out = run("import_neighbours", str(DATA / "New_Statistical_Neighbour_Groupings_April_2021.csv"))
    assert "Loaded the 2021 model" in out
    assert "Not among our authorities: 835, 837." in out
    assert StatisticalNeighbour.objects.filter(model_year=2021).exists()


@pytest.fixture
def admin_client_(client):
    client.force_login(f.UserFactory(is_staff=True, is_superuser=True))
    return client


def upload(client, indicator, text, measure="rereferral_percent"):
    data = {
        "indicator": indicator.pk,
        "measure_column": measure,
        "filters": "",
        "file": SimpleUploadedFile(C1, text.encode(), content_type="text/csv"),
    }
    return client.post(reverse("admin:indicators_upload"), data)


@pytest.fixture
def empty_indicator(authorities):
    return Indicator.objects.create(
        name="Re-referrals", unit="percent", polarity="lower", source="DfE", frequency="annual"
    )


def test_the_admin_upload_imports_a_file(admin_client_, empty_indicator):
    response = upload(admin_client_, empty_indicator, (DATA / C1).read_text(encoding="utf-8-sig"))
    assert response.status_code == 302
    assert empty_indicator.values.filter(area_code="E08000037", period="2025").exists()


def test_the_admin_upload_names_a_bad_row_and_writes_nothing(admin_client_, empty_indicator):
    text = (DATA / C1).read_text(encoding="utf-8-sig").replace(",224,13.9,", ",224,1e,")
    response = upload(admin_client_, empty_indicator, text)
    assert response.status_code == 200
    assert "column rereferral_percent: “1e” is neither a number" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_the_report_section_is_plain_values_with_the_chart(gateshead, rereferrals):
    plan = f.ImprovementPlanFactory(authority=gateshead)
    theme = f.ThemeFactory(plan=plan, number=1)
    rereferrals.themes.add(theme)
    section = report_section(plan)
    json.dumps(section)  # a snapshot must serialise
    (entry,) = section
    assert entry["name"] == "Re-referrals within 12 months"
    assert entry["rows"][-1] == {
        "period": "2025",
        "own": "13.9%",
        "england": "22.6%",
        "region": "20.7%",
        "neighbour_average": "19.9%",
        "rank": "2 of 11",
        "local": "",
    }
    assert (entry["national"], entry["local_column"]) == (True, False)
    assert entry["svg"].startswith("<svg")
    assert 'role="img"' in entry["svg"]
    assert entry["trend"]["arrow"] == "↓"
