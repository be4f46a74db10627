"""Workflows and pages of the workspace: updates, due dates, version-checked edits, exports, evidence."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from improvement import services
from improvement.forms import MAX_EVIDENCE_BYTES
from improvement.models import Action, DueDateChange, ProgressUpdate
from tests import factories as f
from tests.access import build_side, date_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


def test_an_update_becomes_the_actions_current_rag(side):
    services.add_progress_update(
        side.action, side.officer, "amber", "Two posts vacant; agency cover."
    )
    side.action.refresh_from_db()
    assert side.action.rag == "amber"
    assert side.action.status == Action.Status.IN_PROGRESS


def test_a_blue_update_completes_the_action(side):
    services.add_progress_update(
        side.action, side.officer, "blue", "Audit shows the change has held."
    )
    side.action.refresh_from_db()
    assert (side.action.rag, side.action.status) == ("blue", Action.Status.COMPLETE)


def test_red_needs_a_narrative_and_nothing_is_saved_without_one(side):
    before = ProgressUpdate.objects.count()
    with pytest.raises(ValidationError, match="what is being done"):
        services.add_progress_update(side.action, side.officer, "red", "  ")
    assert ProgressUpdate.objects.count() == before


def test_due_date_change_keeps_original_and_records_reason(side):
    original = side.action.due_on
    services.change_due_date(
        side.action, datetime.date(2030, 1, 31), "Recruitment delayed.", side.manager, original
    )
    side.action.refresh_from_db()
    assert side.action.original_due_on == original
    assert side.action.due_on == datetime.date(2030, 1, 31)
    change = DueDateChange.objects.filter(action=side.action).latest("pk")
    assert (change.old_due_on, change.reason) == (original, "Recruitment delayed.")


def test_due_date_change_without_reason_is_refused(side):
    with pytest.raises(ValidationError):
        services.change_due_date(side.action, datetime.date(2030, 1, 31), "", side.manager)


def test_second_of_two_due_date_changes_from_the_same_page_is_refused(side):
    seen = side.action.due_on
    first = DueDateChange.objects.count()
    services.change_due_date(
        side.action, datetime.date(2030, 1, 31), "Agency delay.", side.manager, seen
    )
    with pytest.raises(ValidationError, match="now 31 January 2030") as refused:
        services.change_due_date(
            side.action, datetime.date(2031, 6, 30), "Budget.", side.manager, seen
        )
    assert "giving the reason “Agency delay.”" in str(refused.value)
    side.action.refresh_from_db()
    assert side.action.due_on == datetime.date(2030, 1, 31)
    assert DueDateChange.objects.count() == first + 1


def test_due_date_page_refuses_a_stale_date_and_shows_the_current_one(client, side):
    seen = side.action.due_on
    services.change_due_date(
        side.action, datetime.date(2030, 1, 31), "Agency delay.", side.manager, seen
    )
    client.force_login(side.manager)
    url = reverse("improvement:change_due_date", args=[side.action.pk])
    data = {
        **date_data("new_due_on", datetime.date(2031, 6, 30)),
        "reason": "Budget.",
        "seen_due_on": seen.isoformat(),
    }
    page = client.post(url, data)
    assert page.status_code == 200
    assert "Nothing was saved" in page.content.decode()
    assert 'name="seen_due_on" value="2030-01-31"' in page.content.decode()
    again = client.post(url, {**data, "seen_due_on": "2030-01-31"})
    assert again.status_code == 302
    side.action.refresh_from_db()
    assert side.action.due_on == datetime.date(2031, 6, 30)


def test_second_of_two_concurrent_edits_is_refused_and_shows_what_changed(side):
    opened_version = side.action.version
    services.edit_action(side.action.pk, opened_version, {"partners": "Police"})
    with pytest.raises(services.EditConflict) as conflict:
        services.edit_action(side.action.pk, opened_version, {"partners": "Health"})
    assert ("partners", "Police") in [
        (str(label), value) for label, value in conflict.value.changed
    ]
    side.action.refresh_from_db()
    assert side.action.partners == "Police"


def test_edit_page_refuses_a_stale_version_and_overwrites_nothing(client, side):
    client.force_login(side.manager)
    url = reverse("improvement:edit_action", args=[side.action.pk])
    data = {
        "version": side.action.version,
        "reference": "1.1",
        "title": "Changed by the second person",
        "status": "in_progress",
    }
    services.edit_action(side.action.pk, side.action.version, {"title": "Changed by the first"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Someone else changed this action" in response.content.decode()
    side.action.refresh_from_db()
    assert side.action.title == "Changed by the first"


def test_officer_may_not_update_an_action_they_do_not_lead(client, side):
    other = f.ActionFactory(plan=side.plan, theme=side.theme, lead_officer=side.manager)
    client.force_login(side.officer)
    response = client.post(
        reverse("improvement:add_update", args=[other.pk]), {"rag": "green", "narrative": "x"}
    )
    assert response.status_code == 403


def test_update_form_posts_an_update_with_evidence_file(client, side, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(side.officer)
    upload = SimpleUploadedFile("audit.csv", b"case,score\n1,good\n", content_type="text/csv")
    response = client.post(
        reverse("improvement:add_update", args=[side.action.pk]),
        {
            "rag": "green",
            "narrative": "Audit done.",
            "evidence_description": "Audit",
            "evidence_file": upload,
        },
    )
    assert response.status_code == 302
    update = side.action.updates.latest()
    evidence = update.evidence.get()
    served = client.get(reverse("improvement:evidence", args=[evidence.pk]))
    assert b"".join(served.streaming_content) == b"case,score\n1,good\n"


@pytest.mark.parametrize(
    ("name", "size", "message"),
    [("tool.exe", 10, "not a file type"), ("big.pdf", MAX_EVIDENCE_BYTES + 1, "larger than 10 MB")],
)
def test_evidence_of_wrong_type_or_size_is_refused(client, side, name, size, message):
    client.force_login(side.officer)
    upload = SimpleUploadedFile(name, b"x" * size)
    response = client.post(
        reverse("improvement:add_update", args=[side.action.pk]),
        {
            "rag": "green",
            "narrative": "Done.",
            "evidence_description": "It",
            "evidence_file": upload,
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert side.action.updates.count() == 1


def test_exports_hold_only_the_filtered_actions(client, side):
    f.ActionFactory(
        plan=side.plan, theme=side.theme, reference="9.9", title="Something else", rag="red"
    )
    client.force_login(side.manager)
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("improvement:actions_csv") + "?rag=red").content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[0][0] == "Reference"
    assert [r[0] for r in rows[1:]] == ["9.9"]
    book = load_workbook(
        io.BytesIO(client.get(reverse("improvement:actions_xlsx") + "?rag=red").content)
    )
    assert [row[0] for row in book.active.iter_rows(min_row=2, values_only=True)] == ["9.9"]


def test_exports_never_include_another_authoritys_actions(client, side):
    other = build_side("Brampton", 2)
    client.force_login(side.manager)
    content = client.get(reverse("improvement:actions_csv")).content.decode("utf-8-sig")
    assert side.action.title in content
    assert other.action.title not in content


def test_action_page_shows_newest_update_first(client, side):
    services.add_progress_update(side.action, side.officer, "amber", "The newest narrative.")
    client.force_login(side.committee_member)
    page = client.get(reverse("improvement:action", args=[side.action.pk])).content.decode()
    assert page.index("The newest narrative.") < page.index(side.update.narrative)


def test_filtering_again_keeps_the_chosen_sort(client, side):
    client.force_login(side.officer)
    page = client.get(reverse("improvement:actions") + "?rag=green&sort=-due_on").content.decode()
    assert '<input type="hidden" name="sort" value="-due_on">' in page


def test_the_bulk_change_is_offered_only_over_actions_to_tick(client, side):
    client.force_login(side.manager)
    url = reverse("improvement:actions")
    assert "Change the ticked actions" in client.get(url).content.decode()
    assert (
        "Change the ticked actions" not in client.get(url + "?q=nothing-matches").content.decode()
    )
