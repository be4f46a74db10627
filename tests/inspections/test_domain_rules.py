"""The domain's rules: what the database refuses, and what validation explains to a person."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from authorities.models import LocalAuthority
from inspections.models import Framework, Grade, Inspection, Judgement, JudgementArea

pytestmark = pytest.mark.django_db


@pytest.fixture
def gateshead(db):
    call_command("loaddata", "authorities", verbosity=0)
    return LocalAuthority.objects.get(ons_code="E08000037")


@pytest.fixture
def sif_inspection(gateshead):
    return Inspection.objects.create(
        authority=gateshead,
        framework=Framework.objects.get(code="sif"),
        kind=Inspection.Kind.FULL,
        started_on=date(2015, 10, 27),
        ended_on=date(2015, 11, 19),
        published_on=date(2016, 3, 11),
        overall_grade=Grade.GOOD,
    )


def area(framework, code):
    return JudgementArea.objects.get(framework__code=framework, code=code)


def test_frameworks_and_their_areas_are_loaded_as_data():
    sif = Framework.objects.get(code="sif")
    subs = area("sif", "looked_after").sub_judgements.values_list("code", flat=True)
    assert sorted(subs) == ["adoption", "care_leavers"]
    assert sif.areas.count() == 5
    assert Framework.objects.get(code="ilacs-2023").areas.count() == 4
    assert not Framework.objects.get(code="ilacs-2026").has_overall_grade
    assert Framework.objects.get(code="lac-2012").allows(Grade.ADEQUATE)
    assert not sif.allows(Grade.ADEQUATE)


def test_a_judgement_with_a_grade_outside_its_framework_is_refused_with_the_scale(sif_inspection):
    judgement = Judgement(
        inspection=sif_inspection, area=area("sif", "adoption"), grade=Grade.ADEQUATE
    )
    with pytest.raises(ValidationError) as error:
        judgement.full_clean()
    message = error.value.message_dict["grade"][0]
    assert "“Adequate” is not a grade of SIF" in message
    assert "Outstanding, Good, Requires improvement to be good, Inadequate" in message


def test_a_judgement_of_another_frameworks_area_is_refused(sif_inspection):
    judgement = Judgement(
        inspection=sif_inspection, area=area("ilacs-2023", "care_leavers"), grade=Grade.GOOD
    )
    with pytest.raises(ValidationError) as error:
        judgement.full_clean()
    assert "is a judgement of ILACS 2023, not of SIF" in error.value.message_dict["area"][0]


def test_a_second_judgement_for_the_same_area_is_refused(sif_inspection):
    care_leavers = area("sif", "care_leavers")
    Judgement.objects.create(
        inspection=sif_inspection, area=care_leavers, grade=Grade.REQUIRES_IMPROVEMENT
    )
    duplicate = Judgement(inspection=sif_inspection, area=care_leavers, grade=Grade.GOOD)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert error.value.message_dict["area"] == [
        "This inspection already has a judgement for “Experiences and progress of care leavers”."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_an_inspection_that_ends_before_it_starts_is_refused(gateshead):
    inspection = Inspection(
        authority=gateshead,
        framework=Framework.objects.get(code="sif"),
        kind=Inspection.Kind.FULL,
        started_on=date(2015, 11, 19),
        ended_on=date(2015, 10, 27),
    )
    with pytest.raises(ValidationError) as error:
        inspection.full_clean()
    assert error.value.message_dict["ended_on"] == [
        "The last day on site (27 October 2015) is before the first (19 November 2015)."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        inspection.save()


def test_a_report_published_before_the_inspection_ended_is_refused(sif_inspection):
    sif_inspection.published_on = date(2015, 11, 1)
    with pytest.raises(ValidationError) as error:
        sif_inspection.full_clean()
    assert "published_on" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        sif_inspection.save()


def test_an_overall_grade_under_the_2026_framework_is_refused(gateshead):
    inspection = Inspection(
        authority=gateshead,
        framework=Framework.objects.get(code="ilacs-2026"),
        kind=Inspection.Kind.STANDARD,
        started_on=date(2026, 6, 8),
        ended_on=date(2026, 6, 19),
        overall_grade=Grade.GOOD,
    )
    with pytest.raises(ValidationError) as error:
        inspection.full_clean()
    assert error.value.message_dict["overall_grade"] == [
        "ILACS 2026 gives no overall grade; leave it blank."
    ]


def test_an_overall_grade_outside_the_known_grades_is_refused_by_the_database(sif_inspection):
    Inspection.objects.filter(pk=sif_inspection.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        Inspection.objects.filter(pk=sif_inspection.pk).update(overall_grade="excellent")


def test_the_authorities_table_holds_153_current_councils_with_their_codes():
    call_command("loaddata", "authorities", verbosity=0)
    assert LocalAuthority.objects.current().count() == 153
    gateshead = LocalAuthority.objects.get(ons_code="E08000037")
    assert (gateshead.name, gateshead.dfe_code, gateshead.region.name) == (
        "Gateshead",
        "390",
        "North East",
    )
