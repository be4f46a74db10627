"""The report as a Word document, from the same assembled content as the HTML and PDF."""

from io import BytesIO

from docx import Document

TABLE_STYLE = "Table Grid"


def render_docx(report):
    document = Document()
    properties = document.core_properties
    properties.title = report["front"]["title"]
    properties.language = "en-GB"
    for write in (
        cover,
        front,
        inspections,
        summary,
        exceptions,
        changes,
        recommendations,
        close,
        appendix,
    ):
        write(document, report)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def table(document, header, rows, caption=None):
    if caption:
        document.add_paragraph(caption, style="Caption")
    grid = document.add_table(rows=1, cols=len(header), style=TABLE_STYLE)
    for cell, text in zip(grid.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    repeat_header(grid.rows[0])
    for row in rows:
        for cell, text in zip(grid.add_row().cells, row, strict=True):
            cell.text = str(text)
    return grid


def repeat_header(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def numbered(document, paragraphs):
    for paragraph in paragraphs:
        document.add_paragraph(f"{paragraph['number']}.\t{paragraph['text']}")


def cover(document, report):
    front = report["front"]
    rows = [
        ("Report to", front["committee"]),
        ("Date", front["meeting_on"]),
        ("Title of report", front["title"]),
        ("Report of", front["report_of"]),
        ("Council", front["authority"]),
    ]
    grid = document.add_table(rows=0, cols=2, style=TABLE_STYLE)
    for key, value in rows:
        cells = grid.add_row().cells
        cells[0].text, cells[1].text = key, value


def front(document, report):
    document.add_heading(report["front"]["title"], level=1)
    document.add_paragraph(f"Progress on the {report['plan']['title']} as at {report['as_at']}.")
    document.add_heading("Purpose of the report", level=2)
    numbered(document, report["front"]["purpose"])
    if report["front"]["background"]:
        document.add_heading("Background", level=2)
        numbered(document, report["front"]["background"])


def inspections(document, report):
    document.add_heading(
        "The inspections" if len(report["inspections"]) > 1 else "The inspection", level=2
    )
    for inspection in report["inspections"]:
        document.add_heading(f"{inspection['framework']}: {inspection['kind'].lower()}", level=3)
        document.add_paragraph(
            f"On site {inspection['on_site']}. Report published: {inspection['published']}. "
            f"Overall judgement: {inspection['overall']}."
        )
        rows = [(judgement_name(j), j["grade"]) for j in inspection["judgements"]]
        if rows:
            table(document, ("Judgement", "Grade"), rows)


def judgement_name(judgement):
    prefix = "Sub-judgement: " if judgement["is_sub_judgement"] else ""
    return prefix + judgement["area"]


def summary(document, report):
    document.add_heading("Summary of progress", level=2)
    table(
        document, ("Rating", "Meaning"), [(r["words"], r["meaning"]) for r in report["rag_rules"]]
    )
    header = ("Theme", *(r["words"] for r in report["summary"]["plan"]["rows"]), "Total")
    rows = [counts_row(t["theme"], t["counts"]) for t in report["summary"]["themes"]]
    rows.append(counts_row("Whole plan", report["summary"]["plan"]))
    table(document, header, rows, caption="Actions by RAG rating, for the plan and each theme")


def counts_row(name, counts):
    return (name, *(r["count"] for r in counts["rows"]), counts["total"])


def exceptions(document, report):
    document.add_heading("Exceptions: red, overdue and re-baselined actions", level=2)
    if not report["exceptions"]:
        document.add_paragraph("No action is red, overdue or re-baselined.")
        return
    rows = [
        (a["reference"], a["title"], a["rag_words"], a["due_on"] or "None set", why(a))
        for a in report["exceptions"]
    ]
    table(document, ("Action", "What will be done", "RAG", "Due", "Why it is here"), rows)


def why(action):
    moves = [
        f"Moved from {c['old']} to {c['new']}: {c['reason']}" for c in action["due_date_changes"]
    ]
    return "\n".join([", ".join(action["exception_reasons"]), *moves])


def changes(document, report):
    document.add_heading("Changes since the previous report", level=2)
    found = report["changes"]
    if not found.get("previous"):
        document.add_paragraph(
            f"This is the first report of this plan to the {report['front']['committee']}."
        )
        return
    lines = [
        f"Action {r['reference']} moved from {r['from']} to {r['to']}." for r in found["rag_moves"]
    ]
    lines += [f"Action {r['reference']} was completed." for r in found["completed"]]
    lines += [f"Action {r['reference']} is newly overdue." for r in found["new_overdue"]]
    lines += [
        f"Action {r['reference']}'s due date moved from {r['from']} to {r['to']}."
        for r in found["due_moved"]
    ]
    lines += [f"Action {r['reference']} was added to the plan." for r in found["new"]]
    document.add_paragraph(
        f"Since the report of {found['previous']}:"
        if lines
        else f"Nothing has changed since the report of {found['previous']}."
    )
    for line in lines:
        document.add_paragraph(line, style="List Bullet")


def recommendations(document, report):
    document.add_heading("Progress on each recommendation", level=2)
    for recommendation in report["recommendations"]:
        document.add_heading(
            f"Recommendation {recommendation['number']} ({recommendation['inspection']})", level=3
        )
        document.add_paragraph(recommendation["text"])
        for action in recommendation["actions"]:
            action_block(document, action)
        if not recommendation["actions"]:
            document.add_paragraph("No action in the plan answers this recommendation yet.")


def action_block(document, action):
    document.add_heading(f"Action {action['reference']}: {action['title']}", level=4)
    document.add_paragraph(
        f"Lead: {action['lead'] or 'not named'}. Due: {action['due_on'] or 'none set'}. "
        f"Status: {action['status']}. RAG: {action['rag_words']}{' (overdue)' if action['overdue'] else ''}."
    )
    if action["narrative"]:
        document.add_paragraph(f"Progress at {action['reported_on']}:")
        for paragraph in action["narrative"].split("\n\n"):
            document.add_paragraph(paragraph.strip())
    else:
        document.add_paragraph("No progress has been reported yet.")


def close(document, report):
    front_matter = report["front"]
    document.add_heading("Recommendations to the committee", level=2)
    document.add_paragraph(f"The {front_matter['committee']} is asked to:")
    for recommendation in front_matter["recommendations"]:
        document.add_paragraph(recommendation, style="List Number")
    if front_matter["contact_officer"]:
        document.add_paragraph(f"Contact: {front_matter['contact_officer']}")
    if front_matter["background_papers"]:
        document.add_heading("Background papers", level=2)
        for paper in front_matter["background_papers"]:
            document.add_paragraph(paper, style="List Bullet")


def appendix(document, report):
    document.add_page_break()
    region = report["appendix"]
    document.add_heading(f"Appendix 1: other authorities of the {region['region']} region", level=2)
    rows = [
        (
            r["authority"],
            r["inspection"],
            r.get("overall", "–"),
            "\n".join(f"{j['area']}: {j['grade']}" for j in r["judgements"]),
        )
        for r in region["rows"]
    ]
    table(document, ("Authority", "Latest inspection", "Overall", "Judgements"), rows)
