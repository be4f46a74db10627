"""The comparison functions, on the whole national picture: latest inspections, neighbours, counts."""

import csv
import datetime
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from authorities.models import LocalAuthority
from inspections.compare import (
    NO_OVERALL_GRADE,
    grade_counts,
    grade_rows,
    latest_inspections,
    regional_neighbours,
)
from tests import factories as f

HISTORY = Path(settings.BASE_DIR) / "fixtures" / "ofsted" / "la_inspection_history.csv"
GATESHEAD = "E08000037"
GRADED = {"SIF", "SIF re-inspection", "ILACS", "Pre-SIF looked after children inspection (2012-13)"}


@pytest.fixture
def national(db):
    call_command("import_national", verbosity=0)


def counts_from_the_table(as_at):
    """The same counts worked out from the CSV alone: the latest graded row per current LA."""
    current = set(LocalAuthority.objects.current().values_list("ons_code", flat=True))
    latest = {}
    with open(HISTORY, newline="", encoding="utf-8") as f_:
        rows = [
            r
            for r in csv.DictReader(f_)
            if r["framework"] in GRADED
            and r["publication_date"] <= as_at.isoformat()
            and r["ons_code"] in current
        ]
    for row in sorted(rows, key=lambda r: r["publication_date"]):
        latest[row["ons_code"]] = row
    words = {
        "Outstanding": "outstanding",
        "Good": "good",
        "Requires improvement to be good": "requires_improvement",
        "Inadequate": "inadequate",
        "Adequate": "adequate",
    }
    counts = Counter()
    for row in latest.values():
        grade = row["overall_effectiveness"] or row["pre_sif_overall_effectiveness"]
        counts[words.get(grade, NO_OVERALL_GRADE)] += 1
    return counts


@pytest.mark.parametrize(
    "as_at", [datetime.date(2026, 8, 22), datetime.date(2019, 3, 31), datetime.date(2015, 3, 31)]
)
def test_england_grade_counts_agree_with_the_table(national, as_at):
    counts = grade_counts(LocalAuthority.objects.current(), as_at=as_at)
    expected = counts_from_the_table(as_at)
    assert {k: v for k, v in counts.items() if v} == {k: v for k, v in expected.items() if v}


def test_the_latest_picture_is_the_one_ofsted_publishes(national):
    counts = grade_counts(LocalAuthority.objects.current(), as_at=datetime.date(2026, 8, 22))
    # The latest ILACS grades of the 153 current authorities (see docs/ofsted-data.md).
    assert counts["good"] == 61
    assert counts["outstanding"] == 46
    assert counts["requires_improvement"] == 24
    assert counts["inadequate"] == 11
    assert counts[NO_OVERALL_GRADE] == 11


def test_latest_inspections_skip_lscb_reviews_and_respect_the_date(national):
    gateshead = LocalAuthority.objects.get(ons_code=GATESHEAD)
    latest = latest_inspections([gateshead], as_at=datetime.date(2016, 12, 31))[gateshead.pk]
    assert (latest.framework.code, latest.kind) == ("sif", "full")
    now = latest_inspections([gateshead])[gateshead.pk]
    assert now.framework.code == "ilacs-2023"
    assert latest_inspections([gateshead], as_at=datetime.date(2010, 1, 1)) == {}


def test_latest_inspections_take_two_queries_however_many_authorities(
    national, django_assert_num_queries
):
    few = list(LocalAuthority.objects.all()[:3])
    every = list(LocalAuthority.objects.all())
    for authorities in (few, every):
        with django_assert_num_queries(2):
            latest = latest_inspections(authorities)
            seen = [
                (i.framework.short_name, [j.area.name for j in i.judgements.all()])
                for i in latest.values()
            ]
        assert len(seen) == len(latest)


def test_regional_neighbours_are_the_other_current_authorities_by_name(national):
    gateshead = LocalAuthority.objects.get(ons_code=GATESHEAD)
    neighbours = regional_neighbours(gateshead)
    names = [a.name for a, _ in neighbours]
    assert names == sorted(names)
    assert "Gateshead" not in names
    assert (
        len(names) == LocalAuthority.objects.current().filter(region=gateshead.region).count() - 1
    )
    assert all(inspection is not None for _, inspection in neighbours)


def test_an_authority_without_an_inspection_is_listed_with_none(db):
    region = f.RegionFactory()
    one, other = (
        f.LocalAuthorityFactory(region=region, name="A"),
        f.LocalAuthorityFactory(region=region, name="B"),
    )
    f.LocalAuthorityFactory(region=region, name="C", is_current=False)
    f.InspectionFactory(authority=one)
    assert regional_neighbours(one) == [(other, None)]
    assert [name for name, _ in grade_rows(grade_counts([one, other]))][-1] == "No overall grade"
    assert dict(grade_rows(grade_counts([one, other])))["Requires improvement to be good"] == 1
