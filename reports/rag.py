"""RAG rules as the report states them: plain functions on plain values, no database."""

from collections import Counter

from improvement.models import rag_words
from improvement.rules import RAG_ORDER
from reports.snapshot import RagCount, RagCounts

RAG_MEANINGS = [
    ("red", "Off track: the action will miss its due date or its outcome without intervention."),
    ("amber", "At risk: behind plan, with recovery in hand."),
    ("green", "On track to be delivered by its due date."),
    ("blue", "Complete: delivered and evidenced."),
]


def rag_counts(rags) -> RagCounts:
    """Counts of each rating, in the plan's RAG order, with the total (on report values)."""
    counts = Counter(rag or "" for rag in rags)
    rows = tuple(RagCount(r, rag_words(r), counts.get(r, 0)) for r in RAG_ORDER)
    return RagCounts(rows, sum(counts.values()))


def exception_reasons(rag, overdue, rebaselined):
    """Why an action is an exception, worst first; empty when it is not one."""
    reasons = []
    if rag == "red":
        reasons.append("Red")
    if overdue:
        reasons.append("Overdue")
    if rebaselined:
        reasons.append("Re-baselined")
    return reasons
