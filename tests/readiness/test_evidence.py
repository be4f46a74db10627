"""Evidence of impact: what it may be tied to, exactly one source, another authority's sources
refused with a message saying so, the forms' pages, and two managers editing at once."""

import html

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from authorities.models import LocalAuthority, Membership
from improvement import building
from improvement.models import Action, ImprovementPlan
from inspections.models import Recommendation
from readiness import services
from readiness.models import ONE_SOURCE, ImpactEvidence
from tests import factories as f

pytestmark = pytest.mark.django_db

PLANS = 6000  # Gateshead's recommendation 1
ADVOCACY = 6003  # Gateshead's recommendation 4, not in G17's plan
STOCKTON_ACTION = 1200  # Stockton-on-Tees's action 1.1
SHOWS = "All new CIN and CP plans audited in May had measurable targets."


@pytest.fixture
def plan(seeds):
    return ImprovementPlan.objects.select_related("authority").get(pk=100)


@pytest.fixture
def manager(plan):
    return f.member(plan.authority, Membership.Role.MANAGER)


def text_of(response):
    return html.unescape(response.content.decode())


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def stockton_audit():
    stockton = LocalAuthority.objects.get(ons_code="E06000004")
    return f.AuditResultFactory(authority=stockton, audited_on="2025-04-15")


def add(plan, manager, **source):
    return services.add_evidence(
        plan, manager, shows=SHOWS, recommendations=[], actions=[first_action(plan)], **source
    )


def first_action(plan):
    return Action.objects.get(plan=plan, reference="1")


# What it may be


def test_another_authoritys_audit_is_refused_with_a_message_that_says_whose(plan, manager):
    with pytest.raises(ValidationError) as refused:
        add(plan, manager, audit=stockton_audit())
    assert refused.value.message_dict["audit"] == [
        "That audit is Stockton-on-Tees's: only Gateshead's own audits can be evidence for its "
        "plan."
    ]
    assert not ImpactEvidence.objects.exists()


def test_another_authoritys_local_indicator_is_refused(plan, manager):
    pathway_plans = f.IndicatorFactory(
        name="Pathway plans audited good or better",
        polarity="higher",
        authority=LocalAuthority.objects.get(ons_code="E10000024"),  # Nottinghamshire's own
    )
    with pytest.raises(ValidationError) as refused:
        add(plan, manager, indicator=pathway_plans)
    assert "local to Nottinghamshire" in refused.value.message_dict["indicator"][0]


def test_a_file_of_another_plans_update_is_refused(plan, manager):
    stockton_file = f.EvidenceFactory(update__action_id=STOCKTON_ACTION)
    with pytest.raises(ValidationError) as refused:
        add(plan, manager, update_evidence=stockton_file)
    assert "another plan's action" in refused.value.message_dict["update_evidence"][0]


def test_its_own_audit_national_indicator_and_update_file_are_taken(plan, manager):
    audit = f.AuditResultFactory(authority=plan.authority)
    rereferrals = f.IndicatorFactory(name="Re-referrals within 12 months")  # national
    update_file = f.EvidenceFactory(update_id=5000)  # G17's update on action 1
    for source in ({"audit": audit}, {"indicator": rereferrals}, {"update_evidence": update_file}):
        add(plan, manager, **source)
    kinds = [e.kind for e in ImpactEvidence.objects.order_by("pk")]
    assert kinds == ["audit", "indicator", "update-file"]


@pytest.mark.parametrize(
    "sources",
    [
        {},
        {"link": "https://example.org/qa", "title": "QA", "indicator_id": 901},
        {"file": "impact/qa.pdf", "link": "https://example.org/qa", "title": "QA"},
    ],
    ids=["none", "link and indicator", "file and link"],
)
def test_the_database_holds_exactly_one_source(plan, sources):
    with pytest.raises(IntegrityError), transaction.atomic():
        ImpactEvidence.objects.create(plan=plan, shows=SHOWS, **sources)
    with pytest.raises(ValidationError) as refused:
        ImpactEvidence(plan=plan, shows=SHOWS, **sources).full_clean()
    assert ONE_SOURCE in refused.value.messages


def test_the_database_asks_what_it_shows_and_a_documents_name(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        ImpactEvidence.objects.create(plan=plan, link="https://example.org/qa", title="QA")
    with pytest.raises(IntegrityError), transaction.atomic():
        ImpactEvidence.objects.create(plan=plan, link="https://example.org/qa", shows=SHOWS)


# What it speaks to


def test_a_recommendation_outside_the_plans_scope_is_refused(plan, manager):
    advocacy = Recommendation.objects.get(pk=ADVOCACY)
    with pytest.raises(ValidationError) as refused:
        services.add_evidence(plan, manager, shows=SHOWS, recommendations=[advocacy], actions=[])
    assert refused.value.message_dict == {
        "recommendations": ["Recommendation 4 is not in this plan's scope."]
    }


def test_another_plans_action_and_nothing_at_all_are_refused(plan, manager):
    stockton = Action.objects.get(pk=STOCKTON_ACTION)
    with pytest.raises(ValidationError) as refused:
        services.add_evidence(plan, manager, shows=SHOWS, recommendations=[], actions=[stockton])
    assert refused.value.message_dict == {"actions": ["Action 1.1 is not one of this plan's."]}
    with pytest.raises(ValidationError) as refused:
        services.add_evidence(plan, manager, shows=SHOWS, recommendations=[], actions=[])
    assert refused.value.messages == [services.TIED_TO_NOTHING]


# The pages


def test_a_manager_ties_an_audit_through_the_page(plan, manager):
    audit = f.AuditResultFactory(authority=plan.authority, grade="good")
    url = reverse("readiness:add-evidence", args=[plan.pk, "audit"])
    page = signed_in(manager).get(url)
    assert audit.team in text_of(page)
    data = {"audit": audit.pk, "shows": SHOWS, "recommendations": [PLANS]}
    response = signed_in(manager).post(url, data)
    assert response.status_code == 302
    assert response["Location"].endswith(reverse("readiness:plan", args=[plan.pk]) + "#evidence")
    evidence = ImpactEvidence.objects.get()
    assert (evidence.audit, evidence.shows, evidence.added_by) == (audit, SHOWS, manager)
    assert list(evidence.recommendations.values_list("pk", flat=True)) == [PLANS]


def test_the_page_offers_only_the_authoritys_own_audits_and_refuses_another(plan, manager):
    other = stockton_audit()
    url = reverse("readiness:add-evidence", args=[plan.pk, "audit"])
    assert other.team not in signed_in(manager).get(url).content.decode()
    page = signed_in(manager).post(url, {"audit": other.pk, "shows": SHOWS, "actions": [1000]})
    assert page.status_code == 200
    assert "Choose one of Gateshead's own from the list" in text_of(page)
    assert not ImpactEvidence.objects.exists()


def test_a_document_is_uploaded_checked_by_its_content_and_served_to_its_authority(plan, manager):
    url = reverse("readiness:add-evidence", args=[plan.pk, "document"])
    fake = SimpleUploadedFile("qa-report.pdf", b"not a PDF at all")
    page = signed_in(manager).post(
        url, {"title": "QA", "file": fake, "shows": SHOWS, "actions": [1000]}
    )
    assert "“qa-report.pdf” is not a PDF file" in text_of(page)
    text = SimpleUploadedFile("qa-report.txt", b"Quality assurance report, March 2017")
    data = {"title": "QA report, March 2017", "file": text, "shows": SHOWS, "actions": [1000]}
    assert signed_in(manager).post(url, data).status_code == 302
    evidence = ImpactEvidence.objects.get()
    member = f.member(plan.authority, Membership.Role.COMMITTEE_MEMBER)
    served = signed_in(member).get(reverse("readiness:document", args=[evidence.pk]))
    assert b"".join(served.streaming_content) == b"Quality assurance report, March 2017"
    assert evidence.source_url() == reverse("readiness:document", args=[evidence.pk])


def test_a_document_needs_one_of_a_file_or_a_link(plan, manager):
    url = reverse("readiness:add-evidence", args=[plan.pk, "document"])
    data = {"title": "QA", "shows": SHOWS, "actions": [1000]}
    assert "Choose a file, or give a link" in text_of(signed_in(manager).post(url, data))
    data["link"] = "intranet.example/qa"
    assert signed_in(manager).post(url, data).status_code == 302
    assert ImpactEvidence.objects.get().link == "https://intranet.example/qa"


def test_an_unknown_kind_of_evidence_is_not_found(plan, manager):
    url = reverse("readiness:add-evidence", args=[plan.pk, "hearsay"])
    assert signed_in(manager).get(url).status_code == 404


# Two managers at once


def edit_data(evidence, shows, seen):
    return {
        "update_evidence": evidence.update_evidence_id,
        "shows": shows,
        "actions": [1000],
        "seen": seen,
    }


def test_a_change_from_a_form_shown_before_someone_elses_save_is_refused(plan, manager):
    evidence = add(plan, manager, update_evidence=f.EvidenceFactory(update_id=5000))
    url = reverse("readiness:edit-evidence", args=[evidence.pk])
    other = f.member(plan.authority, Membership.Role.MANAGER)
    first = signed_in(manager).post(url, edit_data(evidence, "Audited good in May.", "1"))
    assert first.status_code == 302
    second = signed_in(other).post(
        url, edit_data(evidence, "Audited good in June.", "1"), follow=True
    )
    assert "Someone else saved this evidence while you were editing it" in text_of(second)
    evidence.refresh_from_db()
    assert (evidence.shows, evidence.version) == ("Audited good in May.", 2)


def test_a_change_saved_unchanged_writes_nothing(plan, manager):
    evidence = add(plan, manager, update_evidence=f.EvidenceFactory(update_id=5000))
    url = reverse("readiness:edit-evidence", args=[evidence.pk])
    page = signed_in(manager).post(url, edit_data(evidence, SHOWS, "1"), follow=True)
    assert "Nothing was changed, so nothing was saved." in text_of(page)
    evidence.refresh_from_db()
    assert evidence.version == 1


def test_a_removal_after_someone_elses_change_is_refused(plan, manager):
    evidence = add(plan, manager, update_evidence=f.EvidenceFactory(update_id=5000))
    services.edit_evidence(
        evidence, seen="1", shows="Changed.", recommendations=[], actions=[first_action(plan)]
    )
    url = reverse("readiness:remove-evidence", args=[evidence.pk])
    page = signed_in(manager).post(url, {"seen": "1"}, follow=True)
    assert "Someone else saved this evidence" in text_of(page)
    assert ImpactEvidence.objects.filter(pk=evidence.pk).exists()
    signed_in(manager).post(url, {"seen": "2"})
    assert not ImpactEvidence.objects.filter(pk=evidence.pk).exists()


def test_a_change_to_evidence_removed_meanwhile_says_so(plan, manager):
    evidence = add(plan, manager, update_evidence=f.EvidenceFactory(update_id=5000))
    services.remove_evidence(evidence, seen="1")
    with pytest.raises(building.StaleEdit) as refused:
        services.edit_evidence(
            evidence, seen="1", shows="Changed.", recommendations=[], actions=[first_action(plan)]
        )
    assert refused.value.message == services.GONE
