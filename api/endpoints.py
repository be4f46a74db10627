"""The read API, /api/v1/ (docs/api.md): GET only, each list paged as JSON or whole as CSV.

Every operation names its rule with core.access.guarded, as every page does: signed_in, since
each reads only through querysets scoped to the person's authorities (api/sources.py), and a
filter naming another authority's plan, action, inspection or indicator is a 404.
"""

from datetime import date
from typing import Annotated

from django.urls import reverse
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError
from ninja.openapi.views import default_home
from pydantic import Field

from api import plan_rows, record_rows, schemas
from api.auth import PersonalToken, PerToken, SignedIn
from api.listing import Paging, listing, page_of
from api.sources import authorities as authorities_of
from core.access import guarded, signed_in

# An id given to filter a list: a row's id, as the lists give it.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]

DESCRIPTION = (
    "Read-only: plans, actions and their state as at a date, progress, inspections, indicators "
    "and committee reports, scoped to your authorities and role as the pages are. Send "
    "`Authorization: Bearer <token>` with a personal token made on the API tokens page. "
    "Lists are paged (limit, offset, next); add format=csv for the whole list as CSV."
)


class API(NinjaAPI):
    def _get_urls(self):
        """ninja's URL patterns, each carrying the rule its operation declares, so that
        tests/test_every_view_guarded.py reads it as it reads a page's; ninja's own placeholder
        at the root gives way to the index below, which answers there under the same name."""
        rules = {
            operation.url_name: operation.view_func.access_rule
            for bound in self._get_bound_routers()
            for path_view in bound.path_operations.values()
            for operation in path_view.operations
        }
        ours = [p for p in super()._get_urls() if getattr(p.callback, "func", None) != default_home]
        for pattern in ours:
            if pattern.name in rules:
                pattern.callback.access_rule = rules[pattern.name]
        return ours


def schema_guard(view):
    """The OpenAPI schema: for whoever may use the API, by token or session (ninja's docs views
    do not run the API's authentication themselves)."""
    signed_in_view = guarded(signed_in)(view)

    def schema(request, *args, **kwargs):
        for way in (PersonalToken(), SignedIn()):
            if way(request):
                return signed_in_view(request, *args, **kwargs)
        return api.create_response(request, {"detail": "Unauthorized"}, status=401)

    schema.access_rule = signed_in_view.access_rule
    return schema


api = API(
    title="Improvement plan tracker",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=[PersonalToken(), SignedIn()],
    throttle=[PerToken()],
    docs_url=None,
    docs_decorator=schema_guard,
)

# Each list's name (its address and URL name) and its row.
LISTS = {
    "authorities": schemas.AuthorityRow,
    "plans": schemas.PlanRow,
    "themes": schemas.ThemeRow,
    "actions": schemas.ActionRow,
    "action-recommendations": schemas.ActionRecommendationRow,
    "progress-updates": schemas.ProgressUpdateRow,
    "milestones": schemas.MilestoneRow,
    "due-date-changes": schemas.DueDateChangeRow,
    "inspections": schemas.InspectionRow,
    "judgements": schemas.JudgementRow,
    "recommendations": schemas.RecommendationRow,
    "indicators": schemas.IndicatorRow,
    "indicator-values": schemas.IndicatorValueRow,
    "committee-reports": schemas.CommitteeReportRow,
}


@api.exception_handler(ValidationError)
def refused(request, error):
    """400, naming each parameter refused, what was given (cut to 50 characters) and why."""
    said = []
    for problem in error.errors:
        name = problem["loc"][-1]
        given = request.GET.get(name, "") if isinstance(name, str) else ""
        said.append(f"{name} “{given[:50]}”: {problem['msg']}")
    return api.create_response(request, {"detail": "; ".join(said)}, status=400)


@api.get("/", url_name="api-root", summary="What this API lists, and who you are here")
@guarded(signed_in)
def index(request):
    user = request.user
    return {
        "user_id": user.pk,
        "username": user.get_username(),
        "schema": request.build_absolute_uri(reverse("api:openapi-json")),
        "lists": {name: request.build_absolute_uri(reverse(f"api:{name}")) for name in LISTS},
    }


@api.get("/authorities/", response=page_of(schemas.AuthorityRow), url_name="authorities")
@guarded(signed_in)
def authorities(request, paging: Query[Paging]):
    user = request.user
    found = authorities_of(user)
    rows = plan_rows.authority_rows
    return listing(
        request,
        schemas.AuthorityRow,
        found,
        lambda page: rows(user, page),
        paging,
        "authorities.csv",
    )


@api.get("/plans/", response=page_of(schemas.PlanRow), url_name="plans")
@guarded(signed_in)
def plans(request, paging: Query[Paging], authority: Id | None = None):
    source = plan_rows.plan_source(request.user, authority)
    return listing(request, schemas.PlanRow, source, plan_rows.plan_rows, paging, "plans.csv")


@api.get("/themes/", response=page_of(schemas.ThemeRow), url_name="themes")
@guarded(signed_in)
def themes(request, paging: Query[Paging], authority: Id | None = None, plan: Id | None = None):
    source = plan_rows.theme_source(request.user, authority, plan)
    return listing(request, schemas.ThemeRow, source, plan_rows.theme_rows, paging, "themes.csv")


@api.get("/actions/", response=page_of(schemas.ActionRow), url_name="actions")
@guarded(signed_in)
def actions(
    request,
    paging: Query[Paging],
    authority: Id | None = None,
    plan: Id | None = None,
    as_of: date | None = None,
):
    """Each action as it stood at the end of `as_of` (YYYY-MM-DD; today if not given)."""
    source = plan_rows.action_source(request.user, authority, plan, as_of)

    def rows(page):
        return plan_rows.action_rows(page, as_of)

    return listing(request, schemas.ActionRow, source, rows, paging, "actions.csv")


@api.get(
    "/action-recommendations/",
    response=page_of(schemas.ActionRecommendationRow),
    url_name="action-recommendations",
    summary="Which recommendations each action answers",
)
@guarded(signed_in)
def action_recommendations(
    request, paging: Query[Paging], authority: Id | None = None, plan: Id | None = None
):
    source = plan_rows.link_source(request.user, authority, plan)
    row = schemas.ActionRecommendationRow
    return listing(request, row, source, plan_rows.link_rows, paging, "action-recommendations.csv")


@api.get(
    "/progress-updates/", response=page_of(schemas.ProgressUpdateRow), url_name="progress-updates"
)
@guarded(signed_in)
def progress_updates(
    request,
    paging: Query[Paging],
    authority: Id | None = None,
    plan: Id | None = None,
    action: Id | None = None,
    since: date | None = None,
):
    """Every update, retracted ones included (marked): reported on or after `since` if given."""
    source = plan_rows.update_source(request.user, authority, plan, action, since)
    row = schemas.ProgressUpdateRow
    return listing(request, row, source, plan_rows.update_rows, paging, "progress-updates.csv")


@api.get("/milestones/", response=page_of(schemas.MilestoneRow), url_name="milestones")
@guarded(signed_in)
def milestones(
    request,
    paging: Query[Paging],
    authority: Id | None = None,
    plan: Id | None = None,
    action: Id | None = None,
):
    source = plan_rows.milestone_source(request.user, authority, plan, action)
    row = schemas.MilestoneRow
    return listing(request, row, source, plan_rows.milestone_rows, paging, "milestones.csv")


@api.get(
    "/due-date-changes/", response=page_of(schemas.DueDateChangeRow), url_name="due-date-changes"
)
@guarded(signed_in)
def due_date_changes(
    request,
    paging: Query[Paging],
    authority: Id | None = None,
    plan: Id | None = None,
    action: Id | None = None,
):
    source = plan_rows.due_date_change_source(request.user, authority, plan, action)
    rows, row = plan_rows.due_date_change_rows, schemas.DueDateChangeRow
    return listing(request, row, source, rows, paging, "due-date-changes.csv")


@api.get("/inspections/", response=page_of(schemas.InspectionRow), url_name="inspections")
@guarded(signed_in)
def inspections(request, paging: Query[Paging], authority: Id | None = None):
    source = record_rows.inspection_source(request.user, authority)
    row = schemas.InspectionRow
    return listing(request, row, source, record_rows.inspection_rows, paging, "inspections.csv")


@api.get("/judgements/", response=page_of(schemas.JudgementRow), url_name="judgements")
@guarded(signed_in)
def judgements(
    request, paging: Query[Paging], authority: Id | None = None, inspection: Id | None = None
):
    source = record_rows.judgement_source(request.user, authority, inspection)
    row = schemas.JudgementRow
    return listing(request, row, source, record_rows.judgement_rows, paging, "judgements.csv")


@api.get(
    "/recommendations/", response=page_of(schemas.RecommendationRow), url_name="recommendations"
)
@guarded(signed_in)
def recommendations(
    request, paging: Query[Paging], authority: Id | None = None, inspection: Id | None = None
):
    source = record_rows.recommendation_source(request.user, authority, inspection)
    rows, row = record_rows.recommendation_rows, schemas.RecommendationRow
    return listing(request, row, source, rows, paging, "recommendations.csv")


@api.get("/indicators/", response=page_of(schemas.IndicatorRow), url_name="indicators")
@guarded(signed_in)
def indicators(
    request, paging: Query[Paging], authority: Id | None = None, indicator: Id | None = None
):
    """Each indicator each of your authorities measures, its target and latest figure rated."""
    source = record_rows.comparisons(request.user, authority, indicator)
    row = schemas.IndicatorRow
    return listing(request, row, source, record_rows.indicator_rows, paging, "indicators.csv")


@api.get(
    "/indicator-values/", response=page_of(schemas.IndicatorValueRow), url_name="indicator-values"
)
@guarded(signed_in)
def indicator_values(
    request, paging: Query[Paging], authority: Id | None = None, indicator: Id | None = None
):
    """Each period's value beside England, the region and the statistical neighbours."""
    source = record_rows.value_source(request.user, authority, indicator)
    row = schemas.IndicatorValueRow
    return listing(request, row, source, record_rows.value_rows, paging, "indicator-values.csv")


@api.get(
    "/committee-reports/",
    response=page_of(schemas.CommitteeReportRow),
    url_name="committee-reports",
)
@guarded(signed_in)
def committee_reports(
    request, paging: Query[Paging], authority: Id | None = None, plan: Id | None = None
):
    """The reports you may read, as the reports list shows them: a committee member sees a
    report once it is cleared."""
    source = record_rows.report_source(request.user, authority, plan)
    rows = record_rows.report_rows(request)
    row = schemas.CommitteeReportRow
    return listing(request, row, source, rows, paging, "committee-reports.csv")
