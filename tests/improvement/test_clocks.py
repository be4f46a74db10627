"""Ofsted's clocks by kind of inspection, on real calendar dates with England's bank holidays.

The inadequate judgements and their dates are real (Ofsted's reports: Sunderland SIF 2015 and
re-inspection 2018, Middlesbrough ILACS 2020, 2023 and 2026). The focused visits, the JTAI and
the monitoring visits are made up for the tests, on a made-up authority, on real dates."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from authorities.models import LocalAuthority
from improvement import clocks
from improvement.clocks import DRAFT_PLAN, MONITORING_VISIT, PLAN
from improvement.models import ImprovementPlan
from inspections.models import Grade, Inspection, JudgementArea, Recommendation
from tests import factories as f

pytestmark = pytest.mark.django_db


def visit(authority, kind, started_on, published_on, priority_actions=0, **fields):
    inspection = f.InspectionFactory(
        authority=authority,
        kind=kind,
        started_on=started_on,
        ended_on=started_on,
        published_on=published_on,
        overall_grade="",
        **fields,
    )
    for number in range(1, priority_actions + 1):
        f.RecommendationFactory(
            inspection=inspection,
            number=number,
            priority=Recommendation.Priority.PRIORITY_ACTION,
            section="Areas for priority action",
        )
    return inspection


def facts(inspection):
    """The inspection as the clocks read it in bulk."""
    return Inspection.objects.with_clock_facts().get(pk=inspection.pk)


def dates(found):
    return [(clock.kind, clock.due_on) for clock in found]


@pytest.fixture
def aldwick():
    return f.LocalAuthorityFactory(name="Aldwick Council")


def test_a_focused_visit_with_priority_actions_asks_for_a_draft_in_20_and_a_plan_in_70(aldwick):
    # Published Tuesday 10 December 2024. 20 working days: 11-13 Dec (3), 16-20 (8), 23-24 (10),
    # 25 and 26 Dec are bank holidays, 27 (11), 30-31 (13), 1 Jan is a bank holiday, 2-3 Jan
    # (15), 6-10 Jan (20): Friday 10 January 2025. 70: five weeks of five more to 14 February
    # (45), 17 February to 21 March (70): Friday 21 March 2025.
    found = clocks.inspection_clocks(
        facts(visit(aldwick, "focused_visit", date(2024, 11, 12), date(2024, 12, 10), 2)),
        today=date(2025, 1, 2),
    )
    assert dates(found) == [(DRAFT_PLAN, date(2025, 1, 10)), (PLAN, date(2025, 3, 21))]
    # As seen on Thursday 2 January: 3 Jan, 6-10 Jan.
    assert found[0].working_days == 6


def test_the_draft_deadline_skips_easter(aldwick):
    # Published Tuesday 1 April 2025: 2-4 Apr (3), 7-11 (8), 14-17 (12), Good Friday 18 and
    # Easter Monday 21 April are bank holidays, 22-25 (16), 28 April to 1 May (20).
    inspection = visit(aldwick, "focused_visit", date(2025, 3, 4), date(2025, 4, 1), 1)
    found = clocks.inspection_clocks(inspection, today=date(2025, 4, 1))  # no annotation: a query
    assert found[0].due_on == date(2025, 5, 1)
    # 70 also skips 5 May and 26 May (the early May and spring bank holidays): Monday 14 July.
    assert found[1].due_on == date(2025, 7, 14)


def test_a_focused_visit_naming_no_priority_action_sets_no_clock(aldwick):
    inspection = visit(aldwick, "focused_visit", date(2024, 11, 12), date(2024, 12, 10))
    f.RecommendationFactory(inspection=inspection, number=1)  # an area for improvement
    assert clocks.inspection_clocks(facts(inspection), today=date(2025, 1, 2)) == []


def test_a_monitoring_visit_sets_no_deadline_and_an_unpublished_report_none(aldwick):
    monitoring = visit(aldwick, "monitoring_visit", date(2025, 2, 4), date(2025, 3, 6))
    unpublished = visit(aldwick, "focused_visit", date(2025, 2, 4), None, 1)
    assert clocks.inspection_clocks(facts(monitoring), today=date(2025, 3, 6)) == []
    assert clocks.inspection_clocks(facts(unpublished), today=date(2025, 3, 6)) == []


def test_a_jtai_asks_the_partnership_for_its_plan_in_70_working_days(aldwick):
    jtai = visit(aldwick, "jtai", date(2023, 2, 27), date(2023, 5, 9))
    # The same 70 working days as a full inspection published 9 May 2023 (the seed's Stockton).
    found = clocks.inspection_clocks(facts(jtai), today=date(2023, 5, 9))
    assert dates(found) == [(PLAN, date(2023, 8, 16))]


@pytest.fixture
def sunderland(authorities):
    """Sunderland's SIF of 2015 and its re-inspection of 2018 were both judged inadequate; its
    ILACS of 2021 outstanding (Ofsted's reports)."""
    sunderland = LocalAuthority.objects.get(ons_code="E08000024")
    sif = f.framework("sif")
    kept = {}
    for key, started, ended, published, grade, kind in [
        ("sif", (2015, 5, 11), (2015, 6, 4), (2015, 7, 20), Grade.INADEQUATE, "full"),
        (
            "reinspection",
            (2018, 4, 23),
            (2018, 5, 18),
            (2018, 7, 25),
            Grade.INADEQUATE,
            "reinspection",
        ),
    ]:
        kept[key] = f.InspectionFactory(
            authority=sunderland,
            framework=sif,
            kind=kind,
            started_on=date(*started),
            ended_on=date(*ended),
            published_on=date(*published),
            overall_grade=grade,
        )
    return kept


def authority_inspections(authority):
    return list(Inspection.objects.with_clock_facts().filter(authority=authority))


def test_an_inadequate_authority_expects_its_first_monitoring_visit_four_weeks_after_its_plan(
    sunderland,
):
    sif = sunderland["reinspection"]  # the latest, still inadequate
    # Re-inspection published Wednesday 25 July 2018; the plan is due 70 working days later,
    # past the summer bank holiday of 27 August: Thursday 1 November 2018. Four weeks on:
    clock = clocks.next_monitoring_visit(authority_inspections(sif.authority), date(2018, 11, 1))
    assert (clock.kind, clock.due_on) == (MONITORING_VISIT, date(2018, 11, 29))
    assert clock.inspection == sif
    assert clock.is_expectation


def test_the_first_monitoring_visit_after_the_2015_sif(authorities):
    sunderland = LocalAuthority.objects.get(ons_code="E08000024")
    sif = f.InspectionFactory(
        authority=sunderland,
        framework=f.framework("sif"),
        kind="full",
        started_on=date(2015, 5, 11),
        ended_on=date(2015, 6, 4),
        published_on=date(2015, 7, 20),
        overall_grade=Grade.INADEQUATE,
    )
    # Published Monday 20 July 2015: 70 working days, skipping the 31 August bank holiday, is
    # Tuesday 27 October 2015; the first monitoring visit about four weeks after.
    assert clocks.plan_due_on(clocks.inspection_clocks(sif, date(2015, 7, 20))) == date(
        2015, 10, 27
    )
    clock = clocks.next_monitoring_visit([facts(sif)], date(2015, 7, 20))
    assert clock.due_on == date(2015, 11, 24)


def test_monitoring_visits_then_come_about_every_three_months(sunderland):
    authority = sunderland["reinspection"].authority
    visit(
        authority,
        "monitoring_visit",
        date(2018, 12, 4),
        date(2019, 1, 10),
        framework=f.framework("sif"),
    )
    latest = visit(
        authority, "monitoring_visit", date(2019, 3, 12), None, framework=f.framework("sif")
    )
    clock = clocks.next_monitoring_visit(authority_inspections(authority), date(2019, 4, 1))
    # From the latest visit's first day on site, published or not: 12 March + 3 months.
    assert clock.due_on == date(2019, 6, 12)
    assert clock.inspection == latest


def test_a_later_inspection_that_is_not_inadequate_ends_the_monitoring(sunderland):
    authority = sunderland["reinspection"].authority
    f.InspectionFactory(
        authority=authority,
        framework=f.framework("ilacs-2018"),
        kind="standard",
        started_on=date(2021, 6, 28),
        ended_on=date(2021, 7, 9),
        published_on=date(2021, 8, 20),
        overall_grade=Grade.OUTSTANDING,
    )
    assert clocks.next_monitoring_visit(authority_inspections(authority), date(2021, 9, 1)) is None


def test_middlesbrough_judged_inadequate_in_2020_expected_monitoring_after_easter(authorities):
    middlesbrough = LocalAuthority.objects.get(ons_code="E06000002")
    f.InspectionFactory(
        authority=middlesbrough,
        framework=f.framework("ilacs-2018"),
        kind="standard",
        started_on=date(2019, 11, 25),
        ended_on=date(2019, 12, 6),
        published_on=date(2020, 1, 24),
        overall_grade=Grade.INADEQUATE,
    )
    # Published Friday 24 January 2020: 70 working days skip Good Friday 10 and Easter Monday
    # 13 April: 50 by 3 April, 54 by 9 April, 58 by 17 April, 68 by 1 May, Tuesday 5 May 2020.
    # The first monitoring visit is expected four weeks on, 2 June.
    clock = clocks.next_monitoring_visit(authority_inspections(middlesbrough), date(2020, 2, 1))
    assert clock.due_on == date(2020, 6, 2)


def inspection_2026(authority, grades):
    inspection = f.InspectionFactory(
        authority=authority,
        framework=f.framework("ilacs-2026"),
        kind="standard",
        started_on=date(2026, 6, 8),
        ended_on=date(2026, 6, 19),
        published_on=date(2026, 7, 28),
        overall_grade="",
    )
    for area, grade in zip(JudgementArea.objects.filter(framework__code="ilacs-2026"), grades):
        f.JudgementFactory(inspection=inspection, area=area, grade=grade)
    return inspection


def test_under_the_2026_framework_any_inadequate_judgement_brings_monitoring(authorities):
    # Middlesbrough's inspection of June 2026 graded all four judgements requires improvement
    # (no overall grade under the framework): no monitoring.
    middlesbrough = LocalAuthority.objects.get(ons_code="E06000002")
    inspection_2026(middlesbrough, [Grade.REQUIRES_IMPROVEMENT] * 4)
    assert (
        clocks.next_monitoring_visit(authority_inspections(middlesbrough), date(2026, 8, 1)) is None
    )
    # Made up: the same with care leavers inadequate.
    made_up = f.LocalAuthorityFactory(name="Aldwick Council")
    inspection = inspection_2026(made_up, [Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.INADEQUATE])
    assert inspection.judged_inadequate()
    clock = clocks.next_monitoring_visit(authority_inspections(made_up), date(2026, 8, 1))
    # 28 July 2026 + 70 working days (31 August bank holiday): 4 November; four weeks on:
    assert clock.due_on == date(2026, 12, 2)


def test_an_lscb_review_or_a_visit_never_judges_the_authority_inadequate(aldwick):
    review = f.InspectionFactory(
        authority=aldwick,
        framework=f.framework("lscb-review"),
        kind="lscb_review",
        overall_grade=Grade.INADEQUATE,
    )
    assert not review.judged_inadequate()
    assert clocks.next_monitoring_visit(authority_inspections(aldwick), date(2025, 1, 1)) is None


@pytest.fixture
def plan_after_a_focused_visit(aldwick):
    full = f.InspectionFactory(
        authority=aldwick,
        started_on=date(2023, 2, 27),
        ended_on=date(2023, 3, 14),
        published_on=date(2023, 5, 9),
    )
    focused = visit(aldwick, "focused_visit", date(2024, 11, 12), date(2024, 12, 10), 1)
    return f.ImprovementPlanFactory(authority=aldwick, inspections=[full, focused])


def test_a_plan_carries_the_clocks_of_every_inspection_it_answers(plan_after_a_focused_visit):
    found = clocks.plan_clocks(plan_after_a_focused_visit, date(2025, 1, 2))
    assert dates(found) == [
        (PLAN, date(2023, 8, 16)),
        (DRAFT_PLAN, date(2025, 1, 10)),
        (PLAN, date(2025, 3, 21)),
    ]
    assert found[0].has_passed
    assert [clock.working_days for clock in found][1:] == [6, 56]
    assert clocks.still_open(found) == found[1:]
    # Due at Ofsted: the latest plan deadline.
    assert plan_after_a_focused_visit.ofsted_due_on() == date(2025, 3, 21)


def test_a_plan_answering_only_a_visit_with_no_priority_action_has_no_due_date(aldwick):
    focused = visit(aldwick, "focused_visit", date(2024, 11, 12), date(2024, 12, 10))
    plan = f.ImprovementPlanFactory(authority=aldwick, inspections=[focused])
    assert plan.ofsted_due_on() is None
    assert clocks.plan_clocks(plan, date(2025, 1, 2)) == []


def test_only_a_plan_answering_the_inadequate_inspection_expects_the_monitoring_visit(sunderland):
    reinspection = sunderland["reinspection"]
    answering = f.ImprovementPlanFactory(
        authority=reinspection.authority, inspections=[reinspection]
    )
    other = f.ImprovementPlanFactory(authority=reinspection.authority, inspections=[])
    found = clocks.clocks_of_plans(
        ImprovementPlan.objects.filter(pk__in=[answering.pk, other.pk]), date(2018, 8, 1)
    )
    assert dates(found[answering.pk]) == [
        (PLAN, date(2018, 11, 1)),
        (MONITORING_VISIT, date(2018, 11, 29)),
    ]
    assert found[other.pk] == []


def test_many_plans_clocks_cost_the_same_queries_as_one(aldwick):
    def measure():
        plans = list(ImprovementPlan.objects.prefetch_related("inspections"))
        with CaptureQueriesContext(connection) as captured:
            clocks.clocks_of_plans(plans, date(2025, 1, 2))
        return len(captured)

    visit(aldwick, "focused_visit", date(2024, 11, 12), date(2024, 12, 10), 1)
    f.ImprovementPlanFactory(authority=aldwick, inspections=list(aldwick.inspections.all()))
    one = measure()
    for n in range(5):
        other = f.LocalAuthorityFactory()
        inspection = visit(other, "focused_visit", date(2024, 11, 12 + n), date(2024, 12, 10), 2)
        full = f.InspectionFactory(authority=other)
        f.JudgementFactory(inspection=full)
        f.ImprovementPlanFactory(authority=other, inspections=[inspection, full])
    assert measure() == one
