"""The chain's numbers for Gateshead's plan: the actions' states, the audits (count, share good
or better, latest) and the evidence each recommendation gathers; at a constant query count."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from improvement.models import Action, ImprovementPlan
from improvement.state import ActionState
from readiness.chain import chain_of
from readiness.models import ImpactEvidence
from tests import factories as f

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2025, 6, 30)
ADDED = datetime.datetime(2025, 6, 2, 10, tzinfo=datetime.UTC)
PLANS = 6000  # Gateshead's recommendation 1: the quality of all children's plans
REVIEWS = 6001  # recommendation 2: conferences and reviews drive plans


@pytest.fixture
def plan(seeds):
    return ImprovementPlan.objects.select_related("authority__region").get(pk=100)


def link_of(readiness, recommendation_pk):
    [link] = [r for r in readiness.recommendations if r.recommendation.pk == recommendation_pk]
    return link


def piece(plan, shows, **ties):
    evidence = ImpactEvidence.objects.create(
        plan=plan, title="QA report", link="https://example.org/qa", shows=shows, added_at=ADDED
    )
    evidence.recommendations.set(ties.get("recommendations", []))
    evidence.actions.set(ties.get("actions", []))
    return evidence


def test_each_recommendation_has_its_actions_states_in_order(plan):
    readiness = chain_of(plan, AS_OF)
    assert [link.recommendation.number for link in readiness.recommendations] == [
        1,
        2,
        3,
        5,
        6,
        7,
        8,
    ]
    first = link_of(readiness, PLANS)
    [state] = first.actions
    assert isinstance(state, ActionState)
    assert (state.action.reference, state.status_words, state.rag_words) == (
        "1",
        "In progress",
        "Green",
    )
    assert state.lead == "Interim Strategic Director, Care Wellbeing and Learning"


def test_audits_tied_to_a_recommendation_its_actions_or_its_evidence_are_counted(plan):
    gateshead = plan.authority
    action = Action.objects.get(plan=plan, reference="1")
    by_recommendation = f.AuditResultFactory(
        authority=gateshead, audited_on="2025-01-14", grade="outstanding", recommendations=[PLANS]
    )
    by_action = f.AuditResultFactory(
        authority=gateshead, audited_on="2025-03-11", grade="requires_improvement", actions=[action]
    )
    as_evidence = f.AuditResultFactory(authority=gateshead, audited_on="2025-05-20", grade="good")
    tied = ImpactEvidence.objects.create(
        plan=plan,
        audit=as_evidence,
        shows="Targets in the new plans are measurable.",
        added_at=ADDED,
    )
    tied.recommendations.add(PLANS)
    # Not counted: done after the day; another authority's (tied by mistake); another
    # recommendation's.
    f.AuditResultFactory(authority=gateshead, audited_on="2025-07-01", recommendations=[PLANS])
    f.AuditResultFactory(audited_on="2025-02-01", recommendations=[PLANS])
    f.AuditResultFactory(authority=gateshead, audited_on="2025-02-01", recommendations=[REVIEWS])
    audits = link_of(chain_of(plan, AS_OF), PLANS).audits
    assert audits.audits == (as_evidence, by_action, by_recommendation)
    assert (audits.count, audits.good_or_better, audits.share_good_or_better) == (3, 2, 67)
    assert audits.latest == as_evidence
    assert link_of(chain_of(plan, AS_OF), 6002).audits.share_good_or_better is None


def test_a_recommendation_gathers_the_evidence_tied_to_it_and_to_its_actions(plan):
    action = Action.objects.get(plan=plan, reference="1")
    on_action = piece(plan, "The CIN and CP plan templates are in use.", actions=[action])
    on_recommendation = piece(plan, "Plans' targets are measurable.", recommendations=[PLANS])
    both = piece(plan, "Both.", recommendations=[PLANS], actions=[action])
    elsewhere = piece(plan, "Reviews challenge drift.", recommendations=[REVIEWS])
    readiness = chain_of(plan, AS_OF)
    assert link_of(readiness, PLANS).evidence == (on_action, on_recommendation, both)
    assert link_of(readiness, REVIEWS).evidence == (elsewhere,)
    assert readiness.evidence == (on_action, on_recommendation, both, elsewhere)


def test_nothing_after_the_day_counts_and_a_day_to_come_is_today(plan):
    piece(plan, "Added on 2 June 2025.", recommendations=[PLANS])
    assert chain_of(plan, datetime.date(2025, 6, 1)).evidence == ()
    later = chain_of(plan, datetime.date(2099, 1, 1))
    assert later.as_of == datetime.date.today()
    assert len(later.evidence) == 1


def queries_of_chain(plan):
    plan = ImprovementPlan.objects.select_related("authority__region").get(pk=plan.pk)
    with CaptureQueriesContext(connection) as captured:
        chain_of(plan, AS_OF)
    return len(captured)


def test_the_chain_costs_the_same_queries_however_large_the_plan(plan):
    action = Action.objects.get(plan=plan, reference="1")
    f.AuditResultFactory(authority=plan.authority, actions=[action])
    piece(plan, "The first.", actions=[action])
    small = queries_of_chain(plan)
    for number in range(30):
        extra = f.ActionFactory(plan=plan, theme=None, reference=f"1.{number}", status="complete")
        extra.recommendations.add(PLANS)
        f.AuditResultFactory(authority=plan.authority, actions=[extra])
        piece(plan, f"Evidence {number}.", actions=[extra, action])
    assert queries_of_chain(plan) == small
    assert small <= 25
