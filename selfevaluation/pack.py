"""The engagement meeting pack: the self-evaluation, the performance information and each plan's
progress, as at the self-evaluation's date, in one document.

The last two are the committee paper's own sections (reports.compose, reports.indicator_blocks),
written from the same assembly (reports.assembly, indicators.report), so the pack says of an
indicator and an action exactly what a committee paper of that date says.
"""

from dataclasses import dataclass

from improvement.models import rag_words
from indicators.report import report_section
from reports import rag
from reports.assembly import (
    plan_actions,
    plan_recommendations,
    rag_summary,
    recommendation_sections,
)
from reports.blocks import heading, number_paragraphs, paragraph
from reports.compose import exceptions, recommendations, summary
from reports.indicator_blocks import indicator_blocks
from reports.snapshot import (
    IndicatorEntry,
    RagRule,
    RagSummary,
    RecommendationSection,
    build,
)


@dataclass(frozen=True)
class PlanProgress:
    """What the committee paper's progress sections read of a plan (reports.compose)."""

    rag_rules: tuple[RagRule, ...]
    summary: RagSummary
    exceptions: tuple
    recommendations: tuple[RecommendationSection, ...]


def appendices(plans, as_at):
    """The pack's parts after the self-evaluation: the plans' indicators, then each plan's
    progress, as at the day."""
    blocks = [*performance(plans, as_at)]
    for plan in plans:
        blocks += progress(plan, as_at)
    return blocks


def pack_blocks(evaluation_blocks, appended):
    """The pack: the self-evaluation, then the appendices, the committee paper's numbered
    paragraphs numbered through them."""
    return number_paragraphs([*evaluation_blocks, *appended])


def performance(plans, as_at):
    entries, seen = [], set()
    for plan in plans:
        for entry in build(tuple[IndicatorEntry, ...], report_section(plan, as_at)):
            if entry.name not in seen:
                seen.add(entry.name)
                entries.append(entry)
    tied = "the plan" if len(plans) == 1 else "the plans"
    blocks = [heading("Performance information", level=1)]
    if not entries:
        return [*blocks, paragraph(f"No indicator is tied to {tied}.")]
    # A heading of the second level: each indicator's is of the third (reports.indicator_blocks).
    blocks += [
        heading(f"The indicators tied to {tied}"),
        paragraph(
            "Each against England, the region and the authority's statistical neighbours, with "
            "the periods ended by the date of the self-evaluation."
        ),
    ]
    for entry in entries:
        blocks += indicator_blocks(entry)
    return blocks


def progress(plan, as_at):
    actions = plan_actions(plan, as_at)
    found = PlanProgress(
        rag_rules=tuple(RagRule(r, rag_words(r), m) for r, m in rag.RAG_MEANINGS),
        summary=rag_summary(actions),
        exceptions=tuple(a for a in actions if a.exception_reasons),
        recommendations=recommendation_sections(plan_recommendations(plan), actions),
    )
    return [
        heading(f"Progress on the {plan.title}", level=1),
        *summary(found),
        *exceptions(found),
        *recommendations(found),
    ]
