"""The demo's year of Gateshead's audits (invented, workspace/audit_demo.py): a year of them, up to
the month of the demo's self-evaluation (28 November 2025), between 8 and 15 a month, improving, tied to
Gateshead's recommendations and actions, naming no one, the same on every load."""

import datetime

import pytest

from audits.models import AuditProgramme, AuditResult, Theme
from audits.privacy import concerns
from audits.summary import default_end, summarise
from authorities.models import LocalAuthority
from tests.kept import keep
from workspace.audit_demo import GATESHEAD, load_gateshead_audits


@pytest.fixture(scope="module")
def kept_demo_audits(kept_seeds, django_db_blocker):
    yield from keep(django_db_blocker, load_gateshead_audits)


@pytest.fixture
def demo_audits(kept_demo_audits, seeds):
    """The number of results loaded."""
    return kept_demo_audits


@pytest.fixture
def gateshead(demo_audits):
    return LocalAuthority.objects.get(ons_code=GATESHEAD)


def test_a_year_of_audits_from_november_2024_to_october_2025(gateshead, demo_audits):
    results = AuditResult.objects.filter(authority=gateshead)
    assert results.count() == demo_audits
    days = results.values_list("audited_on", flat=True)
    assert min(days) >= datetime.date(2024, 11, 1)
    assert max(days) <= datetime.date(2025, 10, 31)
    summary = summarise(gateshead, default_end(gateshead))
    assert summary.first == datetime.date(2024, 11, 1)
    assert summary.last == datetime.date(2025, 10, 1)
    assert all(8 <= row.tally.audited <= 15 for row in summary.by_month)
    assert (summary.total.audited, summary.planned) == (142, 144)  # two planned not done


def test_the_grades_improve_over_the_year(gateshead, demo_audits):
    trend = summarise(gateshead, datetime.date(2025, 10, 1)).trend
    assert trend.direction == "up"
    assert trend.later.share - trend.earlier.share >= 10


def test_the_themes_rotate_and_each_month_has_its_programme(gateshead, demo_audits):
    programme = AuditProgramme.objects.filter(authority=gateshead)
    assert programme.values("month").distinct().count() == 12
    first_two = [
        set(programme.filter(month=month).values_list("theme", flat=True))
        for month in (datetime.date(2024, 11, 1), datetime.date(2024, 12, 1))
    ]
    assert first_two[0] != first_two[1]
    assert programme.filter(theme=Theme.OTHER, theme_name="Pathway plans").count() == 4
    linked = AuditResult.objects.filter(authority=gateshead, programme__isnull=False)
    assert linked.count() == demo_audits  # every result is of a planned month and theme


def test_some_are_tied_to_gateshead_recommendations_and_actions(gateshead, demo_audits):
    tied = AuditResult.objects.filter(authority=gateshead, actions__isnull=False).distinct()
    assert 3 <= tied.count() <= 20
    assert set(tied.values_list("actions__plan__authority", flat=True)) == {gateshead.pk}
    quality_of_plans = AuditResult.objects.filter(recommendations__pk=6000)
    assert quality_of_plans.exists()
    assert all(result.good_or_better for result in quality_of_plans)


def test_their_words_name_no_one(gateshead, demo_audits):
    for result in AuditResult.objects.filter(authority=gateshead):
        for text in (result.strengths, result.learning, result.case_reference):
            assert not concerns(text), text


def test_loading_again_adds_nothing(demo_audits):
    assert demo_audits > 100
    assert load_gateshead_audits() == 0
