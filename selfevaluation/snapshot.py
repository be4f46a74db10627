"""A self-evaluation's content as typed, versioned structures, and how a stored one is read.

Ofsted asks three questions (QUESTIONS). The facts drafted from the data (selfevaluation.facts)
are groups of cited sentences under one question each (FactGroup); the manager's narrative stands
before and after them (Answer). A draft keeps its drafted facts as JSON (`Drafted`) and is
composed from them and its narrative whenever it is read; finalising stores the whole document
(`Evaluation`, with the engagement meeting pack) and it is read from that ever after. Nothing here
is a model or a lazy value: the stored JSON is read back with reports.snapshot.build.

Schema 1 is the first; a new schema is a new number, a step in `upgraded`, and a row in
docs/self-evaluation.md.
"""

import json
from dataclasses import asdict, dataclass, field

from reports.blocks import Block, Cited
from reports.snapshot import Paper, build

SCHEMA_VERSION = 1

KNOW, HOW, PLANS = "know", "how", "plans"
QUESTIONS = (
    (
        KNOW,
        "What do you know about the quality and impact of social work practice in your local "
        "authority?",
    ),
    (HOW, "How do you know it?"),
    (
        PLANS,
        "What are your plans for the next 12 months to maintain or improve practice?",
    ),
)


@dataclass(frozen=True)
class FactGroup:
    """What one source says under one question: a heading and its cited paragraphs or lists."""

    question: str
    source: str
    heading: str
    blocks: tuple[Cited, ...]


@dataclass(frozen=True)
class Drafted:
    """The facts drafted from the data as at a date (ISO), and when they were drafted."""

    as_at: str
    drafted_at: str
    groups: tuple[FactGroup, ...]
    schema: int = SCHEMA_VERSION


@dataclass(frozen=True)
class Answer:
    """One of Ofsted's questions: the manager's words before and after the drafted facts."""

    question: str
    words: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Evaluation:
    """The whole document: what it is, its answers, its facts and its blocks; and, once final,
    the engagement meeting pack's blocks frozen with it."""

    title: str
    authority: str
    plan: str
    year: int
    as_at: str
    meeting_on: str
    paper: Paper
    answers: tuple[Answer, ...]
    facts: tuple[FactGroup, ...]
    blocks: tuple[Block, ...] = ()
    pack: tuple[Block, ...] = ()
    schema: int = field(default=SCHEMA_VERSION)


def dump(value) -> dict:
    """A Drafted or an Evaluation as JSON-ready values (lists, not tuples)."""
    return json.loads(json.dumps(asdict(value)))


def load_drafted(stored: dict) -> Drafted:
    return build(Drafted, upgraded(stored))


def load(stored: dict) -> Evaluation:
    return build(Evaluation, upgraded(stored))


def upgraded(stored: dict) -> dict:
    """The stored JSON in today's schema (the first: nothing to change yet)."""
    return {**stored, "schema": SCHEMA_VERSION}
