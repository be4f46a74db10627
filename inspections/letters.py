"""Reading text an admin pastes from an Ofsted report or visit letter.

Recommendations: a bulleted or numbered list, where the report's headings say which items are
priority actions ("Priority and immediate action" in a 2014 SIF report, "Areas for priority
action" in a focused visit letter) and which are areas for improvement ("What needs to improve",
"Areas for improvement", "Recommendations"): the same headings the PDF reader knows
(report_reader/recommendations.py). Findings: a monitoring visit letter's paragraphs, one finding
each. What is not an item (a heading, a lead-in sentence ending in a colon, a sub-heading, a page
number) is left out and named, so the admin sees what was not taken.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from inspections.report_reader.recommendations import priority_of, section_at

# A list item starts with a bullet (-, *, •, ▪, ◦, –) or a number or letter: 1. 1) (1) a. (a) i)
ITEM_MARKER = re.compile(
    r"^\s*(?:[-*•▪◦·–—]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)])(?:\s+|$)", re.IGNORECASE
)
PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
# Headings above the lists (SIF reports) and of a visit letter's parts: never an item.
OTHER_HEADINGS = re.compile(
    r"^(?:What does the (?:local authority|LSCB) need to improve\??"
    r"|Headline findings|Main findings|Findings and evaluation of progress"
    r"|Areas covered by the visit|Next steps)$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.:;,?!)’”'\"]$")
NO_ITEMS = (
    "The pasted text has no {what} in it. Paste one {one} per bullet or number"
    "{paragraph}, under the report's headings if you like."
)


@dataclass(frozen=True)
class PastedItem:
    text: str
    priority: str = ""
    section: str = ""


@dataclass
class Pasted:
    items: list[PastedItem] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)


def heading(line):
    """(section, priority) for a heading that starts a list of recommendations; ("", "") for
    another heading; None for a line that is no heading."""
    words = " ".join(line.split()).rstrip(":").strip()
    section = section_at(words)
    if section:
        return section, priority_of(section)
    return ("", "") if OTHER_HEADINGS.match(words) else None


def read_recommendations(text, priority) -> Pasted:
    """The recommendations in pasted text, in order. Items under a known heading take its
    section and priority; items before any heading take `priority`."""
    pasted = Pasted()
    section, section_priority, block = "", priority, []
    for line in [*(text or "").splitlines(), None]:
        found = heading(line) if line is not None else None
        if line is not None and found is None:
            block.append(line)
            continue
        texts, left_out = split_items(block)
        pasted.items += [PastedItem(t, section_priority, section) for t in texts]
        pasted.left_out += left_out
        block = []
        if found:
            pasted.left_out.append(" ".join(line.split()))
            if found[0]:
                section, section_priority = found
    if not pasted.items:
        raise ValidationError(
            NO_ITEMS.format(what="recommendations", one="recommendation", paragraph="")
        )
    return pasted


def split_recommendation_list(text):
    """The texts of a pasted list's items, in order (read_recommendations without headings'
    priorities)."""
    return [item.text for item in read_recommendations(text, "").items]


def split_items(lines):
    """([item text], [left out]) of lines under one heading.

    With bullets or numbers, each starts an item and the lines after it continue it, as pasted
    lists wrap; text before the first item is a lead-in, and a short line after a blank line that
    ends in no punctuation, just before an item, is a sub-heading. Without any, each non-blank
    line is an item."""
    lines = [line.rstrip() for line in lines]
    if not any(ITEM_MARKER.match(line) for line in lines):
        return _unmarked(lines)
    items, left_out = [], []
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if PAGE_NUMBER.match(line) or (
            not ITEM_MARKER.match(line) and (not items or _is_sub_heading(lines, index))
        ):
            left_out.append(" ".join(line.split()))
        elif ITEM_MARKER.match(line):
            items.append(ITEM_MARKER.sub("", line, count=1).strip())
        else:
            items[-1] = f"{items[-1]} {line.strip()}".strip()
    return [" ".join(item.split()) for item in items if item.strip()], left_out


def _unmarked(lines):
    kept = [" ".join(line.split()) for line in lines if line.strip()]
    return (
        [line for line in kept if not PAGE_NUMBER.match(line)],
        [line for line in kept if PAGE_NUMBER.match(line)],
    )


def _is_sub_heading(lines, index):
    line = lines[index].strip()
    after_blank = index == 0 or not lines[index - 1].strip()
    following = next((later for later in lines[index + 1 :] if later.strip()), "")
    return (
        after_blank
        and len(line) < 80
        and line[:1].isupper()
        and not SENTENCE_END.search(line)
        and bool(ITEM_MARKER.match(following))
    )


def read_findings(text) -> Pasted:
    """A letter's findings, one per paragraph (paragraphs part at a blank line; wrapped lines
    are joined) or per bullet; headings and page numbers are left out."""
    pasted = Pasted()
    paragraph = []
    for line in [*(text or "").splitlines(), ""]:
        words = " ".join(line.split())
        starts_bullet = bool(ITEM_MARKER.match(line)) and not PAGE_NUMBER.match(line)
        if paragraph and (not words or starts_bullet or heading(line) is not None):
            pasted.items.append(PastedItem(" ".join(paragraph)))
            paragraph = []
        if not words:
            continue
        if heading(line) is not None or PAGE_NUMBER.match(line):
            pasted.left_out.append(words)
        else:
            paragraph.append(ITEM_MARKER.sub("", words, count=1).strip() if starts_bullet else words)
    pasted.items = [item for item in pasted.items if item.text]
    if not pasted.items:
        raise ValidationError(
            NO_ITEMS.format(what="findings", one="finding", paragraph=" or paragraph")
        )
    return pasted
