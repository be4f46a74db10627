"""The rows the API lists, one schema per list: their fields, in order, are the JSON keys and the
CSV columns (api/listing.py), and the OpenAPI schema documents them.

Flat rows for Power BI and Excel: every relation is an id (`plan_id`, `action_id`), so lists join
on them; choices are given as their code and as the words the pages use (`rag`, `rag_words`);
dates are ISO 8601 (YYYY-MM-DD), times ISO 8601 in UTC.

Plain pydantic models rather than ninja's Schema, which reads each row through a getter for
Django objects: the rows here are dicts already, validated natively.
"""

from datetime import date, datetime

from pydantic import BaseModel, Field


class Page(BaseModel):
    count: int = Field(description="Rows in the whole list, every page.")
    limit: int
    offset: int
    next: str | None = Field(description="The next page's address; null on the last page.")
    previous: str | None


class AuthorityRow(BaseModel):
    id: int
    name: str
    ons_code: str
    dfe_code: str
    region_code: str
    region_name: str
    role: str = Field(description="Your role there: officer, manager, committee_member, admin.")


class PlanRow(BaseModel):
    id: int
    authority_id: int
    title: str
    summary: str
    owner_id: int | None = Field(description="The committee (board) that owns the plan.")
    approved_by_id: int | None
    approved_on: date | None
    starts_on: date | None
    ends_on: date | None
    ofsted_due_on: date | None = Field(
        description="70 working days after the latest report the plan answers was published."
    )
    update_cycle_weeks: int


class ThemeRow(BaseModel):
    id: int
    plan_id: int
    number: int
    title: str
    description: str
    position: int


class ActionRow(BaseModel):
    id: int
    plan_id: int
    authority_id: int
    theme_id: int | None
    reference: str
    title: str
    description: str
    lead: str = Field(description="As the pages show it: “Ann Officer (Head of Service)”.")
    lead_officer_id: int | None
    partners: str
    success_measure: str
    starts_on: date | None
    due_on: date | None = Field(description="The due date as it stood at the end of as_of.")
    original_due_on: date | None
    status: str
    status_words: str
    rag: str = Field(description="red, amber, green, blue (complete), or empty: not rated.")
    rag_words: str
    overdue: bool
    due_soon: bool
    update_due: bool = Field(description="No update within the plan's update cycle.")
    update_id: int | None = Field(description="The standing progress update at as_of.")
    update_reported_on: date | None
    as_of: date


class ActionRecommendationRow(BaseModel):
    action_id: int
    recommendation_id: int


class ProgressUpdateRow(BaseModel):
    id: int
    action_id: int
    plan_id: int
    reported_on: date
    rag: str
    rag_words: str
    narrative: str
    author_id: int | None
    signed: str = Field(description="Who signed it, as the pages show it.")
    created_at: datetime
    retracted: bool
    retracted_at: datetime | None
    retraction_reason: str


class MilestoneRow(BaseModel):
    id: int
    action_id: int
    plan_id: int
    title: str
    due_on: date | None
    completed_on: date | None
    missed: bool = Field(description="Due before today and not completed.")


class DueDateChangeRow(BaseModel):
    id: int
    action_id: int
    plan_id: int
    old_due_on: date | None
    new_due_on: date
    reason: str
    changed_by_id: int | None
    changed_by: str
    changed_at: datetime


class InspectionRow(BaseModel):
    id: int
    authority_id: int
    framework: str
    framework_name: str
    kind: str
    kind_words: str
    started_on: date
    ended_on: date
    published_on: date | None
    overall_grade: str
    overall_grade_words: str
    lead_inspector: str
    report_url: str
    conducted_with_id: int | None


class JudgementRow(BaseModel):
    id: int
    inspection_id: int
    authority_id: int
    area: str
    area_name: str
    parent_area: str = Field(description="For a sub-judgement, its parent area's code.")
    grade: str
    grade_words: str


class RecommendationRow(BaseModel):
    id: int
    inspection_id: int
    authority_id: int
    number: int
    text: str
    priority: str
    priority_words: str
    addressed_to: str
    section: str
    paragraph_refs: str


class IndicatorRow(BaseModel):
    """One indicator as one authority measures it: national ones for every authority of yours."""

    authority_id: int
    indicator_id: int
    name: str
    national: bool
    unit: str
    polarity: str
    source: str
    frequency: str
    target: float | None
    tolerance: float | None
    latest_period: str
    latest_period_end: date | None
    latest_value: float | None
    latest_is_local: bool
    trend: str = Field(description="up, down, level, or none.")
    rag: str = Field(description="On the target: red, amber, green; empty if not rated.")
    rag_words: str


class IndicatorValueRow(BaseModel):
    """One period of one indicator for one authority, beside what it is compared with."""

    authority_id: int
    indicator_id: int
    period: str
    period_end: date
    value: float | None = Field(description="The authority's published value.")
    symbol: str = Field(description="The symbol published in place of a value (c, x, z, low).")
    local_value: float | None = Field(description="The council's own figure, not published.")
    england: float | None
    region: float | None
    neighbour_average: float | None
    neighbours_counted: int
    rank: int | None = Field(description="Among the authority and its neighbours, 1 the best.")
    ranked: int


class CommitteeReportRow(BaseModel):
    id: int
    plan_id: int
    authority_id: int
    committee_id: int
    committee: str
    meeting_on: date
    title: str
    report_of: str
    agenda_item: str
    status: str
    status_words: str
    submitted_at: datetime | None
    cleared_at: datetime | None
    finalised_at: datetime | None
    url: str = Field(description="The report's page in the app.")
