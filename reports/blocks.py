"""The report's content as blocks: headings, paragraphs, lists and tables of plain text.

The HTML, PDF and Word renderings only lay these out, so the three always say the same thing.
A block is a plain dict (it is stored in a finalised report's snapshot):

- heading:   {"kind": "heading", "level": 1-4, "text", "style"}
- paragraph: {"kind": "paragraph", "text", "number" ("8." or ""), "style" ("" or "small")}
- list:      {"kind": "list", "items": [{"label" ("(i)" or "" for a bullet), "text"}]}
- figure:    {"kind": "figure", "svg", "text"}: a chart (reports/indicator_blocks.py) drawn in
              HTML and PDF; its text says what it shows, and is all the Word file gives.
- table:     {"kind": "table", "caption", "header": [...], "rows": [[...]], "widths": [...],
              "style"}; the first cell of each row heads its row; a cell's lines are split by "\n".
"""

from reports.narrative import bullets, paragraph

__all__ = ["bullets", "heading", "labelled", "number_paragraphs", "paragraph", "roman", "table"]

NUMBERED = "numbered"


def heading(text, level=2, style=""):
    return {"kind": "heading", "level": level, "text": text, "style": style}


def numbered(text):
    """A paragraph of the paper's own prose: numbered on through the whole paper."""
    return paragraph(text, number=NUMBERED)


def table(caption, header, rows, widths, style=""):
    rows = [[str(cell) for cell in row] for row in rows]
    return {
        "kind": "table",
        "caption": caption,
        "header": list(header),
        "rows": rows,
        "widths": list(widths),
        "style": style,
    }


ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def roman(index):
    return f"({ROMAN[index]})" if index < len(ROMAN) else f"({index + 1})"


def labelled(items):
    """A list labelled (i), (ii), as a paper's recommendations to the committee are."""
    return {"kind": "list", "items": [{"label": roman(i), "text": t} for i, t in enumerate(items)]}


def number_paragraphs(blocks):
    """Give the numbered paragraphs their numbers, 1, 2, 3 ..., in the order they come."""
    count = 0
    for block in blocks:
        if block["kind"] == "paragraph" and block["number"] == NUMBERED:
            count += 1
            block["number"] = f"{count}."
    return blocks


def texts(blocks):
    """Every piece of text the blocks show, in reading order (what each rendering must carry)."""
    for block in blocks:
        kind = block["kind"]
        if kind == "heading":
            yield block["text"]
        elif kind == "paragraph":
            yield " ".join(filter(None, [block["number"], block["text"]]))
        elif kind == "list":
            for item in block["items"]:
                yield " ".join(filter(None, [item["label"], item["text"]]))
        elif kind == "figure":
            yield block["text"]
        else:
            yield from table_texts(block)


def table_texts(block):
    if block["caption"]:
        yield block["caption"]
    for row in [block["header"], *block["rows"]]:
        for cell in row:
            yield from (line for line in cell.split("\n") if line)
