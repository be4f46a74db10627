"""The committee report's content as typed, versioned structures, and how a stored one is read.

Assembly (reports/assembly.py) builds a Snapshot from live data; composition (reports/compose.py)
writes its blocks; the HTML, PDF and Word renderings read it. A finalised report stores it as
JSON (`dump`) and renders from it ever after (`load`), so nothing here is a model or a lazy value:
only text, numbers, booleans, and tuples and dicts of them.

A stored snapshot keeps the schema it was frozen with, and is read in today's shape, never
rewritten:

- 1: the data, without blocks (the paper is composed when it is read);
- 2: with blocks; some keys came later (the council's paper, the executive summary,
  implications, the comparison grid's columns, local figures) and changes said "from" and "to";
- 3: these dataclasses, every field present;
- 4: an action's standing update names the partner organisation it came from
  (ActionSummary.update_from, "" for the council's own; a stored 3 reads as "").
"""

import json
import types
import typing
from dataclasses import MISSING, asdict, dataclass, field, fields, is_dataclass, replace

from reports.blocks import KINDS, Block
from reports.compose import compose

SCHEMA_VERSION = 4


@dataclass(frozen=True)
class Implication:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Front:
    """What the author writes: the paper's front matter and closing sections."""

    title: str
    report_of: str
    committee: str
    authority: str
    meeting_on: str
    purpose: tuple[str, ...]
    background: tuple[str, ...]
    recommendations: tuple[str, ...]
    contact_officer: str
    background_papers: tuple[str, ...]
    agenda_item: str = ""
    summary: tuple[str, ...] = ()
    implications: tuple[Implication, ...] = ()


@dataclass(frozen=True)
class Paper:
    """The council's paper: its name, logo (a data: URL), header rows and footer."""

    council: str = ""
    logo: str = ""
    logo_alt: str = ""
    header: tuple[tuple[str, str], ...] = ()
    footer: str = ""


@dataclass(frozen=True)
class PlanName:
    title: str
    authority: str


@dataclass(frozen=True)
class JudgementGrade:
    area: str
    grade: str
    is_sub_judgement: bool = False


@dataclass(frozen=True)
class InspectionSummary:
    id: int
    framework: str
    framework_short: str
    kind: str
    on_site: str
    published: str
    overall: str
    judgements: tuple[JudgementGrade, ...]


@dataclass(frozen=True)
class RagRule:
    rag: str
    words: str
    meaning: str


@dataclass(frozen=True)
class RagCount:
    rag: str
    words: str
    count: int


@dataclass(frozen=True)
class RagCounts:
    rows: tuple[RagCount, ...]
    total: int


@dataclass(frozen=True)
class ThemeCounts:
    theme: str
    counts: RagCounts


@dataclass(frozen=True)
class RagSummary:
    plan: RagCounts
    themes: tuple[ThemeCounts, ...]


@dataclass(frozen=True)
class DueDateMove:
    old: str
    new: str
    reason: str


@dataclass(frozen=True)
class ActionSummary:
    """An action as it stood at the report's date, in words."""

    reference: str
    title: str
    theme_number: int
    theme: str
    lead: str
    due_on: str
    due_on_iso: str
    original_due_on: str
    status: str
    status_code: str
    rag: str
    rag_words: str
    overdue: bool
    narrative: str
    reported_on: str
    due_date_changes: tuple[DueDateMove, ...]
    exception_reasons: tuple[str, ...]
    answers: tuple[int, ...]
    # The partner organisation whose update the narrative is ("Northumbria Police"), or "".
    update_from: str = ""


@dataclass(frozen=True)
class RecommendationSection:
    inspection: str
    number: int
    text: str
    priority: str
    addressed_to: str
    actions: tuple[ActionSummary, ...]


@dataclass(frozen=True)
class ActionThen:
    """What the next report compares an action with: its state at this report's date."""

    title: str
    rag: str
    status_code: str
    due_on: str  # ISO, "" for none
    overdue: bool


@dataclass(frozen=True)
class ChangeRow:
    reference: str
    title: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Changes:
    """What changed since this committee's previous report of the plan (previous: its date)."""

    previous: str | None = None
    rag_moves: tuple[ChangeRow, ...] = ()
    completed: tuple[ChangeRow, ...] = ()
    new_overdue: tuple[ChangeRow, ...] = ()
    due_moved: tuple[ChangeRow, ...] = ()
    new: tuple[ChangeRow, ...] = ()
    any: bool = False


@dataclass(frozen=True)
class AreaGrade:
    area: str
    grade: str


@dataclass(frozen=True)
class AppendixRow:
    authority: str
    inspection: str
    group: str = ""
    overall: str = ""
    judgements: tuple[AreaGrade, ...] = ()


@dataclass(frozen=True)
class Appendix:
    region: str
    rows: tuple[AppendixRow, ...]
    neighbour_model: int | None = None
    own: AppendixRow | None = None
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorRow:
    period: str
    own: str = ""
    england: str = ""
    region: str = ""
    neighbour_average: str = ""
    rank: str = ""
    local: str = ""


@dataclass(frozen=True)
class Trend:
    arrow: str
    words: str


@dataclass(frozen=True)
class IndicatorEntry:
    authority: str
    name: str
    definition: str
    unit: str
    polarity: str
    source: str
    rows: tuple[IndicatorRow, ...]
    trend: Trend
    rag: str
    rag_words: str
    description: str
    svg: str
    national: bool = True
    local_column: bool = False


@dataclass(frozen=True)
class Snapshot:
    as_at: str
    front: Front
    plan: PlanName
    inspections: tuple[InspectionSummary, ...]
    rag_rules: tuple[RagRule, ...]
    summary: RagSummary
    exceptions: tuple[ActionSummary, ...]
    recommendations: tuple[RecommendationSection, ...]
    unanswered_actions: tuple[ActionSummary, ...]
    action_states: dict[str, ActionThen]
    appendix: Appendix
    paper: Paper = field(default_factory=Paper)
    indicators: tuple[IndicatorEntry, ...] = ()
    changes: Changes = field(default_factory=Changes)
    blocks: tuple[Block, ...] = ()
    schema: int = SCHEMA_VERSION


def dump(snapshot: Snapshot) -> dict:
    """The snapshot as JSON-ready values (lists, not tuples), as the database stores it."""
    return json.loads(json.dumps(asdict(snapshot)))


def load(stored: dict) -> Snapshot:
    """A stored snapshot of any schema, in today's shape, with its blocks."""
    snapshot = build(Snapshot, upgraded(stored))
    if snapshot.blocks:
        return snapshot
    return replace(snapshot, blocks=tuple(compose(snapshot)))


def load_action_states(stored: dict) -> dict[str, ActionThen]:
    """Just the action states of a stored snapshot (what the next report compares with)."""
    return build(dict[str, ActionThen], upgraded(stored).get("action_states", {}))


def upgraded(stored: dict) -> dict:
    """The stored JSON with the keys and values today's schema names differently."""
    data = dict(stored)
    if data.get("schema", 1) < 2:
        # Paragraphs were stored as {"number", "text"}; their numbers are the paper's now.
        front = dict(data["front"])
        for key in ("purpose", "background"):
            front[key] = [p["text"] if isinstance(p, dict) else p for p in front.get(key, [])]
        data["front"] = front
        data["blocks"] = []
    if data.get("schema", 1) < 3 and data.get("changes"):
        data["changes"] = {
            key: [_before_after(row) for row in rows] if isinstance(rows, list) else rows
            for key, rows in data["changes"].items()
        }
    data["schema"] = SCHEMA_VERSION
    return data


def _before_after(row):
    row = dict(row)
    if "from" in row:
        row["before"] = row.pop("from")
    if "to" in row:
        row["after"] = row.pop("to")
    return row


def build(kind, value):
    """The JSON value as the type `kind` names: dataclasses from dicts (a missing key takes the
    field's default, or the empty value of its type), tuples from lists, blocks by their kind."""
    if kind == Block:
        return build(KINDS[value["kind"]], value)
    if is_dataclass(kind):
        return _build_dataclass(kind, value)
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):  # X | None
        if value is None:
            return None
        return build(next(a for a in args if a is not type(None)), value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(build(args[0], item) for item in value)
        return tuple(build(a, item) for a, item in zip(args, value, strict=True))
    if origin is dict:
        return {key: build(args[1], item) for key, item in value.items()}
    return value


def _build_dataclass(kind, value):
    hints = typing.get_type_hints(kind)
    given = {}
    for f in fields(kind):
        if not f.init:
            continue
        if f.name in value:
            given[f.name] = build(hints[f.name], value[f.name])
        elif f.default is MISSING and f.default_factory is MISSING:
            given[f.name] = _empty(hints[f.name])
    return kind(**given)


def _empty(kind):
    """The empty value of a type, for a key an older snapshot did not have."""
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        return None
    if origin is tuple:
        return ()
    if origin is dict:
        return {}
    if is_dataclass(kind):
        return _build_dataclass(kind, {})
    return {str: "", int: 0, bool: False}[kind]
