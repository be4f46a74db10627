"""Warnings of text that looks like a child's name or an identifier, for the audit forms and the
audit import. A warning, not a guess: the person confirms the text holds no child's name or
identifier, or changes it. The heuristic's limits are in docs/data-protection.md.

What is warned of, and why:
- a person's name: a title and a capitalised word ("Mrs Smith"), a common first name
  ("Jack", "John Smith"), a name announced ("named Kai", "called Ellie-May");
- an NHS number: ten digits, written together or 3-3-4;
- a case number: a run of six or more digits (Mosaic, LCS and most case management systems
  number people and cases so), or a number after "case", "ID", "person", "Mosaic", "LCS",
  "UPN" or "no.";
- a date of birth: "DOB", "D.O.B." or "date of birth", or a date after "born";
- a UK postcode, an email address, a telephone number.

"Child A", "Young person 2", "the child's mother", ages and ordinary dates are not warned of.
"""

import re
from dataclasses import dataclass

# Common first names of children and parents in England (ONS baby names, 1970s to 2010s); words
# that are also ordinary words ("Will", "May", "Grace", "Hope") count only before a surname.
_FIRST_NAMES = """
    aaliyah abdul abigail adam aidan aiden alex alexander alfie alice amelia amy andrew angela
    anna archie arthur ashley aurora ava barbara bella ben benjamin bethany billy bradley
    brandon brooke caitlin callum cameron carl caroline charlie charlotte chloe christopher
    claire connor courtney craig daisy daniel danielle darren david dean declan demi dylan
    edward eleanor elijah elizabeth ella ellie ellis elsie emily emma ethan evie faye finley
    florence freddie freya gary george georgia gracie hannah harley harper harriet harrison
    harry harvey hayden holly isaac isabella isabelle isla ivy jack jacob jade jake james jamie
    jasmine jason jayden jennifer jessica joanne john jordan joseph joshua julie karen kai katie
    kayden kayla kelly kieran kyle lacey laura lauren layla leah lee leo leon lewis liam lily
    logan lola louie louis louise lucas lucy luke maisie mason matilda matthew megan mia michael
    michelle millie mohammed mohammad muhammad molly nathan niamh nicola noah oliver olivia
    oscar paige paul phoebe poppy rebecca reece rhys riley robert rosie ryan samantha samuel
    sarah scarlett sean sebastian shannon sienna sophia sophie stephen steven stacey teddy theo
    thomas tommy tyler victoria william willow zachary zara zoe
"""
FIRST_NAMES = frozenset(_FIRST_NAMES.split())
# Also first names, but ordinary words too: warned of only before a capitalised word.
_AMBIGUOUS = (
    "amber april autumn bill dawn faith frank grace hope jay joy mark may max rose ruby summer will"
)
AMBIGUOUS_FIRST_NAMES = frozenset(_AMBIGUOUS.split())
TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Master|Dr)\.?"
# A name's word: "Smith", "Ellie-May", "O'Brien" (not the "'s" of "Smith's").
CAPITALISED = r"(?:[A-Z]')?[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*"

PATTERNS = [
    (re.compile(rf"\b{TITLES} {CAPITALISED}"), "a person's name"),
    (re.compile(rf"\b(?:named|called|known as) {CAPITALISED}"), "a person's name"),
    (re.compile(r"(?<![\d-])\d{3}[ -]\d{3}[ -]\d{4}(?![\d-])"), "an NHS number"),
    (re.compile(r"(?<!\d)\d{10}(?!\d)"), "an NHS number"),
    (re.compile(r"(?<!\d)\d{6,}(?!\d)"), "a case number"),
    (
        re.compile(
            r"\b(?:case|id|person|client|mosaic|lcs|upn|ref(?:erence)?|no)\b\.?\s*(?:no\.?|number|id)?"
            r"\s*[:#]?\s*[A-Z]?(?!(?:19|20)\d\d\b)\d{4,}",
            re.IGNORECASE,
        ),
        "a case number",
    ),
    (re.compile(r"\b[A-Z]\d{12}\b"), "a unique pupil number"),
    (re.compile(r"\b(?:DOB|D\.O\.B\.?|date of birth)\b", re.IGNORECASE), "a date of birth"),
    (
        re.compile(
            r"\bborn (?:on )?\d{1,2}(?:[/.-]\d{1,2}[/.-]\d{2,4}|(?:st|nd|rd|th)? [A-Za-z]+ \d{4})",
            re.IGNORECASE,
        ),
        "a date of birth",
    ),
    (
        re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b"),
        "a postcode",
    ),
    # From the start of the address only: tried at every character of a long word, the match
    # would take time growing with the square of its length.
    (re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "an email address"),
    (re.compile(r"(?<!\d)(?:\+44 ?|0)\d{3,4} ?\d{3} ?\d{3,4}(?!\d)"), "a telephone number"),
]
WORD = re.compile(rf"\b{CAPITALISED}\b")


@dataclass(frozen=True)
class Concern:
    """What looks like a name or an identifier, and the words that look so."""

    kind: str  # "a person's name", "an NHS number", ...
    found: str

    def __str__(self):
        return f"“{self.found}” looks like {self.kind}"


def concerns(text: str) -> list[Concern]:
    """What in the text looks like a person's name or an identifier, in the order it comes; a
    match inside a longer one ("1234567" in "Mosaic 1234567") is not repeated, nor the same
    words twice."""
    text = text or ""
    spans = [
        (match.start(), match.end(), order, kind)
        for order, (pattern, kind) in enumerate(PATTERNS)
        for match in pattern.finditer(text)
    ]
    spans += [(start, end, len(PATTERNS), "a person's name") for start, end in _names(text)]
    kept, seen = [], set()
    for start, end, _, kind in sorted(spans, key=lambda s: (s[0], s[0] - s[1], s[2])):
        words = text[start:end].strip()
        if any(start >= s and end <= e for s, e, _ in kept) or words.lower() in seen:
            continue
        kept.append((start, end, Concern(kind, words)))
        seen.add(words.lower())
    return [concern for *_, concern in kept]


def _names(text):
    """Spans of common first names, alone or before a capitalised word ("Jack", "John
    Smith")."""
    words = list(WORD.finditer(text))
    spans = []
    for index, match in enumerate(words):
        word = match.group(0).lower().split("-")[0].split("'")[0]
        follows = words[index + 1] if index + 1 < len(words) else None
        before_surname = follows is not None and text[match.end() : follows.start()] == " "
        if word in FIRST_NAMES or (word in AMBIGUOUS_FIRST_NAMES and before_surname):
            spans.append((match.start(), follows.end() if before_surname else match.end()))
    return spans


def described(field_concerns: dict) -> list[str]:
    """One sentence per field with concerns: 'Learning: “John Smith” looks like a person's
    name.'"""
    return [
        f"{label}: {'; '.join(str(c) for c in found)}."
        for label, found in field_concerns.items()
        if found
    ]
