"""The report's content as blocks: headings, paragraphs, lists, figures and tables of plain text.

The HTML, PDF and Word renderings only lay these out, so the three always say the same thing.
Each block is a frozen dataclass, stored in a finalised report's snapshot (reports/snapshot.py)
with its `kind`:

- Heading:   level 1-4, text, style ("" or "appendix")
- Paragraph: text, number ("8." or ""), style ("", "small", "quote" or "appendix"); a "\n" in
             its text is a line break the author typed
- List:      items, each a ListItem with its label ("(i)", or "" for a bullet) and text
- Figure:    a chart (reports/indicator_blocks.py) drawn in HTML and PDF; its text says what it
             shows, and is all the Word file gives.
- Table:     caption, header, rows, widths (percent), style; the first cell of each row heads
             its row; a cell's lines are split by "\n".
"""

from dataclasses import dataclass, field, replace

NUMBERED = "numbered"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2
    style: str = ""
    kind: str = field(default="heading", init=False)


@dataclass(frozen=True)
class Paragraph:
    text: str
    number: str = ""
    style: str = ""
    kind: str = field(default="paragraph", init=False)


@dataclass(frozen=True)
class ListItem:
    label: str
    text: str


@dataclass(frozen=True)
class List:
    items: tuple[ListItem, ...]
    kind: str = field(default="list", init=False)


@dataclass(frozen=True)
class Figure:
    svg: str
    text: str
    kind: str = field(default="figure", init=False)


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    style: str = ""
    kind: str = field(default="table", init=False)


Block = Heading | Paragraph | List | Figure | Table
KINDS = {kind.__dataclass_fields__["kind"].default: kind for kind in Block.__args__}


def paragraph(text, number="", style=""):
    return Paragraph(text, number, style)


def bullets(items):
    """A bulleted list: items with no label."""
    return List(tuple(ListItem("", item) for item in items))


def heading(text, level=2, style=""):
    return Heading(text, level, style)


def numbered(text):
    """A paragraph of the paper's own prose: numbered on through the whole paper."""
    return paragraph(text, number=NUMBERED)


def table(caption, header, rows, widths, style=""):
    rows = tuple(tuple(str(cell) for cell in row) for row in rows)
    return Table(caption, tuple(header), rows, tuple(widths), style)


ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def roman(index):
    return f"({ROMAN[index]})" if index < len(ROMAN) else f"({index + 1})"


def labelled(items):
    """A list labelled (i), (ii), as a paper's recommendations to the committee are."""
    return List(tuple(ListItem(roman(i), t) for i, t in enumerate(items)))


def number_paragraphs(blocks):
    """The blocks, with the numbered paragraphs given their numbers 1, 2, 3 ... in order."""
    count, numbered_blocks = 0, []
    for block in blocks:
        if block.kind == "paragraph" and block.number == NUMBERED:
            count += 1
            block = replace(block, number=f"{count}.")
        numbered_blocks.append(block)
    return numbered_blocks


def texts(blocks):
    """Every piece of text the blocks show, in reading order (what each rendering must carry)."""
    for block in blocks:
        if block.kind == "heading":
            yield block.text
        elif block.kind == "paragraph":
            yield " ".join(filter(None, [block.number, block.text]))
        elif block.kind == "list":
            for item in block.items:
                yield " ".join(filter(None, [item.label, item.text]))
        elif block.kind == "figure":
            yield block.text
        else:
            yield from table_texts(block)


def table_texts(block):
    if block.caption:
        yield block.caption
    for row in [block.header, *block.rows]:
        for cell in row:
            yield from (line for line in cell.split("\n") if line)
