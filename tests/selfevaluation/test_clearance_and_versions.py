"""The committee report's clearance, on a self-evaluation: submitted, cleared by a second manager,
finalised and then frozen; sent back with a reason; every version kept, who and when; facts
drafted again when the date changes, the manager's words kept."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from core.people import person_name
from improvement.models import Action, ProgressUpdate
from indicators.models import IndicatorValue
from reports.blocks import texts
from reports.clearance import NotCleared, WrongState
from selfevaluation import services
from selfevaluation.models import SelfEvaluation

Status = SelfEvaluation.Status
LATE = datetime.date(2025, 10, 1)


def fresh(evaluation):
    return SelfEvaluation.objects.with_context().get(pk=evaluation.pk)


def reading(evaluation):
    return list(texts(services.content_of(fresh(evaluation)).blocks))


def final(evaluation, manager, second_manager):
    services.clear(services.submit(evaluation, manager), second_manager)
    return services.finalise(fresh(evaluation), manager)


def late_update(action_pk=1003, rag="green"):
    """An update on Gateshead's action 4 (amber since 1 March 2017), dated before 28 November
    2025, written after the facts were drafted."""
    return ProgressUpdate.objects.create(
        action=Action.objects.get(pk=action_pk),
        reported_on=LATE,
        author_name="Looked After Team",
        rag=rag,
        narrative="Care leavers now have a named mental health worker.",
    )


def test_it_is_submitted_cleared_by_a_second_manager_and_finalised(
    gateshead_evaluation, manager, second_manager
):
    submitted = services.submit(gateshead_evaluation, manager)
    assert (submitted.status, submitted.submitted_by) == (Status.SUBMITTED, manager)
    with pytest.raises(PermissionDenied):  # Gateshead asks for a second person to clear
        services.clear(submitted, manager)
    cleared = services.clear(submitted, second_manager)
    assert (cleared.status, cleared.cleared_by) == (Status.CLEARED, second_manager)
    finalised = services.finalise(cleared, manager)
    assert (finalised.status, finalised.finalised_by) == (Status.FINAL, manager)
    assert finalised.snapshot["schema"] == 1
    assert finalised.snapshot["pack"], "the pack's appendices are frozen with it"


def test_a_step_in_the_wrong_state_is_refused_naming_the_state(gateshead_evaluation, manager):
    with pytest.raises(WrongState, match="is draft: only a self-evaluation that is submitted"):
        services.clear(gateshead_evaluation, manager)
    with pytest.raises(NotCleared, match="a manager must clear it"):
        services.finalise(gateshead_evaluation, manager)
    services.submit(gateshead_evaluation, manager)
    with pytest.raises(services.NotDraft, match="only a draft can be changed"):
        services.redraft(fresh(gateshead_evaluation), manager)
    assert fresh(gateshead_evaluation).status == Status.SUBMITTED


@pytest.mark.parametrize("who", ["officer", "councillor", "outsider"])
def test_only_a_manager_of_the_authority_moves_it_on(gateshead_evaluation, manager, who, request):
    user = request.getfixturevalue(who)
    for step in (services.submit, services.redraft):
        with pytest.raises(PermissionDenied):
            step(gateshead_evaluation, user)
    services.submit(gateshead_evaluation, manager)
    with pytest.raises(PermissionDenied):
        services.clear(fresh(gateshead_evaluation), user)
    with pytest.raises(PermissionDenied):
        services.return_to_draft(fresh(gateshead_evaluation), user, "Wrong figures.")


def test_sent_back_to_draft_it_says_why_and_must_be_cleared_again(
    gateshead_evaluation, manager, second_manager
):
    services.clear(services.submit(gateshead_evaluation, manager), second_manager)
    reason = "The placement stability figure for 2025 is to be revised."
    returned = services.return_to_draft(fresh(gateshead_evaluation), second_manager, reason)
    assert (returned.status, returned.return_reason) == (Status.DRAFT, reason)
    assert (returned.submitted_by, returned.cleared_by) == (None, None)
    page = Client()
    page.force_login(manager)
    html = page.get(reverse("selfevaluation:detail", args=[returned.pk])).content.decode()
    assert reason in html
    assert "Submit for clearance" in html


def test_a_final_one_reads_the_same_after_the_data_moves_on(
    gateshead_evaluation, manager, second_manager
):
    evaluation = final(gateshead_evaluation, manager, second_manager)
    before = reading(evaluation)
    pack_before = list(texts(services.pack_of(fresh(evaluation)).blocks))
    late_update()
    IndicatorValue.objects.filter(indicator_id=920, area_code="E08000037").update(value=99)
    assert reading(evaluation) == before
    assert list(texts(services.pack_of(fresh(evaluation)).blocks)) == pack_before
    with pytest.raises(WrongState, match="is final"):
        services.return_to_draft(fresh(evaluation), manager, "Too late.")


def test_a_draft_keeps_its_facts_until_they_are_drafted_again(gateshead_evaluation, manager):
    late_update()
    before = " ".join(reading(gateshead_evaluation))
    assert "Their ratings by their latest progress updates: 1 Amber and 6 Green." in before
    services.redraft(gateshead_evaluation, manager)
    after = " ".join(reading(gateshead_evaluation))
    assert "Their ratings by their latest progress updates: 7 Green." in after
    assert "The latest progress update was reported on 1 October 2025." in after


def test_a_new_date_drafts_the_facts_again_and_keeps_the_managers_words(
    gateshead_evaluation, manager
):
    words = gateshead_evaluation.know_before.split("\n\n")[0]
    changed = services.edit(
        gateshead_evaluation,
        manager,
        gateshead_evaluation.version,
        {"as_at": datetime.date(2024, 6, 30)},
    )
    assert changed.facts["as_at"] == "2024-06-30"
    text = " ".join(reading(changed))
    # Ofsted's latest by then was the 2019 inspection; the 2024 figures had no earlier one.
    assert "was published on 11 June 2019." in text
    assert "29 January 2025" not in text
    assert "Placement stability: same carer for 2 years: 75% in 2024" in text
    assert words in text
    assert fresh(changed).know_before == gateshead_evaluation.know_before


def test_an_edit_from_a_form_opened_before_another_save_is_refused(gateshead_evaluation, manager):
    opened = gateshead_evaluation.version
    services.edit(gateshead_evaluation, manager, opened, {"how_after": "First words."})
    with pytest.raises(services.EditConflict):
        services.edit(gateshead_evaluation, manager, opened, {"how_after": "Second words."})
    assert fresh(gateshead_evaluation).how_after == "First words."


def test_every_version_is_kept_with_who_when_and_what_changed(
    gateshead_evaluation, manager, second_manager
):
    first_words = gateshead_evaluation.plans_after
    services.edit(
        gateshead_evaluation, manager, gateshead_evaluation.version, {"plans_after": "New plans."}
    )
    final(fresh(gateshead_evaluation), manager, second_manager)
    versions = services.versions(fresh(gateshead_evaluation))
    newest = versions[0]
    assert [v.number for v in versions] == list(range(len(versions), 0, -1))
    assert (newest.status, newest.who) == ("Final", manager)
    assert newest.changes == ("Finalised: frozen as it reads from now on",)
    assert (versions[1].changes, versions[1].who) == (("Cleared",), second_manager)
    edit = versions[3]
    assert (edit.who, edit.changes) == (manager, ("Question 3: the words after the facts",))
    # The version before the edit still reads as it did.
    before = services.version_of(gateshead_evaluation, versions[4].history_id)
    assert first_words.split("\n")[0] in " ".join(texts(before.blocks))


def test_the_versions_page_names_who_and_when_and_shows_an_earlier_version(
    gateshead_evaluation, manager, officer
):
    services.edit(
        gateshead_evaluation, manager, gateshead_evaluation.version, {"know_after": "Revised."}
    )
    client = Client()
    client.force_login(officer)
    url = reverse("selfevaluation:versions", args=[gateshead_evaluation.pk])
    html = client.get(url).content.decode()
    assert "Question 1: the words after the facts" in html
    assert person_name(manager) == "Demo Manager"  # the demo's manager
    assert "Demo Manager" in html
    versions = services.versions(fresh(gateshead_evaluation))
    earlier = reverse(
        "selfevaluation:version", args=[gateshead_evaluation.pk, versions[1].history_id]
    )
    page = client.get(earlier).content.decode()
    assert f"Version {versions[1].number} of {len(versions)}" in page
    assert "What we are proud of" in page  # the words before "Revised."
