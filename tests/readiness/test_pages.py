"""The readiness page of Gateshead's plan: linked from the plan page, the gaps summed up at the
top, "How do you know?" answered under each recommendation with links to the sources, and the
evidence's links only for those who may change it."""

import datetime
import html

import pytest
from django.test import Client
from django.urls import reverse

from authorities.models import Membership
from improvement.models import Action, ImprovementPlan
from readiness.models import ImpactEvidence
from tests import factories as f

pytestmark = pytest.mark.django_db

ADDED = datetime.datetime(2017, 3, 2, 10, tzinfo=datetime.UTC)


@pytest.fixture
def plan(seeds):
    return ImprovementPlan.objects.select_related("authority").get(pk=100)


def page_of(user, plan):
    client = Client()
    client.force_login(user)
    response = client.get(reverse("readiness:plan", args=[plan.pk]))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_plan_page_links_to_its_readiness(plan):
    client = Client()
    client.force_login(f.member(plan.authority, Membership.Role.COMMITTEE_MEMBER))
    page = client.get(reverse("improvement:plan", args=[plan.pk])).content.decode()
    assert reverse("readiness:plan", args=[plan.pk]) in page


def test_the_summary_names_each_gap_in_plain_words(plan):
    manager = f.member(plan.authority, Membership.Role.MANAGER)
    plan.recommendations.add(6003)  # recommendation 4, which no action of G17 answers
    page = page_of(manager, plan)
    summary = page[page.index("What is missing") : page.index("Audits by theme")]
    assert "What is missing (6)" in summary
    assert "The plan was due at Ofsted on 23 June 2016" in summary
    assert "Recommendation 4: no action of the plan answers it." in summary
    assert 'href="#recommendation-6003"' in summary
    assert "Voice of the child: no audit recorded." in summary


def test_how_do_you_know_lists_the_evidence_with_links_to_its_sources(plan):
    action = Action.objects.get(plan=plan, reference="7")
    update_file = f.EvidenceFactory(update_id=5006, description="Adoption QA document")
    audit = f.AuditResultFactory(authority=plan.authority, audited_on="2025-04-15", team="Adoption")
    indicator = f.IndicatorFactory(name="Adoptions within 18 months")
    for source, shows in (
        ({"update_evidence": update_file}, "The ADM now hears from the panel every quarter."),
        ({"audit": audit}, "Panel reports audited good."),
        ({"indicator": indicator}, "Adoptions within 18 months rose."),
    ):
        evidence = ImpactEvidence.objects.create(plan=plan, shows=shows, added_at=ADDED, **source)
        evidence.actions.add(action)
    member = f.member(plan.authority, Membership.Role.COMMITTEE_MEMBER)
    page = page_of(member, plan)
    chain = page[page.index('id="recommendation-6007"') : page.index('id="evidence"')]
    assert "How do you know?" in chain
    assert "The ADM now hears from the panel every quarter." in chain
    assert reverse("improvement:evidence", args=[update_file.pk]) in chain
    assert "Adoption QA document (progress update on 7, 1 March 2017)" in chain
    assert "15 April 2025, Adoption: Assessment, graded Good" in chain
    detail = reverse("indicators:indicator-detail", args=[plan.authority.pk, indicator.pk])
    assert detail in chain
    assert "1 of 1 graded good or better (100%)" in chain
    assert "Change" not in page[page.index('id="evidence"') :]


def test_managers_see_how_to_add_change_and_remove_evidence(plan):
    evidence = ImpactEvidence.objects.create(
        plan=plan, title="QA report", link="https://example.org/qa", shows="Shows.", added_at=ADDED
    )
    evidence.recommendations.add(6000)
    manager = f.member(plan.authority, Membership.Role.MANAGER)
    page = page_of(manager, plan)
    for kind in ("audit", "indicator", "update-file", "document"):
        assert reverse("readiness:add-evidence", args=[plan.pk, kind]) in page
    assert reverse("readiness:edit-evidence", args=[evidence.pk]) in page
    assert reverse("readiness:remove-evidence", args=[evidence.pk]) in page
    officer = f.member(plan.authority, Membership.Role.OFFICER)
    assert reverse("readiness:edit-evidence", args=[evidence.pk]) not in page_of(officer, plan)


def test_a_large_plan_lists_the_first_rows_and_says_how_many_more(plan):
    for number in range(25):
        f.ActionFactory(
            plan=plan,
            theme=None,
            reference=f"1.{number + 10}",
            status="complete",
            rag="blue",
            recommendations=[6000],
        )
    page = page_of(f.member(plan.authority, Membership.Role.MANAGER), plan)
    summary = page[page.index("What is missing") : page.index("Audits by theme")]
    assert "Actions complete with no evidence of impact (25)" in summary
    assert summary.count("complete, with no evidence of impact") == 20
    assert "and 5 more" in summary
    chain = page[page.index('id="recommendation-6000"') : page.index('id="recommendation-6001"')]
    assert "Showing the first 10 of the 26 actions answering it." in chain
    assert "and 20 more" in chain
