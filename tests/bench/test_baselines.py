"""The load test's JSON baselines gather what their pages show through the pages' own functions:
the same queries, so a page's ratio to its baseline is what its HTML (or file format) adds."""

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from authorities.models import Committee
from reports.models import CommitteeReport
from tests.access import build_side
from tests.factories import ProgressUpdateFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.bench.urls")]


def final_report(side):
    """A finalised report whose PDF is in storage (a stand-in: what is served is read, not made)."""
    committee = Committee.objects.create(
        authority=side.authority, name="Scrutiny", kind=Committee.Kind.SCRUTINY
    )
    report = CommitteeReport.objects.create(
        plan=side.plan,
        committee=committee,
        meeting_on=datetime.date(2026, 11, 30),
        title="Progress report",
        report_of="Director of Children's Services",
        purpose="To report progress.",
        recommendations="That the committee notes progress.",
        status=CommitteeReport.Status.FINAL,
        snapshot={},
    )
    report.pdf_file.save("report.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    return report


def pages(side):
    plan, action = side.plan.pk, side.action.pk
    report = final_report(side).pk
    query = f"?plan={plan}&rag=green&sort=-due_on"
    return {
        "home": (reverse("home"), reverse("bench:home")),
        "plan": (reverse("improvement:plan", args=[plan]), reverse("bench:plan", args=[plan])),
        "actions": (reverse("improvement:actions") + query, reverse("bench:actions") + query),
        "action": (
            reverse("improvement:action", args=[action]),
            reverse("bench:action", args=[action]),
        ),
        "download": (
            reverse("improvement:actions_xlsx") + f"?plan={plan}",
            reverse("bench:export") + f"?plan={plan}",
        ),
        "report PDF": (
            reverse("reports:report-pdf", args=[report]),
            reverse("bench:report", args=[report]),
        ),
    }


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, [q["sql"] for q in captured.captured_queries]


@pytest.mark.parametrize("role", ["officer", "manager"])
@override_settings(BENCH_JSON_VIEWS=True)
def test_each_baseline_runs_its_pages_queries_and_returns_its_rows(client, role):
    side = build_side("Aldwick", 1)
    client.force_login(getattr(side, role))
    title = side.action.title
    shown = []
    for page, (url, baseline) in pages(side).items():
        client.get(url)  # what is read once per process
        page_response, page_queries = queries(client, url)
        response, baseline_queries = queries(client, baseline)
        assert len(baseline_queries) == len(page_queries), page
        content = b"".join(page_response) if page_response.streaming else page_response.content
        in_page = title.encode() in content or page == "download"
        assert (title in json.dumps(response.json())) == in_page, page
        shown += [page] if in_page else []
    # The action is overdue: on the home of the officer who leads it, and in the manager's overview.
    assert len(shown) == 5


@override_settings(BENCH_JSON_VIEWS=True)
def test_the_action_baseline_names_an_update_signed_by_no_user(client):
    # As in the demo data: updates typed in from a council's paper, signed with a name.
    side = build_side("Aldwick", 1)
    ProgressUpdateFactory(action=side.action, author=None, author_name="Team manager")
    client.force_login(side.officer)
    response = client.get(reverse("bench:action", args=[side.action.pk]))
    assert response.status_code == 200
    signed = [u[1] for u in response.json()["updates"]]
    assert signed == ["Team manager", side.officer.get_full_name()]
