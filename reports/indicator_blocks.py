"""The report's performance information, as blocks: for each indicator of the plan its
definition, its state against target and trend, its chart and the chart's figures as a table.

The chart is a figure block: the HTML page and the PDF draw its SVG, the Word file gives its
description in words; the table beside it carries the same figures in all three.
"""

from reports.blocks import heading, numbered, paragraph, table

HEADER = ("Period", "{authority}", "England", "Region", "Neighbours' average", "Rank")
WIDTHS = [20, 16, 16, 16, 18, 14]


def figure(svg, text):
    """A chart drawn by indicators.charts (our own escaped SVG) and what it shows in words."""
    return {"kind": "figure", "svg": svg, "text": text}


def indicators(report):
    found = report.get("indicators") or []
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


def indicator_blocks(entry):
    header = [cell.format(authority=entry["authority"]) for cell in HEADER]
    rows = [
        (
            row["period"],
            row["own"] or "–",
            row["england"] or "–",
            row["region"] or "–",
            row["neighbour_average"] or "–",
            row["rank"] or "–",
        )
        for row in entry["rows"]
    ]
    blocks = [
        heading(entry["name"], level=3),
        paragraph(
            f"{entry['definition']} {entry['unit']}; {entry['polarity'].lower()}. "
            f"Source: {entry['source']}.",
            style="small",
        ),
        paragraph(f"Against target: {entry['rag_words']} Trend: {entry['trend']['words']}"),
        figure(entry["svg"], entry["description"]),
    ]
    if rows:
        caption = f"{entry['name']}: the figures of the chart"
        blocks.append(table(caption, header, rows, WIDTHS))
    return blocks
