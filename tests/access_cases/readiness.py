"""Access cases for readiness: everyone of the authority reads a plan's readiness page and the
documents tied as evidence of impact; managers and admins add, change and remove evidence."""

from django.core.files.base import ContentFile

from readiness.models import ImpactEvidence
from tests.access import EDITORS, INSIDERS, PARTNERS, Case

SHOWS = "Plans written in the new template were all audited good or better."


def evidence_of(w):
    """A piece of A's evidence of impact (its progress update's file), made once per world."""
    evidence = ImpactEvidence.objects.filter(plan=w.a.plan, update_evidence=w.a.evidence).first()
    if evidence is None:
        evidence = ImpactEvidence.objects.create(
            plan=w.a.plan, update_evidence=w.a.evidence, shows=SHOWS, added_by=w.a.manager
        )
        evidence.actions.add(w.a.action)
    return evidence


def plan_pk(w):
    return {"pk": w.a.plan.pk}


def add_kwargs(w):
    return {"pk": w.a.plan.pk, "kind": "update-file"}


def add_data(w):
    return {"update_evidence": w.a.evidence.pk, "shows": SHOWS, "actions": [w.a.action.pk]}


def evidence_pk(w):
    return {"pk": evidence_of(w).pk}


def edit_data(w):
    evidence = evidence_of(w)
    evidence.refresh_from_db()
    return {
        "update_evidence": w.a.evidence.pk,
        "shows": f"{SHOWS} Re-audited in June.",
        "actions": [w.a.action.pk],
        "recommendations": [w.a.recommendation.pk],
        "seen": str(evidence.version),
    }


def fresh_evidence_pk(w):
    """A new piece each time: removing it uses it up."""
    evidence = ImpactEvidence.objects.create(
        plan=w.a.plan, title="QA report", link="https://example.org/qa", shows=SHOWS
    )
    evidence.recommendations.add(w.a.recommendation)
    return {"pk": evidence.pk}


def remove_data(w):
    return {"seen": "1"}


def document_pk(w):
    """A document uploaded as A's evidence of impact."""
    evidence = ImpactEvidence(plan=w.a.plan, title="QA report, March 2017", shows=SHOWS)
    evidence.file.save("qa-report.txt", ContentFile(b"Quality assurance report"), save=False)
    evidence.save()
    evidence.actions.add(w.a.action)
    return {"pk": evidence.pk}


CASES = [
    # The council's internal work: not there for a partner agency's people.
    Case("readiness:plan", kwargs=plan_pk, get=INSIDERS, hidden=PARTNERS),
    Case(
        "readiness:add-evidence",
        kwargs=add_kwargs,
        get=EDITORS,
        post=EDITORS,
        post_data=add_data,
    ),
    Case(
        "readiness:edit-evidence",
        kwargs=evidence_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=edit_data,
    ),
    Case(
        "readiness:remove-evidence",
        kwargs=fresh_evidence_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=remove_data,
        fresh=True,
    ),
    Case("readiness:document", kwargs=document_pk, get=INSIDERS, hidden=PARTNERS),
]
