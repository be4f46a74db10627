"""The report's performance information, as blocks: for each indicator of the plan its
definition, its state against target and trend, its chart and the chart's figures as a table.

The chart is a figure block: the HTML page and the PDF draw its SVG, the Word file gives its
description in words; the table beside it carries the same figures in all three, the council's
own figures in a column of their own, headed "local, not published".
"""

from reports.blocks import Figure, heading, numbered, paragraph, table

# (key of a row, heading, relative width) of each column the table may have.
PERIOD = ("period", "Period", 20)
PUBLISHED = (
    ("own", "{authority}", 16),
    ("england", "England", 16),
    ("region", "Region", 16),
    ("neighbour_average", "Neighbours' average", 18),
    ("rank", "Rank", 14),
)
LOCAL = ("local", "{authority}: local, not published", 24)


def figure(svg, text):
    """A chart drawn by indicators.charts (our own escaped SVG) and what it shows in words."""
    return Figure(svg, text)


def indicators(report):
    found = report.indicators
    if not found:
        return []
    count = len(found)
    blocks = [
        heading("Performance information"),
        numbered(
            f"The plan is measured by {count} indicator{'s' if count != 1 else ''}, each shown "
            "below against England, the region and the authority's statistical neighbours."
        ),
    ]
    for entry in found:
        blocks += indicator_blocks(entry)
    return blocks


def columns(entry):
    """A national indicator's published figures, and the council's own where it has any; a
    local indicator's own figures alone. (A report finalised before there were local figures
    keeps its six columns.)"""
    chosen = [PERIOD, *PUBLISHED] if entry.national else [PERIOD]
    return [*chosen, LOCAL] if entry.local_column else chosen


def indicator_blocks(entry):
    chosen = columns(entry)
    header = [title.format(authority=entry.authority) for _, title, _ in chosen]
    rows = [[getattr(row, key) or "–" for key, _, _ in chosen] for row in entry.rows]
    total = sum(width for *_, width in chosen)
    widths = [round(100 * width / total) for *_, width in chosen]
    blocks = [
        heading(entry.name, level=3),
        paragraph(
            f"{entry.definition} {entry.unit}; {entry.polarity.lower()}. Source: {entry.source}.",
            style="small",
        ),
        paragraph(f"Against target: {entry.rag_words}\nTrend: {entry.trend.words}"),
        figure(entry.svg, entry.description),
    ]
    if rows:
        caption = f"{entry.name}: the figures of the chart"
        blocks.append(table(caption, header, rows, widths))
    return blocks
