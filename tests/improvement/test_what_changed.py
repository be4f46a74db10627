"""The action page's "What changed": every edit, from the app or the admin, with who and when."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from improvement import services
from improvement.history import action_changes
from tests import factories as f
from tests.access import build_side, date_data
from tests.admin.world import change_form_data

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def shown(moment):
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def test_an_app_edit_and_a_later_admin_edit_show_with_names_times_and_values():
    side = build_side("Gateshead", 1)
    side.manager.first_name, side.manager.last_name = "Ann", "Manager"
    side.manager.save()
    side.admin.first_name, side.admin.last_name = "Sam", "Admin"
    side.admin.save()
    action = side.action
    manager = logged_in(side.manager)
    edit = reverse("improvement:edit_action", args=[action.pk])
    form = manager.get(edit).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    # The start date as a browser posts it: day, month and year boxes.
    data.update(date_data("starts_on", data.pop("starts_on") or None))
    data["partners"] = "Health visiting"
    assert manager.post(edit, data).status_code == 302

    admin = logged_in(side.admin)
    change = reverse("admin:improvement_action_change", args=[action.pk])
    data = change_form_data(admin.get(change))
    data["title"] = "Audit every care plan each quarter"
    assert admin.post(change, data).status_code == 302

    page = logged_in(side.officer).get(reverse("improvement:action", args=[action.pk]))
    text = page.content.decode()
    app_edit, admin_edit = action.history.order_by("history_date")[1:3]
    assert [c.who for c in page.context["changes"]] == ["Sam Admin", "Ann Manager"]
    for expected in (
        "Ann Manager",
        shown(app_edit.history_date),
        "Health visiting",
        "Sam Admin",
        shown(admin_edit.history_date),
        action.title,
        "Audit every care plan each quarter",
    ):
        assert expected in text, text[text.find("what-changed") :][:1500]


def test_related_rows_and_choices_show_by_name():
    side = build_side("Gateshead", 1)
    action = side.action
    other = f.ThemeFactory(plan=side.plan, number=2, title="Leadership")
    services.edit_action(action.pk, action.version, {"theme": other, "status": "complete"})
    changes = {c.field: (c.old, c.new) for c in action_changes(action)}
    assert changes["Theme"] == (str(side.theme), "2. Leadership")
    assert changes["Status"] == ("In progress", "Complete")


def test_the_history_costs_the_same_queries_however_long_it_is():
    side = build_side("Gateshead", 1)
    action = side.action

    def queries():
        with CaptureQueriesContext(connection) as captured:
            action_changes(action)
        return len(captured)

    services.edit_action(action.pk, action.version, {"partners": "Police"})
    few = queries()
    for n in range(10):
        action.refresh_from_db()
        services.edit_action(action.pk, action.version, {"partners": f"Police {n}"})
    assert len(action_changes(action)) == 11
    assert queries() == few
