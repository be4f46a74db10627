"""The plain-SQL baseline of the API's actions list (bench/api_baseline.py) answers the same JSON
as the API, so bench/api_actions.py compares the same rows."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from api.tokens import create_token
from authorities.models import LocalAuthority, Membership
from improvement.models import Action
from tests import factories as f
from tests.access import build_side

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.bench.urls")]

API, BASELINE = "/api/v1/actions/", "/bench/api/actions.json"


def both(client, query=""):
    """(the API's page, the baseline's), their own links aside."""
    pages = [client.get(url + query).json() for url in (API, BASELINE)]
    for page in pages:
        for name in ("next", "previous"):
            page[name] = page[name] and page[name].split("?")[1]
    return pages


def token_client(user):
    _, secret = create_token(user, "Benchmark", 1)
    return Client(headers={"Authorization": f"Bearer {secret}"})


def test_the_baseline_lists_gatesheads_actions_as_the_api_does(seeds):
    gateshead = LocalAuthority.objects.get(name="Gateshead")
    client = token_client(f.member(gateshead, Membership.Role.OFFICER))
    api, baseline = both(client, "?limit=1000")
    assert api["count"] == 7  # the Looked After Children plan of 2017
    assert api == baseline
    api, baseline = both(client, "?plan=100&limit=3&offset=3")
    assert len(api["results"]) == 3
    assert api["next"] == "plan=100&limit=3&offset=6"
    assert api == baseline


def test_the_baseline_works_each_state_out_as_the_read_model_does():
    a, b = build_side("Aldwick", 1), build_side("Brampton", 2)
    today = timezone.localdate()
    plan, theme, officer = a.plan, a.theme, a.officer
    done = f.ActionFactory(plan=plan, theme=theme, reference="1.2", status="complete", rag="blue")
    soon = f.ActionFactory(plan=plan, reference="2.1", due_on=today + datetime.timedelta(days=9))
    posted = f.ActionFactory(plan=plan, reference="2.2", lead_officer=officer, lead_name="Head")
    f.ProgressUpdateFactory(action=done, author=officer, reported_on=today)
    retracted = f.ProgressUpdateFactory(action=soon, author=officer, reported_on=today)
    retracted.retracted_at, retracted.retraction_reason = timezone.now(), "Wrong action."
    retracted.save(update_fields=["retracted_at", "retraction_reason"])
    client = token_client(a.manager)
    api, baseline = both(client)
    assert api == baseline
    listed = {row["id"]: row for row in api["results"]}
    assert listed[soon.pk]["due_soon"] is True
    assert listed[soon.pk]["update_id"] is None
    assert listed[done.pk]["update_due"] is False
    assert listed[posted.pk]["lead"].endswith("(Head)")
    assert Action.objects.filter(plan=plan).count() == len(listed)
    stranger = token_client(b.manager)
    assert [stranger.get(f"{url}?plan={plan.pk}").status_code for url in (API, BASELINE)] == [
        404,
        404,
    ]
