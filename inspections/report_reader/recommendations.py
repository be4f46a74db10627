"""The recommendations of a report, in order, under the headings Ofsted puts them under.

- ILACS: "What needs to improve?" (bullets);
- SIF 2015-2018 and re-inspections: "Recommendations" (numbered paragraphs);
- SIF 2013-2014: "Priority and immediate action" and "Areas for improvement" (numbered
  paragraphs, sometimes grouped under unnumbered sub-headings).
- Focused visit letters: "Areas for priority action" (where inspectors name any) and "What needs
  to improve in this area of social work practice" (the letters are pasted in the admin, not read
  from their PDF: inspections/letters.py reads the paste under the same headings).
Items under a heading in the LSCB part of a SIF report are addressed to the LSCB.
"""

import re
from dataclasses import dataclass

SECTIONS = [
    (
        re.compile(
            r"^What needs to improve(?: in this area of social work practice)?\??\d?$",
            re.IGNORECASE,
        ),
        "What needs to improve",
    ),
    (re.compile(r"^Recommendations\d?$", re.IGNORECASE), "Recommendations"),
    (
        re.compile(r"^Priority and immediate action\d?$", re.IGNORECASE),
        "Priority and immediate action",
    ),
    (
        re.compile(r"^(?:Areas? for priority action|Priority actions?)\d?$", re.IGNORECASE),
        "Areas for priority action",
    ),
    (re.compile(r"^Areas for improvement\d?$", re.IGNORECASE), "Areas for improvement"),
]
# The headings whose items are priority actions: the inspectors' most serious concerns, which
# start a focused visit's clock (improvement/clocks.py).
PRIORITY_SECTIONS = {"Priority and immediate action", "Areas for priority action"}
LSCB_PART = re.compile(
    r"^(?:Section \d+:\s*)?(?:The (?:effectiveness of the )?)?"
    r"(?:Local Safeguarding Children Board|LSCB)\b(?!.*\d$)|^What does the LSCB need to improve",
)
NUMBERED = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
BULLET = re.compile(
    r"^(?:[\u25a0-\u25ff\u2022\u2023\u2043\u2219\u00b7\ue000-\uf8ff]\s*|[-–*]\s+)(\S.*)$"
)
# Headings that end a list of recommendations in Ofsted's reports.
ENDINGS = re.compile(
    r"^(?:The experiences and progress|Summary (?:for|of)|The local authority[’']s strengths"
    r"|Information about|Inspection (?:findings|judgements?)|Key strengths|Section \d"
    r"|What the inspection judgements mean|Progress since|Executive summary"
    r"|The local authority\s*$|The local authority has|Next steps|Annex|Local authority arrangements)"
)
PARAGRAPH_REFS = re.compile(r"\((?:Paras?|Paragraphs?)\.?\s*([\d\s,;and&–-]+?)\s*\)", re.IGNORECASE)
# A heading of strengths after the list: "The local authority has the following strengths:".
STRENGTHS_HEADING = re.compile(r"^[A-Z][^.]{0,80}\bstrengths\b[^.]*$")
SENTENCE_END = re.compile(r"[.)’”'\"]$")


@dataclass
class Recommendation:
    section: str
    number: int
    text: str
    paragraph_refs: str = ""
    addressed_to: str = "authority"
    priority: str = "improvement"


def read_recommendations(lines, contents=()):
    """[Recommendation] in report order. `contents` holds the table of contents' headings."""
    found = []
    lscb_at = _lscb_part_start(lines)
    index = 0
    while index < len(lines):
        section = section_at(lines[index][1])
        if section is None:
            index += 1
            continue
        addressed_to = "lscb" if lscb_at is not None and index > lscb_at else "authority"
        items, index = _items(lines, index + 1, contents)
        for number, text in items:
            found.append(_recommendation(section, number, text, addressed_to, len(found) + 1))
    return _renumber(found)


def section_at(line):
    """The section a heading line starts ("What needs to improve", ...), or None."""
    for pattern, name in SECTIONS:
        if pattern.match(line):
            return name
    return None


def priority_of(section):
    return "priority" if section in PRIORITY_SECTIONS else "improvement"


def _lscb_part_start(lines):
    """Index of the first line of a SIF report's LSCB part, after its first recommendations."""
    first_section = next((i for i, (_, line) in enumerate(lines) if section_at(line)), None)
    if first_section is None:
        return None
    for index in range(first_section + 1, len(lines)):
        line = lines[index][1]
        if len(line) < 90 and LSCB_PART.match(line):
            return index
    return None


def _items(lines, index, contents):
    """([(number or None, text)], index after the list) from the line after a heading."""
    items, previous_number, mode = [], None, None
    while index < len(lines):
        line = lines[index][1]
        if section_at(line) or _ends_list(line, contents, items):
            break
        numbered, bullet = NUMBERED.match(line), BULLET.match(line)
        if numbered and mode != "bullet":
            number = int(numbered.group(1))
            if previous_number is not None and number != previous_number + 1:
                break
            items.append([number, numbered.group(2)])
            previous_number, mode = number, "numbered"
        elif numbered:
            break
        elif bullet and mode != "numbered":
            items.append([None, bullet.group(1)])
            mode = "bullet"
        elif items and not _is_sub_heading(lines, index, items[-1][1], mode):
            items[-1][1] = _join(items[-1][1], f"• {bullet.group(1)}" if bullet else line)
        index += 1
    return [tuple(item) for item in items], index


def _ends_list(line, contents, items):
    if ENDINGS.match(line) or line.rstrip(" :") in contents:
        return True
    complete = bool(items) and bool(SENTENCE_END.search(items[-1][1].rstrip()))
    return complete and bool(STRENGTHS_HEADING.match(line))


def _is_sub_heading(lines, index, current, mode):
    """A short unnumbered line between numbered items: a group heading, not part of an item."""
    if mode != "numbered" or not SENTENCE_END.search(current.rstrip()):
        return False
    line = lines[index][1]
    following = lines[index + 1][1] if index + 1 < len(lines) else ""
    looks_like_heading = line[:1].isupper() and not SENTENCE_END.search(line)
    return looks_like_heading and len(line) < 80 and bool(NUMBERED.match(following))


def _join(text, line):
    if text.endswith("-") and line[:1].islower():
        return text + line
    return f"{text} {line}"


def _recommendation(section, number, text, addressed_to, position):
    text = " ".join(text.split())
    refs = PARAGRAPH_REFS.findall(text)
    return Recommendation(
        section=section,
        number=number or position,
        text=text,
        paragraph_refs="; ".join(" ".join(r.split()) for r in refs),
        addressed_to=addressed_to,
        priority=priority_of(section),
    )


def _renumber(found):
    """Keep Ofsted's numbers when they are unique; else number 1, 2, 3 in order."""
    numbers = [r.number for r in found]
    if len(set(numbers)) != len(numbers):
        for position, recommendation in enumerate(found, start=1):
            recommendation.number = position
    return found
