"""The authority page: history in words, comparison at a date, neighbours; members only."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from authorities.models import LocalAuthority, Membership
from inspections.importers.national import import_national
from tests import factories as f

GATESHEAD = "E08000037"


@pytest.fixture
def national(db):
    call_command("import_national", verbosity=0)


@pytest.fixture
def gateshead(national):
    return LocalAuthority.objects.get(ons_code=GATESHEAD)


@pytest.fixture
def member_client(client, gateshead):
    client.force_login(f.member(gateshead, Membership.Role.COMMITTEE_MEMBER))
    return client


def page(client, authority, query=""):
    return client.get(reverse("inspections:authority", kwargs={"pk": authority.pk}) + query)


def test_a_member_sees_the_inspection_history_in_words(member_client, gateshead):
    response = page(member_client, gateshead)
    assert response.status_code == 200
    text = response.content.decode()
    assert "11 March 2016" in text
    assert "Experiences and progress of care leavers: Requires improvement to be good" in text
    assert "LSCB review, review of the local safeguarding children board" in text
    assert "Sunderland" in text, "regional neighbours are listed"


def test_the_comparison_follows_the_chosen_date(member_client, gateshead):
    response = page(member_client, gateshead, "?as_at=2016-12-31")
    assert response.context["latest"].framework.code == "sif"
    table = {
        label: (region, england) for label, region, england, _ in response.context["grade_table"]
    }
    assert sum(england for _, england in table.values()) <= 153
    own = [label for label, _, _, is_own in response.context["grade_table"] if is_own]
    assert own == ["Good"]
    same = page(member_client, gateshead, "?as_at_day=31&as_at_month=12&as_at_year=2016")
    assert same.context["grade_table"] == response.context["grade_table"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?as_at=2016-02-30", "must be a real date in the form YYYY-MM-DD"),
        ("?as_at_day=31&as_at_month=2&as_at_year=2016", "must be a real date"),
        ("?as_at_day=1&as_at_year=2016", "The comparison date must include a month"),
        ("?as_at_day=x&as_at_month=2&as_at_year=2016", "must be a real date"),
    ],
)
def test_a_bad_date_says_what_is_wrong(member_client, gateshead, query, message):
    response = page(member_client, gateshead, query)
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert message in response.content.decode()
    assert response.context["as_at"] is None


def test_a_member_of_another_authority_gets_404(client, gateshead):
    sunderland = LocalAuthority.objects.get(ons_code="E08000024")
    client.force_login(f.member(sunderland, Membership.Role.ADMIN))
    assert page(client, gateshead).status_code == 404
    assert page(client, sunderland).status_code == 200


def test_the_page_takes_the_same_queries_for_few_or_many_inspections(
    client, db, django_assert_max_num_queries
):
    data = Path(__file__).resolve().parent.parent / "data" / "ofsted"
    reference = Path(settings.BASE_DIR) / "fixtures" / "ofsted" / "la_reference_england.csv"
    import_national(reference, data / "history_good_sample.csv")
    gateshead = LocalAuthority.objects.get(ons_code=GATESHEAD)
    client.force_login(f.member(gateshead, Membership.Role.OFFICER))
    with django_assert_max_num_queries(20) as few:
        page(client, gateshead)
    call_command("import_national", verbosity=0)
    assert gateshead.inspections.count() > 3
    with django_assert_max_num_queries(len(few.captured_queries)):
        page(client, gateshead)
