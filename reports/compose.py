"""The assembled data of a report (a reports.snapshot.Snapshot), written out as the paper's
blocks (see reports.blocks).

One function per section of the paper; each returns its blocks. Paragraphs of the paper's own
prose are numbered through the whole paper; recommendation texts and narratives are quoted.
"""

from improvement.models import partner_update_words
from reports.blocks import heading, labelled, number_paragraphs, numbered, paragraph, table
from reports.indicator_blocks import indicators
from reports.narrative import bullets, narrative_blocks


def compose(report):
    blocks = []
    for section in SECTIONS:
        blocks.extend(section(report))
    return number_paragraphs(blocks)


def cover(report):
    front, paper = report.front, report.paper
    agenda = [("Agenda item", front.agenda_item)] if front.agenda_item else []
    rows = [
        ("Council", paper.council or front.authority),
        ("Report to", front.committee),
        ("Date", front.meeting_on),
        *agenda,
        ("Title of report", front.title),
        ("Report of", front.report_of),
        *paper.header,
    ]
    return [
        table("", [], rows, [35, 65], style="cover"),
        heading(front.title, level=1),
        paragraph(as_at(report)),
    ]


def as_at(report):
    """The date the figures were taken, and the meeting they are for where that is later."""
    said = f"Progress on the {report.plan.title} as at {report.as_at}"
    meeting = report.front.meeting_on
    if report.as_at == meeting:
        return f"{said}."
    return f"{said}, when these figures were taken, for the meeting on {meeting}."


def front_matter(report):
    front = report.front
    blocks = []
    if front.summary:
        # As the paper has it: the executive summary stands before the numbered paragraphs.
        blocks += [heading("Executive summary"), *written(front.summary)]
    blocks += [heading("Purpose of the report"), *prose(front.purpose)]
    if front.background:
        blocks += [heading("Background"), *prose(front.background)]
    return blocks


def prose(paragraphs):
    """The author's paragraphs, each numbered, with their line breaks and "- " lists as typed
    (a list is not numbered: "4. - Theme 1 - Theme 2" read as one paragraph)."""
    return [numbered_paragraph(block) for block in written(paragraphs)]


def written(paragraphs):
    """The author's paragraphs as the blocks of the narrative convention (reports/narrative.py)."""
    return [block for text in paragraphs for block in narrative_blocks(text)]


def numbered_paragraph(block):
    return numbered(block.text) if block.kind == "paragraph" else block


def inspections(report):
    found = report.inspections
    blocks = [heading("The inspections" if len(found) > 1 else "The inspection")]
    for inspection in found:
        blocks += inspection_blocks(inspection)
    if not found:
        blocks.append(numbered("The plan answers no inspection."))
    return blocks


def inspection_blocks(inspection):
    kind = inspection.kind.lower()
    blocks = [
        heading(f"{inspection.framework}: {kind}", level=3),
        numbered(
            f"On site {inspection.on_site}. Report published: {inspection.published}. "
            f"Overall judgement: {inspection.overall}."
        ),
    ]
    rows = [(judgement_name(j), j.grade) for j in inspection.judgements]
    if rows:
        caption = f"Judgements of the {inspection.framework_short} {kind}"
        blocks.append(table(caption, ("Judgement", "Grade"), rows, [70, 30]))
    return blocks


def judgement_name(judgement):
    return ("Sub-judgement: " if judgement.is_sub_judgement else "") + judgement.area


RAG_EXPLAINED = (
    "An action is overdue when its due date had passed by the date of these figures and it was "
    "not complete; it is re-baselined when its due date has been moved. Each action is rated by "
    "its latest progress update by that date."
)


def summary(report):
    rules = [(r.words, r.meaning) for r in report.rag_rules]
    plan = report.summary.plan
    header = ("Theme", *(r.words for r in plan.rows), "Total")
    rows = [counts_row(t.theme, t.counts) for t in report.summary.themes]
    rows.append(counts_row("Whole plan", plan))
    return [
        heading("Summary of progress"),
        table("What the RAG ratings mean", ("Rating", "Meaning"), rules, [25, 75]),
        numbered(RAG_EXPLAINED),
        table(
            "Actions by RAG rating, for the plan and each theme",
            header,
            rows,
            count_widths(len(header)),
            style="counts",
        ),
    ]


def counts_row(name, counts):
    return (name, *(r.count for r in counts.rows), counts.total)


def exceptions(report):
    """Which actions need attention and why, compactly: each is set out in full further on."""
    found = report.exceptions
    blocks = [heading("Exceptions: red, overdue and re-baselined actions")]
    if not found:
        return [*blocks, numbered("No action is red, overdue or re-baselined.")]
    total = report.summary.plan.total
    blocks += [
        numbered(
            f"{len(found)} of the plan's {total} actions need the committee's attention. "
            "Each is set out in full under the recommendation it answers."
        ),
        bullets([line for line in reason_lines(found) if line]),
    ]
    moved = [a for a in found if a.due_date_changes]
    if moved:
        rows = [(a.reference, a.due_on or "None set", why(a)) for a in moved]
        header = ("Action", "Due", "How its due date moved")
        blocks.append(table("Re-baselined actions", header, rows, [12, 24, 64]))
    return blocks


REASONS = ("Red", "Overdue", "Re-baselined")


def reason_lines(found):
    """One line per reason: how many actions, and their references."""
    for reason in REASONS:
        references = [a.reference for a in found if reason in a.exception_reasons]
        if references:
            yield f"{reason} ({len(references)}): {', '.join(references)}."


def why(action):
    return "\n".join(due_date_move(c) for c in action.due_date_changes)


def due_date_move(change):
    old = change.old if change.old not in ("", "None set") else ""
    said = f"Moved from {old} to {change.new}" if old else f"Due date set to {change.new}"
    return f"{said}: {change.reason}" if change.reason else f"{said}."


def changes(report):
    found = report.changes
    blocks = [heading("Changes since the previous report")]
    if not found.previous:
        committee = report.front.committee
        return [*blocks, numbered(f"This is the first report of this plan to the {committee}.")]
    lines = change_lines(found)
    if not lines:
        return [*blocks, numbered(f"Nothing has changed since the report of {found.previous}.")]
    return [*blocks, numbered(f"Since the report of {found.previous}:"), bullets(lines)]


def change_lines(found):
    lines = [f"Action {r.reference} moved from {r.before} to {r.after}." for r in found.rag_moves]
    lines += [f"Action {r.reference} was completed." for r in found.completed]
    lines += [f"Action {r.reference} is newly overdue." for r in found.new_overdue]
    lines += [
        f"Action {r.reference}'s due date moved from {r.before} to {r.after}."
        if r.before not in ("", "None set")
        else f"Action {r.reference}'s due date was set to {r.after}."
        for r in found.due_moved
    ]
    return lines + [f"Action {r.reference} was added to the plan." for r in found.new]


def recommendations(report):
    sections = report.recommendations
    blocks = [
        heading("Progress on each recommendation"),
        numbered(
            f"The plan answers {len(sections)} recommendation{'s' if len(sections) != 1 else ''}"
            " of the inspection. Progress on each is set out below, under the inspectors' words."
        ),
    ]
    for recommendation in sections:
        blocks += recommendation_blocks(recommendation)
    return blocks


def recommendation_blocks(recommendation):
    blocks = [
        heading(f"Recommendation {recommendation.number} ({recommendation.inspection})", level=3),
        paragraph(recommendation.text, style="quote"),
        paragraph(
            f"{recommendation.priority}; addressed to {recommendation.addressed_to.lower()}.",
            style="small",
        ),
    ]
    for action in recommendation.actions:
        blocks += action_blocks(action)
    if not recommendation.actions:
        blocks.append(paragraph("No action in the plan answers this recommendation yet."))
    return blocks


def action_blocks(action):
    """The action, who leads it and its state, then its latest narrative (one line less to lay
    out per action: it counts, at 300 actions)."""
    overdue = " (overdue)" if action.overdue else ""
    state = (
        f"Lead: {action.lead or 'not named'}. Due: {action.due_on or 'none set'}. "
        f"Status: {action.status}. RAG: {action.rag_words}{overdue}."
    )
    if not action.narrative:
        state += " No progress has been reported yet."
    elif action.update_from:
        # A partner organisation's update, marked as theirs as on the action's page.
        state += f" Progress at {action.reported_on}. {partner_update_words(action.update_from)}:"
    else:
        state += f" Progress at {action.reported_on}:"
    return [
        heading(f"Action {action.reference}: {action.title}", level=4),
        paragraph(state, style="small"),
        *narrative_blocks(action.narrative),
    ]


def implications(report):
    found = report.front.implications
    if not found:
        return []
    blocks = [heading("Implications")]
    for implication in found:
        blocks += [heading(implication.heading, level=3), *prose(implication.paragraphs)]
    return blocks


def close(report):
    front = report.front
    blocks = [
        heading("Recommendations to the committee"),
        numbered(f"The {front.committee} is asked to:"),
        labelled(front.recommendations),
    ]
    if front.contact_officer:
        blocks.append(paragraph(f"Contact officer: {front.contact_officer}"))
    if front.background_papers:
        blocks += [heading("Background papers"), bullets(front.background_papers)]
    return blocks


def appendix(report):
    found = report.appendix
    model = found.neighbour_model
    compared = f"the {found.region} region"
    if model:
        compared += f" and its statistical neighbours (DfE {model} model)"
    blocks = [
        heading(f"Appendix 1: the council beside {compared}", style="appendix"),
        paragraph(
            f"Each authority's latest inspection published by {report.as_at}.", style="appendix"
        ),
    ]
    rows = [found.own, *found.rows] if found.own else found.rows
    if not found.rows:
        return [*blocks, paragraph("No other current authority in the region.", style="appendix")]
    columns = found.columns or judgement_columns(rows)
    header = ("Authority", "Compared as", "Latest inspection", "Overall", *columns)
    grid = [grid_row(r, columns) for r in rows]
    caption = "Each authority's latest inspection: overall and by judgement"
    return [*blocks, table(caption, header, grid, grid_widths(len(columns)), style="grid")]


def judgement_columns(rows):
    """For a snapshot stored before the grid: the judgements its rows name, in order."""
    columns = []
    for row in rows:
        columns += [j.area for j in row.judgements if j.area not in columns]
    return columns


def grid_row(row, columns):
    grades = {j.area: j.grade for j in row.judgements}
    return (
        row.authority,
        row.group or "Region",
        row.inspection,
        row.overall or "–",
        *(grades.get(column, "–") for column in columns),
    )


def grid_widths(judgements):
    """Authority, compared as, inspection and overall, then the judgements share what is left."""
    fixed = [14, 11, 13, 10]
    each = (100 - sum(fixed)) // judgements if judgements else 0
    return fixed + [min(each, 16)] * judgements


SECTIONS = (
    cover,
    front_matter,
    inspections,
    summary,
    exceptions,
    changes,
    recommendations,
    implications,
    indicators,
    close,
    appendix,
)


def count_widths(columns):
    """The theme column, then equal columns, with room for "Blue (complete)"."""
    return [26, 11, 12, 11, 18, 11, 11] if columns == 7 else [100 // columns] * columns
