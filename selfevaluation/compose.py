"""A self-evaluation written out as blocks (reports.blocks), which the HTML page, the PDF and the
Word file lay out as they lay out a committee paper.

The council's cover, the title, then each of Ofsted's three questions: the manager's words
before the drafted facts, the facts (each group under its heading, every sentence with its
citations), the manager's words after them. The citations are numbered through the document and
listed at its end under "Sources" (reports.blocks.number_citations).
"""

from reports.blocks import Notes, heading, number_citations, paragraph, table
from reports.narrative import narrative_blocks

SOURCES_HEADING = "Sources"
NO_FACTS = "No facts are drafted for this question yet."


def compose(evaluation):
    """The document's blocks, its citations numbered and listed under Sources."""
    blocks = [*cover(evaluation), *answers(evaluation)]
    blocks, notes = number_citations(blocks)
    return [*blocks, *sources(notes)]


def cover(evaluation):
    rows = [
        ("Council", evaluation.paper.council or evaluation.authority),
        ("Document", f"{evaluation.title} {evaluation.year}"),
        ("For", "Ofsted's annual engagement meeting"),
    ]
    if evaluation.meeting_on:
        rows.append(("Engagement meeting", evaluation.meeting_on))
    if evaluation.plan:
        rows.append(("Improvement plan", evaluation.plan))
    rows += [("Facts as at", evaluation.as_at), *evaluation.paper.header]
    return [
        table("", [], rows, [35, 65], style="cover"),
        heading(f"{evaluation.title} {evaluation.year}", level=1),
        paragraph(
            f"{evaluation.authority}'s answers to Ofsted's three questions. The facts are drafted "
            f"from the service's data as it stood on {evaluation.as_at}, each with its source: a "
            "numbered note, listed under Sources at the end."
        ),
    ]


def answers(evaluation):
    blocks = []
    for number, answer in enumerate(evaluation.answers, start=1):
        groups = [g for g in evaluation.facts if g.question == answer.question]
        blocks += [heading(f"{number}. {answer.words}"), *narrative_blocks(answer.before)]
        for group in groups:
            blocks += [heading(group.heading, level=3), *group.blocks]
        if not groups:
            blocks.append(paragraph(NO_FACTS, style="small"))
        blocks += narrative_blocks(answer.after)
    return blocks


def sources(notes):
    if not notes:
        return []
    return [
        heading(SOURCES_HEADING),
        paragraph(
            "Each note names the record a fact was drafted from, what the sentence states from "
            "it, and the page of the service that shows it.",
            style="small",
        ),
        Notes(notes),
    ]
