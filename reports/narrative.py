"""Plain-text narratives as paragraphs and lists, with no markup to trust.

The convention officers type in a text box: a blank line separates paragraphs, a single line break
stays a line break within its paragraph (a paragraph's text keeps it as "\n"), and lines starting
"- " are the items of a bulleted list. Everything else is text, escaped wherever it is shown.
"""

from reports.blocks import bullets, paragraph

BULLET = "- "


def narrative_blocks(text):
    """The blocks of a narrative: paragraphs and bulleted lists, in order."""
    blocks = []
    for chunk in chunks(text):
        blocks.extend(chunk_blocks(chunk))
    return blocks


def chunks(text):
    """Runs of non-blank lines, split at blank lines."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    run = []
    for line in lines:
        if line.strip():
            run.append(line.strip())
        elif run:
            yield run
            run = []
    if run:
        yield run


def chunk_blocks(lines):
    """A chunk's lines: consecutive items make one list, other consecutive lines one paragraph."""
    blocks, prose, items = [], [], []
    for line in lines:
        if line.startswith(BULLET) and line[2:].strip():
            if prose:
                blocks.append(paragraph("\n".join(prose)))
                prose = []
            items.append(line[2:].strip())
        else:
            if items:
                blocks.append(bullets(items))
                items = []
            prose.append(line)
    if prose:
        blocks.append(paragraph("\n".join(prose)))
    if items:
        blocks.append(bullets(items))
    return blocks
