"""The admin keeps the app's workflows: no due date, RAG or signature set around them, no version
skipped, nothing with history deleted."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from improvement import services
from improvement.models import Action, ImprovementPlan, ProgressUpdate
from inspections.models import Inspection
from reports.models import CommitteeReport
from tests.admin.world import change_form_data, report

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def test_the_admin_offers_no_way_to_set_the_due_date_rag_or_original_due_date(world):
    admin = logged_in(world.a.admin)
    action = world.a.action
    due_on = action.due_on
    page = admin.get(change_url(action))
    data = change_form_data(page)
    data.update(due_on="2031-01-31", original_due_on="2031-01-31", rag="blue")
    response = admin.post(change_url(action), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    action.refresh_from_db()
    assert (action.due_on, action.original_due_on, action.rag) == (due_on, due_on, "green")
    assert not {"due_on", "original_due_on", "rag"} & set(page.context["adminform"].form.fields)


def test_an_admin_save_moves_the_version_so_a_managers_stale_form_is_refused(world):
    action, manager = world.a.action, logged_in(world.a.manager)
    version = action.version
    seen = manager.get(reverse("improvement:edit_action", args=[action.pk])).context["form"]
    admin = logged_in(world.a.admin)
    data = change_form_data(admin.get(change_url(action)))
    data["title"] = "Audit every care plan each quarter"
    assert admin.post(change_url(action), data).status_code == 302
    stale = {name: seen[name].value() or "" for name in seen.fields}
    stale["title"] = "Audit care plans"
    response = manager.post(reverse("improvement:edit_action", args=[action.pk]), stale)
    assert response.context["conflict"], response.context["form"].errors
    action.refresh_from_db()
    assert action.title == "Audit every care plan each quarter"
    assert action.version == version + 1


def test_an_admin_form_opened_before_an_app_edit_is_refused(world):
    action, admin = world.a.action, logged_in(world.a.admin)
    data = change_form_data(admin.get(change_url(action)))
    services.edit_action(action.pk, action.version, {"partners": "Health visiting"})
    data["title"] = "Overwritten"
    response = admin.post(change_url(action), data)
    assert response.status_code == 200
    assert "changed by someone else" in response.content.decode()
    assert Action.objects.get(pk=action.pk).title == action.title


def test_progress_updates_are_read_only_in_the_admin(world):
    admin = logged_in(world.a.admin)
    assert admin.get(reverse("admin:improvement_progressupdate_add")).status_code == 403
    update = world.a.update
    data = {"action": world.a.action.pk, "reported_on": "2020-01-01", "rag": "red"}
    data.update(author=world.a.manager.pk, narrative="Backdated and signed by someone else.")
    admin.post(reverse("admin:improvement_progressupdate_add"), data)
    admin.post(change_url(update), data)
    assert list(ProgressUpdate.objects.filter(action=world.a.action)) == [update]
    inlines = admin.get(change_url(world.a.action)).context["inline_admin_formsets"]
    updates = next(i for i in inlines if i.formset.model is ProgressUpdate)
    assert not updates.has_add_permission


def delete(client, obj):
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[obj.pk])
    return client.post(url, {"post": "yes"})


def test_a_finalised_report_is_kept_with_the_reason(world):
    final = report(world.a, CommitteeReport.Status.FINAL, datetime.date(2025, 6, 18))
    response = delete(logged_in(world.a.admin), final)
    assert "finalised report is the record" in response.content.decode()
    assert CommitteeReport.objects.filter(pk=final.pk).exists()


def test_a_draft_report_may_be_deleted(world):
    delete(logged_in(world.a.admin), world.a.report)
    assert not CommitteeReport.objects.filter(pk=world.a.report.pk).exists()


def test_a_plan_with_actions_and_an_inspection_it_answers_are_kept(world):
    admin = logged_in(world.a.admin)
    assert "the plan has actions" in delete(admin, world.a.plan).content.decode()
    assert "an improvement plan answers it" in delete(admin, world.a.inspection).content.decode()
    assert ImprovementPlan.objects.filter(pk=world.a.plan.pk).exists()
    assert Inspection.objects.filter(pk=world.a.inspection.pk).exists()


def test_a_bulk_delete_keeps_what_has_history(world):
    final = report(world.a, CommitteeReport.Status.FINAL, datetime.date(2025, 6, 18))
    data = {"action": "delete_selected", "_selected_action": [final.pk], "post": "yes"}
    response = logged_in(world.a.admin).post(
        reverse("admin:reports_committeereport_changelist"), data
    )
    assert "finalised report is the record" in response.content.decode()
    assert CommitteeReport.objects.filter(pk=final.pk).exists()


def test_history_shows_but_never_reverts(world):
    action, admin = world.a.action, logged_in(world.a.admin)
    services.edit_action(action.pk, action.version, {"title": "Renamed in the app"})
    first = action.history.earliest("history_date")
    url = reverse("admin:improvement_action_simple_history", args=[action.pk, first.history_id])
    assert admin.get(url).status_code == 200
    data = change_form_data(admin.get(url))
    assert admin.post(url, data).status_code == 403
    assert Action.objects.get(pk=action.pk).title == "Renamed in the app"
    history = admin.get(reverse("admin:improvement_action_history", args=[action.pk]))
    assert "Renamed in the app" in history.content.decode()


@pytest.mark.parametrize(
    "status", [CommitteeReport.Status.SUBMITTED, CommitteeReport.Status.CLEARED]
)
def test_a_report_past_its_draft_is_not_rewritten_in_the_admin(world, status):
    admin, draft = logged_in(world.a.admin), world.a.report
    data = change_form_data(admin.get(change_url(draft)))
    data["purpose"] = "Rewritten after clearance."
    sent = report(world.a, status, datetime.date(2025, 6, 18))
    page = admin.get(change_url(sent))
    assert page.status_code == 200
    assert "Rewritten" not in page.content.decode()
    assert not page.context["has_change_permission"]
    assert admin.post(change_url(sent), data).status_code == 403
    sent.refresh_from_db()
    assert (sent.purpose, sent.status) == ("To report progress.", status)


def test_a_draft_report_is_still_edited_in_the_admin(world):
    admin, draft = logged_in(world.a.admin), world.a.report
    data = change_form_data(admin.get(change_url(draft)))
    data["purpose"] = "To report progress since March."
    assert admin.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.purpose == "To report progress since March."


def test_changing_a_blue_actions_status_is_refused_on_the_form(world):
    action, admin = world.a.action, logged_in(world.a.admin)
    Action.objects.filter(pk=action.pk).update(status=Action.Status.COMPLETE, rag="blue")
    data = change_form_data(admin.get(change_url(action)))
    data["status"] = Action.Status.IN_PROGRESS
    response = admin.post(change_url(action), data)
    assert response.status_code == 200
    assert "Blue means complete" in str(response.context["adminform"].form.errors["status"])
    assert Action.objects.get(pk=action.pk).status == Action.Status.COMPLETE


def test_a_start_after_the_due_date_is_refused_on_the_form(world):
    action, admin = world.a.action, logged_in(world.a.admin)
    data = change_form_data(admin.get(change_url(action)))
    data["starts_on"] = (action.due_on + datetime.timedelta(days=1)).isoformat()
    response = admin.post(change_url(action), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "before the start date" in str(errors["starts_on"])
    assert Action.objects.get(pk=action.pk).starts_on == action.starts_on


def test_an_action_added_in_the_admin_is_placed_as_the_plan_builder_places_it(world):
    admin, add = logged_in(world.a.admin), reverse("admin:improvement_action_add")
    data = change_form_data(admin.get(add))
    data.update(
        plan=world.a.plan.pk,
        theme=world.a.theme.pk,
        reference="1.2",
        title="Audit pathway plans",
        recommendations=[world.a.recommendation.pk],
        due_on="2031-01-31",
    )
    response = admin.post(add, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    added = Action.objects.get(plan=world.a.plan, reference="1.2")
    assert added.position == world.a.action.position + 1
    assert list(added.recommendations.all()) == [world.a.recommendation]
    assert added.original_due_on == datetime.date(2031, 1, 31)
    assert response["Location"] == reverse("admin:improvement_action_changelist")
