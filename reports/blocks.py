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
- Cited:     sentences that state facts, each with its citations (a self-evaluation's drafted
             facts); style "" for a paragraph, "list" for a bulleted list of one sentence each.
             The HTML page links each citation to the page of the app it names; the PDF and the
             Word file give it as a numbered note ("[3]"), listed under the Notes block.
- Notes:     the numbered citations (number_citations), each with its label, what it states and
             the page it names.

A citation is structured, so a test can check each against the data it names: the kind of
source, the object's id, every figure, date or grade the sentence states from it (`states`), a
label and the page's URL. The committee paper has neither kind: its snapshot's shape is the same.
"""

import json
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


@dataclass(frozen=True)
class Stated:
    """One figure, date or grade a sentence states from its source, as the sentence says it."""

    what: str
    value: str


@dataclass(frozen=True)
class Citation:
    """Where a sentence's facts come from: the kind of source ("inspection", "judgement",
    "indicator", ...), the object's id, what the sentence states from it, a label and the page of
    the app that shows it (a path). `number` is its note's number, once numbered."""

    kind: str
    id: int
    label: str
    url: str
    states: tuple[Stated, ...] = ()
    number: int = 0

    @property
    def stated(self) -> str:
        """What the sentence states from the source, in words: "published 11 March 2016;
        overall effectiveness Good"."""
        return "; ".join(f"{s.what} {s.value}" for s in self.states)

    @property
    def note(self) -> str:
        """The note's text, as the PDF and Word file give it (its page follows it)."""
        return f"{self.label}: {self.stated}." if self.states else f"{self.label}."

    @property
    def states_json(self) -> str:
        """What it states as JSON, [[what, value], ...], for a machine reading the HTML page."""
        return json.dumps([[s.what, s.value] for s in self.states])

    @property
    def key(self):
        """Two citations of the same source stating the same share one note."""
        return (self.kind, self.id, self.states)


@dataclass(frozen=True)
class Sentence:
    text: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Cited:
    sentences: tuple[Sentence, ...]
    style: str = ""
    kind: str = field(default="cited", init=False)


@dataclass(frozen=True)
class Notes:
    items: tuple[Citation, ...]
    kind: str = field(default="notes", init=False)


Block = Heading | Paragraph | List | Figure | Table | Cited | Notes
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


def number_citations(blocks):
    """(the blocks with every citation numbered 1, 2, 3 ... in reading order, the numbered
    citations once each): a source cited again for the same facts keeps its number."""
    numbers, notes, numbered_blocks = {}, [], []
    for block in blocks:
        if block.kind == "cited":
            sentences = []
            for sentence in block.sentences:
                citations = []
                for citation in sentence.citations:
                    if citation.key not in numbers:
                        numbers[citation.key] = len(notes) + 1
                        notes.append(replace(citation, number=numbers[citation.key]))
                    citations.append(replace(citation, number=numbers[citation.key]))
                sentences.append(replace(sentence, citations=tuple(citations)))
            block = replace(block, sentences=tuple(sentences))
        numbered_blocks.append(block)
    return numbered_blocks, tuple(notes)


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
        elif block.kind == "cited":
            yield from (sentence.text for sentence in block.sentences)
        elif block.kind == "notes":
            yield from (f"{item.number}. {item.note}" for item in block.items)
        else:
            yield from table_texts(block)


def table_texts(block):
    if block.caption:
        yield block.caption
    for row in [block.header, *block.rows]:
        for cell in row:
            yield from (line for line in cell.split("\n") if line)
