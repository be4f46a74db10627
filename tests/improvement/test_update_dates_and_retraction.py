"""Progress updates: dated neither in the future nor before the plan; a wrong one is retracted."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from improvement import services
from improvement.models import Action, AppendOnlyError, ImprovementPlan, ProgressUpdate
from improvement.state import action_state, standing_updates
from reports.assembly import plan_actions
from tests import factories as f
from tests.access import build_side, date_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_update_dated_in_the_future_is_refused_naming_the_date(side):
    with pytest.raises(ValidationError, match="1 January 2030, is in the future"):
        services.add_progress_update(
            side.action, side.officer, "green", "Done.", reported_on=datetime.date(2030, 1, 1)
        )
    assert side.action.updates.count() == 1


def test_an_update_dated_before_the_plan_began_is_refused_naming_both_dates(side):
    # The plan starts on 1 April 2024 (tests/factories.py).
    with pytest.raises(ValidationError, match="31 March 2024, is before the plan existed") as no:
        services.add_progress_update(
            side.action, side.officer, "green", "Done.", reported_on=datetime.date(2024, 3, 31)
        )
    assert "(from 1 April 2024)" in str(no.value)


def test_a_plan_with_no_dates_began_on_its_inspections_first_day_on_site(seeds):
    gateshead = ImprovementPlan.objects.get(pk=100)
    assert (gateshead.starts_on, gateshead.approved_on) == (None, None)
    assert gateshead.began_on() == datetime.date(2015, 10, 27)


def test_the_update_form_shows_the_refusal_against_the_date(side):
    url = reverse("improvement:add_update", args=[side.action.pk])
    data = {
        "rag": "green",
        "narrative": "Done.",
        **date_data("reported_on", datetime.date(2030, 1, 1)),
    }
    page = client_for(side.officer).post(url, data)
    assert page.status_code == 200
    assert "The date of the update, 1 January 2030, is in the future" in page.content.decode()
    assert side.action.updates.count() == 1


def test_the_author_retracts_an_update_and_the_action_goes_back_to_the_one_before(side):
    services.add_progress_update(side.action, side.officer, "red", "Wrong action, sorry.")
    wrong = side.action.updates.latest()
    version = Action.objects.get(pk=side.action.pk).version
    services.retract_progress_update(wrong, side.officer, "Reported against the wrong action.")
    wrong.refresh_from_db()
    action = Action.objects.get(pk=side.action.pk)
    assert wrong.is_retracted
    assert wrong.retracted_by == side.officer
    assert action.rag == side.update.rag == "green"
    assert action.version == version + 1
    assert wrong.history.first().retraction_reason == "Reported against the wrong action."


def test_retracting_the_blue_update_reopens_the_action(side):
    services.add_progress_update(side.action, side.manager, "blue", "Audit passed.")
    services.retract_progress_update(side.action.updates.latest(), side.manager, "Audit failed.")
    action = Action.objects.get(pk=side.action.pk)
    assert (action.rag, action.status) == ("green", Action.Status.IN_PROGRESS)


def test_a_retraction_needs_a_reason_and_happens_once(side):
    with pytest.raises(ValidationError, match="Say why"):
        services.retract_progress_update(side.update, side.manager, "  ")
    services.retract_progress_update(side.update, side.manager, "Duplicate.")
    with pytest.raises(ValidationError, match="already retracted"):
        services.retract_progress_update(side.update, side.officer, "Again.")


def test_a_retracted_update_is_otherwise_still_append_only(side):
    services.retract_progress_update(side.update, side.manager, "Duplicate.")
    side.update.narrative = "Rewritten"
    with pytest.raises(AppendOnlyError):
        side.update.save()


def test_a_retracted_update_no_longer_counts_as_the_latest(side):
    today = timezone.localdate()
    services.add_progress_update(side.action, side.officer, "amber", "Written in error.")
    assert action_state(side.action).update.reported_on == today
    services.retract_progress_update(side.action.updates.latest(), side.officer, "Error.")
    assert action_state(side.action).update == side.update
    [summary] = plan_actions(side.plan, today)
    assert (summary.rag, summary.narrative) == ("green", side.update.narrative)


def test_the_retracted_update_stays_on_the_page_struck_through_with_the_reason(side):
    url = reverse("improvement:retract_update", args=[side.update.pk])
    response = client_for(side.officer).post(url, {"reason": "Wrong action."})
    assert response.status_code == 302
    page = client_for(side.manager).get(reverse("improvement:action", args=[side.action.pk]))
    html = page.content.decode()
    assert '<del><span class="govuk-visually-hidden">Retracted update: </span>' in html
    assert side.update.narrative in html
    assert "Wrong action." in html
    assert reverse("improvement:retract_update", args=[side.update.pk]) not in html


def test_an_officer_who_did_not_write_the_update_may_not_retract_it(side):
    other = f.member(side.authority, "officer", username="aldwick-officer-2")
    url = reverse("improvement:retract_update", args=[side.update.pk])
    assert client_for(other).post(url, {"reason": "Not mine."}).status_code == 403
    page = client_for(other).get(reverse("improvement:action", args=[side.action.pk]))
    assert url not in page.content.decode()
    assert ProgressUpdate.objects.current().filter(pk=side.update.pk).exists()


def test_the_standing_update_is_the_newest_not_retracted_and_alone_is_fetched(side, client):
    # Three more updates on one day (created in turn) and one on a later day, which is retracted:
    # the newest standing one is the last created on that day, and it alone is fetched.
    day = datetime.date(2024, 10, 7)
    for narrative in ("First of the day.", "Second of the day.", "Third of the day."):
        services.add_progress_update(side.action, side.officer, "amber", narrative, reported_on=day)
    services.add_progress_update(side.action, side.officer, "red", "Wrong action.")
    services.retract_progress_update(side.action.updates.latest(), side.officer, "Error.")
    other = f.ActionFactory(plan=side.plan, reference="9.9")

    standing = standing_updates([side.action.pk, other.pk])
    assert [u.narrative for u in standing.values()] == ["Third of the day."]
    assert other.pk not in standing

    client.force_login(side.officer)
    rows = csv.DictReader(
        io.StringIO(client.get(reverse("improvement:actions_csv")).content.decode("utf-8-sig"))
    )
    row = next(r for r in rows if r["Reference"] == side.action.reference)
    assert (row["Latest update"], row["Latest update date"]) == ("Third of the day.", "2024-10-07")
