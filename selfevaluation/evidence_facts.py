"""The self-evaluation's facts from the evidence of impact tied to its plans (question 2): for
each recommendation, each piece of evidence tied to it or to its actions by the day, quoting
what it shows, with its source and the day it was added; where there is none, that. Every one
cited. The evidence is the readiness chain's (readiness.chain), as the readiness page gives it."""

from core.dates import long_date
from reports.assembly import plan_recommendations
from reports.blocks import Cited
from selfevaluation.audit_facts import audit_citation, readiness_url
from selfevaluation.citing import Scope, cite, group, recommendation_words, sentence
from selfevaluation.snapshot import HOW, FactGroup


def evidence_facts(scope: Scope) -> list[FactGroup]:
    """For each plan, the evidence of impact on each of its recommendations."""
    groups = [plan_group(scope, plan) for plan in scope.plans]
    return [found for found in groups if found]


def plan_group(scope, plan):
    """None when the plan answers no recommendation."""
    links = {link.recommendation.pk: link for link in scope.chain(plan).recommendations}
    found = [
        sentence_of
        for recommendation in plan_recommendations(plan)
        if recommendation.pk in links
        for sentence_of in recommendation_sentences(
            scope, plan, recommendation, links[recommendation.pk].evidence
        )
    ]
    if not found:
        return None
    heading = f"Evidence of impact on the {plan.title}"
    return group(HOW, "evidence", heading, Cited(tuple(found), style="list"))


def recommendation_sentences(scope, plan, recommendation, evidence):
    said = recommendation_words(recommendation)
    url = readiness_url(plan, recommendation)
    if not evidence:
        day = long_date(scope.as_at)
        citation = cite(
            "recommendation evidence",
            recommendation.pk,
            f"{plan.title}: the evidence of impact on recommendation {recommendation.number}",
            url,
            to=day,
            evidence=0,
        )
        text = f"{said}: no evidence of impact tied to it or to its actions by {day}."
        return [sentence(text, citation)]
    return [evidence_sentence(plan, said, piece, url) for piece in evidence]


def evidence_sentence(plan, said, evidence, url):
    """ "Recommendation 5 of ...: “what it shows” (a document or a link: its title, added on 1
    March 2017)." citing the evidence (and, for an audit, the audit)."""
    shows = evidence.shows.strip()
    source, added = evidence.source_words, long_date(evidence.added_at)
    kind = evidence.kind_words[0].lower() + evidence.kind_words[1:]
    citations = [
        cite(
            "evidence",
            evidence.pk,
            f"{plan.title}: evidence of impact, {kind}",
            url,
            shows=shows,
            source=source,
            added=added,
        )
    ]
    if evidence.audit_id:
        citations.append(audit_citation(evidence.audit))
    text = f"{said}: “{shows}” ({kind}: {source}, added on {added})."
    return sentence(text, *citations)
