"""The demo ties evidence of impact to Gateshead's plan, so its readiness page is not empty."""

import datetime

import pytest
from django.core.management import call_command

from improvement.models import ImprovementPlan
from readiness.chain import chain_of
from readiness.models import ImpactEvidence
from tests import factories as f
from workspace.demo import DEMO_FILE_TEXT, create_demo_users, tie_demo_evidence

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("loaddata", "authorities", "seeds", verbosity=0)
    create_demo_users()
    return ImprovementPlan.objects.select_related("authority__region").get(pk=100)


def test_the_demo_ties_two_documents_to_the_adoption_and_health_recommendations(demo):
    added = tie_demo_evidence()
    assert [e.actions.get().reference for e in added] == ["7", "4"]
    assert all(e.added_by.username == "manager" for e in added)
    assert added[0].file.read() == DEMO_FILE_TEXT.encode()
    by_number = {link.recommendation.number: link for link in chain_of(demo).recommendations}
    assert by_number[8].evidence == (added[0],)  # adoption panel feedback
    assert by_number[5].evidence == (added[1],)  # care leavers' health histories
    assert by_number[1].evidence == ()
    # Dated with the plan's report to the committee, 1 March 2017: Gateshead's self-evaluation
    # as at 28 November 2025 draws on them.
    added_on = {e.added_at for e in ImpactEvidence.objects.all()}
    assert added_on == {datetime.datetime(2017, 3, 1, 10, tzinfo=datetime.UTC)}
    by_number = {
        link.recommendation.number: link
        for link in chain_of(demo, datetime.date(2025, 11, 28)).recommendations
    }
    assert by_number[8].evidence == (added[0],)


def test_the_demo_ties_gateshead_s_latest_audit_of_planning_once(demo):
    f.AuditResultFactory(authority=demo.authority, theme="planning", audited_on="2025-03-12")
    latest = f.AuditResultFactory(
        authority=demo.authority, theme="planning", audited_on="2025-09-10", grade="outstanding"
    )
    *_, audit = tie_demo_evidence()
    assert audit.audit == latest
    assert audit.shows.endswith("was graded outstanding.")
    # Tied three days after the audit was done (10 September 2025).
    assert ImpactEvidence.objects.get(pk=audit.pk).added_at.date() == datetime.date(2025, 9, 13)
    assert tie_demo_evidence() == []
    assert ImpactEvidence.objects.count() == 3
