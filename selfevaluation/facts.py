"""The facts a self-evaluation is drafted from: one function per source, every sentence cited.

Each source reads the data as at the self-evaluation's date through the function that owns the
fact (the latest inspection from inspections.compare, an indicator's comparison from
indicators.compare, an action's state from improvement.state) and returns FactGroups: a heading
under one of Ofsted's questions, and sentences each carrying its citations (the kind of source,
the object's id, every figure, date or grade the sentence states from it, a label and the page of
the app that shows it; selfevaluation.citing). tests/selfevaluation/test_citations.py checks each
against the data it names.

Where more facts plug in: SOURCES lists the sources in the order the document gives them. A new
source is a module with a function `facts(scope: Scope) -> list[FactGroup]`, written with
selfevaluation.citing, and one FactSource line below: see docs/self-evaluation.md, "Adding a
source of facts". Case-file audits (audits.summary) and evidence of impact (readiness.chain,
read once per plan through Scope.chain) come in under HOW ("How do you know it?"), after the
indicators.
"""

from collections.abc import Callable
from dataclasses import dataclass

from selfevaluation.audit_facts import audit_facts
from selfevaluation.citing import Scope
from selfevaluation.evidence_facts import evidence_facts
from selfevaluation.indicator_facts import indicator_facts
from selfevaluation.inspection_facts import inspection_facts
from selfevaluation.plan_facts import plan_facts
from selfevaluation.snapshot import HOW, KNOW, PLANS, FactGroup

__all__ = ["SOURCES", "FactSource", "Scope", "draft"]


@dataclass(frozen=True)
class FactSource:
    name: str
    question: str
    facts: Callable[[Scope], list[FactGroup]]


# The sources, in the order the document gives them (docs/self-evaluation.md, "Adding a source
# of facts"). Case-file audits and evidence of impact answer "How do you know it?" after the
# indicators.
SOURCES = [
    FactSource("inspection", KNOW, inspection_facts),
    FactSource("indicators", HOW, indicator_facts),
    FactSource("audits", HOW, audit_facts),  # the audits' summaries, by theme, by recommendation
    FactSource("evidence", HOW, evidence_facts),  # evidence tied to the plans' recommendations
    FactSource("plan", PLANS, plan_facts),
]


def draft(scope: Scope) -> tuple[FactGroup, ...]:
    """Every source's facts, in the order of SOURCES."""
    return tuple(group for source in SOURCES for group in source.facts(scope))
