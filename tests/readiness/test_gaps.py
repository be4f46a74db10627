"""Each kind of gap the readiness page flags, on Gateshead's and Stockton-on-Tees's plans, and
not flagged when its condition is not met."""

import datetime

import pytest

from improvement import services as improvement_services
from improvement.models import Action, ImprovementPlan, Rag
from inspections.models import Inspection, Recommendation
from readiness import gaps
from readiness.chain import chain_of
from readiness.models import ImpactEvidence
from tests import factories as f

pytestmark = pytest.mark.django_db

GATESHEAD_PLAN = 100  # Looked After Children Improvement Plan (G17)
STOCKTON_PLAN = 120  # Children's services improvement plan (C23): due at Ofsted 16 August 2023
ADVOCACY = 6003  # Gateshead's recommendation 4, which G17 leaves out of its plan
DAY = datetime.date(2017, 3, 1)  # G17's progress updates


def of_kind(readiness, kind):
    return [gap for gap in readiness.gaps if gap.kind == kind]


def gateshead_plan():
    return ImprovementPlan.objects.select_related("authority__region").get(pk=GATESHEAD_PLAN)


def complete(action, day):
    improvement_services.add_progress_update(
        action, None, Rag.BLUE, "The QA document is in use.", reported_on=day, signed_as="ADM"
    )
    action.refresh_from_db()
    return action


def evidence(plan, added_at=None, **ties):
    piece = ImpactEvidence.objects.create(
        plan=plan,
        title="Adoption panel quality assurance feedback, quarterly",
        link="https://example.org/adoption-qa",
        shows="The panel's quarterly feedback reached the Agency Decision Maker.",
        added_at=added_at or datetime.datetime(2017, 3, 1, 9, tzinfo=datetime.UTC),
    )
    piece.recommendations.set(ties.get("recommendations", []))
    piece.actions.set(ties.get("actions", []))
    return piece


# No action


def test_a_recommendation_in_scope_that_no_action_answers_is_flagged(seeds):
    plan = gateshead_plan()
    assert not of_kind(chain_of(plan, DAY), gaps.NO_ACTION)  # G17 answers its seven
    plan.recommendations.add(ADVOCACY)
    readiness = chain_of(plan, DAY)
    [gap] = of_kind(readiness, gaps.NO_ACTION)
    assert gap.words == "Recommendation 4: no action of the plan answers it."
    [link] = [r for r in readiness.recommendations if r.recommendation.pk == ADVOCACY]
    assert link.actions == ()
    assert link.gaps == (gap,)


# Complete with no evidence of impact


def test_an_action_complete_with_no_evidence_of_impact_is_flagged(seeds):
    plan = gateshead_plan()
    adoption = complete(Action.objects.get(plan=plan, reference="7"), DAY)
    [gap] = of_kind(chain_of(plan, DAY), gaps.NO_EVIDENCE)
    assert gap.action == adoption
    assert gap.words.startswith("7 Ensure the adoption panel provides quality assurance")
    assert gap.words.endswith(
        "complete, with no evidence of impact tied to it or to a recommendation it answers."
    )


def test_actions_in_progress_are_not_flagged_for_evidence(seeds):
    # Every action of G17 is in progress on 1 March 2017.
    assert not of_kind(chain_of(gateshead_plan(), DAY), gaps.NO_EVIDENCE)


@pytest.mark.parametrize("tied_to", ["action", "recommendation"])
def test_evidence_tied_to_the_action_or_its_recommendation_closes_the_gap(seeds, tied_to):
    plan = gateshead_plan()
    adoption = complete(Action.objects.get(plan=plan, reference="7"), DAY)
    if tied_to == "action":
        evidence(plan, actions=[adoption])
    else:
        evidence(plan, recommendations=list(adoption.recommendations.all()))
    assert not of_kind(chain_of(plan, DAY), gaps.NO_EVIDENCE)


def test_evidence_of_another_action_or_added_after_the_day_does_not_count(seeds):
    plan = gateshead_plan()
    adoption = complete(Action.objects.get(plan=plan, reference="7"), DAY)
    evidence(plan, actions=[Action.objects.get(plan=plan, reference="6")])
    later = datetime.datetime(2017, 4, 3, 9, tzinfo=datetime.UTC)
    evidence(plan, added_at=later, actions=[adoption])
    assert [g.action for g in of_kind(chain_of(plan, DAY), gaps.NO_EVIDENCE)] == [adoption]
    assert not of_kind(chain_of(plan, datetime.date(2017, 4, 3)), gaps.NO_EVIDENCE)


def test_an_action_complete_only_after_the_day_is_not_flagged_as_at_the_day(seeds):
    plan = gateshead_plan()
    complete(Action.objects.get(plan=plan, reference="7"), datetime.date(2017, 6, 1))
    assert not of_kind(chain_of(plan, DAY), gaps.NO_EVIDENCE)
    assert of_kind(chain_of(plan, datetime.date(2017, 6, 1)), gaps.NO_EVIDENCE)


# A theme with no audit in six months


def test_each_theme_not_audited_in_the_six_months_to_the_day_is_flagged(seeds):
    plan = gateshead_plan()
    gateshead = plan.authority
    as_of = datetime.date(2025, 10, 15)
    f.AuditResultFactory(authority=gateshead, theme="assessment", audited_on="2025-08-20")
    f.AuditResultFactory(authority=gateshead, theme="planning", audited_on="2025-03-12")
    # Exactly six months before the day is within them.
    f.AuditResultFactory(authority=gateshead, theme="management_oversight", audited_on="2025-04-15")
    f.AuditProgrammeFactory(authority=gateshead, theme="other", theme_name="Pathway plans")
    # Another authority's audit of the voice of the child is not Gateshead's.
    f.AuditResultFactory(theme="voice_of_the_child", audited_on="2025-10-01")
    readiness = chain_of(plan, as_of)
    assert [g.words for g in of_kind(readiness, gaps.THEME_NOT_AUDITED)] == [
        "Planning: no audit since 12 March 2025, more than six months ago.",
        "Voice of the child: no audit recorded.",
        "Pathway plans: no audit recorded.",
    ]
    rows = [(theme.words, recent) for theme, recent in readiness.theme_rows]
    assert rows == [
        ("Assessment", True),
        ("Planning", False),
        ("Voice of the child", False),
        ("Management oversight", True),
        ("Pathway plans", False),
    ]


def test_audits_after_the_day_do_not_count(seeds):
    plan = gateshead_plan()
    for theme in ("assessment", "planning", "voice_of_the_child", "management_oversight"):
        f.AuditResultFactory(authority=plan.authority, theme=theme, audited_on="2025-04-15")
    assert not of_kind(chain_of(plan, datetime.date(2025, 5, 1)), gaps.THEME_NOT_AUDITED)
    assert len(of_kind(chain_of(plan, datetime.date(2025, 3, 1)), gaps.THEME_NOT_AUDITED)) == 4


# A deadline close


def stockton_plan(approved_on=None):
    """Stockton-on-Tees's plan after its ILACS report of 9 May 2023, due at Ofsted on 16 August
    2023; as if Cabinet had not approved it on 15 June 2023, unless given."""
    plan = ImprovementPlan.objects.select_related("authority__region").get(pk=STOCKTON_PLAN)
    plan.approved_on = approved_on
    return plan


@pytest.mark.parametrize(
    ("as_of", "words"),
    [
        (datetime.date(2023, 8, 1), None),  # 11 working days away
        (
            datetime.date(2023, 8, 2),
            "The plan is due at Ofsted on 16 August 2023, in 10 working days.",
        ),
        (
            datetime.date(2023, 8, 15),
            "The plan is due at Ofsted on 16 August 2023, in 1 working day.",
        ),
        (datetime.date(2023, 8, 16), "The plan is due at Ofsted today, 16 August 2023."),
        (
            datetime.date(2023, 8, 29),  # 28 August 2023 was the summer bank holiday
            "The plan was due at Ofsted on 16 August 2023, 8 working days ago, and the plan "
            "records no approval since the report.",
        ),
    ],
)
def test_a_plan_deadline_within_ten_working_days_or_passed_is_flagged(seeds, as_of, words):
    found = [g.words for g in of_kind(chain_of(stockton_plan(), as_of), gaps.DEADLINE_CLOSE)]
    assert found == ([words] if words else [])


def test_a_plan_approved_after_the_report_has_no_deadline_gap(seeds):
    # Cabinet approved Stockton-on-Tees's plan on 15 June 2023 (C23).
    plan = stockton_plan(approved_on=datetime.date(2023, 6, 15))
    for as_of in (datetime.date(2023, 8, 10), datetime.date(2023, 8, 29)):
        assert not of_kind(chain_of(plan, as_of), gaps.DEADLINE_CLOSE)
    # Approved before the report was published, the approval is not of this plan's answer.
    plan.approved_on = datetime.date(2023, 5, 1)
    assert of_kind(chain_of(plan, datetime.date(2023, 8, 10)), gaps.DEADLINE_CLOSE)


def test_a_focused_visits_draft_plan_deadline_is_flagged_before_the_plans(seeds):
    """A focused visit naming priority actions, published on Monday 8 January 2024: a draft in
    20 working days (5 February 2024) and the plan in 70 (16 April 2024)."""
    gateshead = gateshead_plan().authority
    visit = f.InspectionFactory(
        authority=gateshead,
        kind=Inspection.Kind.FOCUSED_VISIT,
        started_on=datetime.date(2023, 11, 21),
        ended_on=datetime.date(2023, 11, 22),
        published_on=datetime.date(2024, 1, 8),
        overall_grade="",
    )
    f.RecommendationFactory(inspection=visit, priority=Recommendation.Priority.PRIORITY_ACTION)
    plan = f.ImprovementPlanFactory(authority=gateshead, inspections=[visit])
    readiness = chain_of(plan, datetime.date(2024, 1, 29))
    assert [g.words for g in of_kind(readiness, gaps.DEADLINE_CLOSE)] == [
        "The draft plan is due at Ofsted on 5 February 2024, in 5 working days."
    ]
    assert readiness.gaps[0].kind == gaps.DEADLINE_CLOSE  # deadlines head the summary


def test_the_next_monitoring_visit_is_flagged_once_close(seeds):
    """An inadequate judgement published on Monday 8 January 2024: its plan due 17 April 2024
    (70 working days, Easter's two bank holidays skipped), the first monitoring visit expected
    four weeks later, 15 May 2024."""
    authority = f.LocalAuthorityFactory()
    inadequate = f.InspectionFactory(
        authority=authority,
        framework=f.framework("ilacs-2023"),
        started_on=datetime.date(2023, 11, 6),
        ended_on=datetime.date(2023, 11, 17),
        published_on=datetime.date(2024, 1, 8),
        overall_grade="inadequate",
    )
    plan = f.ImprovementPlanFactory(
        authority=authority, inspections=[inadequate], approved_on=datetime.date(2024, 3, 1)
    )
    assert not of_kind(chain_of(plan, datetime.date(2024, 4, 2)), gaps.DEADLINE_CLOSE)
    [gap] = of_kind(chain_of(plan, datetime.date(2024, 5, 7)), gaps.DEADLINE_CLOSE)
    assert gap.words == (
        "The next monitoring visit is expected around 15 May 2024, in 6 working days."
    )
