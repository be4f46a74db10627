"""Every edit form of the site, opened on real data and submitted unchanged, changes nothing.

Driven by the access cases (tests/access_cases/), so a form added later is covered as soon as its
URL has a Case with both a GET and a POST. Pages that create or record something rather than edit
what exists are listed in NOT_EDIT_FORMS, each with the reason.
"""

import copy

import pytest
from django.core.management import call_command
from django.test import Client

from improvement.models import Action
from reports.models import CommitteeReport
from tests.access import ROLES, build_world, collect_cases
from tests.forms import as_post_data, differences, every_row, forms_of
from tests.kept import keep

GATESHEAD_ACTION = 1000  # "Improve the quality of all children's plans", Gateshead 2017
GATESHEAD_REPORT = 100  # the Looked After Children plan's report of 1 March 2017

NOT_EDIT_FORMS = {
    # Each adds a new row by design: its blank form submitted unchanged is refused or creates one.
    "improvement:add_update",  # a new progress update
    "improvement:change_due_date",  # a new due date with its reason (a DueDateChange row)
    "improvement:retract_update",  # a confirmation: strikes out an update, giving a reason
    "reports:report-create",  # a new committee report
    "reports:report-finalise",  # a confirmation: finalises the report
    "reports:report-clear",  # a confirmation: clears the submitted report
    "reports:report-return",  # a new reason: sends the report back to draft
    "selfevaluation:create",  # a new self-evaluation
    "selfevaluation:clear",  # a confirmation: clears the submitted self-evaluation
    "selfevaluation:return",  # a new reason: sends the self-evaluation back to draft
    "selfevaluation:finalise",  # a confirmation: finalises the self-evaluation
    "improvement:plan_create",  # a new plan
    "improvement:theme_add",  # a new theme
    "improvement:action_add",  # a new action
    "improvement:milestone_add",  # a new milestone
    "improvement:milestone_delete",  # a confirmation: deletes the milestone
    "improvement:workbook_upload",  # a new uploaded workbook
    "improvement:workbook_preview",  # a confirmation: imports the workbook
    "indicators:add-value",  # a new value for a period (or a correction of that period's value)
    "readiness:add-evidence",  # a new piece of evidence of impact
    "readiness:remove-evidence",  # a confirmation: removes the evidence of impact
    "api_tokens:list",  # a new personal API token
    "audits:result-add",  # a new audit result
    "audits:programme-add",  # a new row of the audit programme
    "audits:import",  # a new uploaded audit workbook
    "audits:import-preview",  # a confirmation: records the workbook's audits
    # The login form signs a user in; it edits nothing (and is public, so never posted here).
    "login",
}

EDIT_CASES = [
    case
    for case in collect_cases()
    if case.get is not None
    and case.post is not None
    and not case.public
    and case.name not in NOT_EDIT_FORMS
]


def gateshead_words(world):
    """Side A's action and report carry Gateshead's real words and dates (fixtures/)."""
    call_command("loaddata", "authorities", "seeds", "reports", verbosity=0)
    source = Action.objects.get(pk=GATESHEAD_ACTION)
    Action.objects.filter(pk=world.a.action.pk).update(
        title=source.title, lead_name=source.lead_name, status=source.status, rag=source.rag
    )
    world.a.action.refresh_from_db()
    paper = CommitteeReport.objects.get(pk=GATESHEAD_REPORT)
    CommitteeReport.objects.create(
        plan=world.a.plan,
        committee=world.a.authority.committees.create(name=paper.committee.name),
        meeting_on=paper.meeting_on,
        **{name: getattr(paper, name) for name in ("title", "report_of", "purpose")},
        **{name: getattr(paper, name) for name in ("background", "recommendations")},
    )


def gateshead_world():
    world = build_world()
    gateshead_words(world)
    return world


@pytest.fixture(scope="module")
def kept_gateshead_world(django_db_setup, django_db_blocker):
    yield from keep(django_db_blocker, gateshead_world)


@pytest.fixture
def world(kept_gateshead_world, db):
    """The access world with Gateshead's words, kept for the module (tests/kept.py)."""
    return copy.deepcopy(kept_gateshead_world)


def editor_of(case, world):
    """A manager, else an admin, else whoever may post."""
    allowed = [role for role in ROLES if role in case.post]
    role = next((r for r in ("manager", "admin") if r in allowed), allowed[0])
    client = Client()
    client.force_login(getattr(world.a, role))
    return client


def edit_form(html, url):
    """The page's own form: posted to itself (the header's sign-out form is not it)."""
    own = [
        form
        for form in forms_of(html)
        if form["attrs"].get("method", "get").lower() == "post"
        and form["attrs"].get("action", "") in ("", url)
    ]
    assert own, f"{url} shows no form posting to itself"
    return own[0]


@pytest.mark.parametrize("case", EDIT_CASES, ids=str)
def test_an_edit_form_submitted_unchanged_changes_nothing(case, world):
    url = case.url(world)
    client = editor_of(case, world)
    page = client.get(url)
    assert page.status_code == 200, f"GET {url}: {page.status_code}"
    form = edit_form(page.content.decode(), url)
    before = every_row()
    response = client.post(url, as_post_data(form["fields"]))
    assert response.status_code == 302, f"{url} refused its own unchanged form: {response.content}"
    changed = differences(before, every_row())
    assert not changed, "\n".join(
        f"{m} {pk} {name}: {a!r} -> {b!r}" for m, pk, name, a, b in changed
    )


def test_the_excluded_cases_are_real_cases():
    """A renamed URL must not silently drop out of the round trip."""
    names = {case.name for case in collect_cases()}
    assert names >= NOT_EDIT_FORMS, NOT_EDIT_FORMS - names


def test_the_round_trip_covers_the_known_edit_forms():
    known = {"improvement:edit_action", "reports:report-edit", "selfevaluation:edit"}
    assert known <= {c.name for c in EDIT_CASES}
