"""Every list of the API, as every role of each authority, signed in and with a token, JSON and
CSV: 0 rows of the other authority, and no draft report for a committee member.

The access matrix (tests/access_cases/api.py) checks each list's answer; this reads what it holds.
Every list holds rows for both authorities (tests/api/world.py), so a list that leaked nothing
because it listed nothing would fail here.
"""

import csv
import io

import pytest

from api.endpoints import LISTS
from improvement.models import Action, ImprovementPlan
from indicators.models import Indicator
from inspections.models import Inspection
from reports.models import CommitteeReport
from tests.access import ROLES, UPDATERS
from tests.api.world import A_OWN_FIGURE, signed_in, token_client

pytestmark = pytest.mark.django_db


def rows_of(client, name, form):
    """Every row of the list (JSON: each page, following `next`), as {column: text}."""
    if form == "csv":
        response = client.get(f"/api/v1/{name}/?format=csv")
        assert response.status_code == 200, (name, response.status_code)
        text = response.content.decode("utf-8-sig")
        return [{k: v for k, v in row.items()} for row in csv.DictReader(io.StringIO(text))], text
    rows, texts, url = [], [], f"/api/v1/{name}/?limit=2"
    while url:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        page = response.json()
        rows.extend({k: "" if v is None else str(v) for k, v in r.items()} for r in page["results"])
        texts.append(response.content.decode())
        url = page["next"]
    return rows, "".join(texts)


def owners():
    """{kind: {id: authority id}} of the rows the lists name."""
    return {
        "plan": dict(ImprovementPlan.objects.values_list("pk", "authority_id")),
        "action": dict(Action.objects.values_list("pk", "plan__authority_id")),
        "inspection": dict(Inspection.objects.values_list("pk", "authority_id")),
        "indicator": dict(Indicator.objects.values_list("pk", "authority_id")),
    }


def authority_of(name, row, owned):
    """The authority a row belongs to, read from the ids it carries."""
    if name == "authorities":
        return int(row["id"])
    if "authority_id" in row:
        return int(row["authority_id"])
    for kind in ("plan", "action", "inspection"):
        if f"{kind}_id" in row:
            return owned[kind][int(row[f"{kind}_id"])]
    raise AssertionError(f"{name}: a row names no authority: {row}")


@pytest.mark.parametrize("form", ["json", "csv"])
@pytest.mark.parametrize("name", LISTS)
def test_no_list_holds_a_row_of_another_authority(name, form, world):
    owned = owners()
    for mine, theirs in ((world.a, world.b), (world.b, world.a)):
        for role in ROLES:
            for client in (signed_in(getattr(mine, role)), token_client(getattr(mine, role))):
                rows, text = rows_of(client, name, form)
                assert rows, f"{name} ({form}) is empty for {mine.authority} {role}"
                found = {authority_of(name, row, owned) for row in rows}
                assert found == {mine.authority.pk}, f"{name} ({form}) as {role}: {found}"
                assert theirs.authority.name not in text


@pytest.mark.parametrize("name", ["indicators", "indicator-values"])
def test_another_authoritys_own_figures_and_indicators_stay_its_own(name, world):
    for role in ROLES:
        for client in (signed_in(getattr(world.b, role)), token_client(getattr(world.b, role))):
            for form in ("json", "csv"):
                rows, text = rows_of(client, name, form)
                assert str(A_OWN_FIGURE) not in text
                assert str(world.a.indicator.pk) not in {row["indicator_id"] for row in rows}
    rows, _ = rows_of(token_client(world.a.officer), "indicator-values", "json")
    assert str(float(A_OWN_FIGURE)) in {row["local_value"] for row in rows}


def report_ids(client):
    rows, _ = rows_of(client, "committee-reports", "json")
    return {int(row["id"]) for row in rows}


def test_only_the_councils_staff_list_draft_reports(world):
    """Officers, managers and admins list drafts; a committee member (and anyone else who reads
    only papers, as the reports list shows them) lists the finalised report alone."""
    side = world.a
    draft, final = side.report, side.final
    assert draft.status == CommitteeReport.Status.DRAFT
    for role in ROLES:
        user = getattr(side, role)
        expected = {draft.pk, final.pk} if role in UPDATERS else {final.pk}
        for client in (signed_in(user), token_client(user)):
            assert report_ids(client) == expected, role
