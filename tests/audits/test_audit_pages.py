"""The audit pages: recording and correcting a result (with the warning of names and
identifiers), its page, the filtered list and its downloads, the summaries and the programme."""

import csv
import datetime
import io

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from audits.models import AuditProgramme, AuditResult
from authorities.models import Membership
from tests import factories as f
from tests.access import date_data

D = datetime.date


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def form_data(w, **changes):
    data = {
        **date_data("audited_on", D(2016, 5, 10)),
        "team": "Assessment Team 1",
        "theme": "assessment",
        "theme_name": "",
        "grade": "good",
        "case_reference": "G-1605-03",
        "strengths": "Child B's assessment is analytical and up to date.",
        "learning": "",
        **date_data("re_audit_due", None),
    }
    return {**data, **changes}


def test_an_officer_records_a_result_tied_to_the_councils_plan(world):
    programme = f.AuditProgrammeFactory(authority=world.a.authority, month=D(2016, 5, 1))
    data = form_data(
        world, actions=[world.a.action.pk], recommendations=[world.a.recommendation.pk]
    )
    response = signed_in(world.a.officer).post(
        reverse("audits:result-add", args=[world.a.authority.pk]), data
    )
    result = AuditResult.objects.get(authority=world.a.authority)
    assert response["Location"] == reverse("audits:result-detail", args=[result.pk])
    assert (result.recorded_by, result.programme, result.privacy_confirmed) == (
        world.a.officer,
        programme,
        False,
    )
    assert list(result.actions.all()) == [world.a.action]
    page = signed_in(world.a.committee_member).get(response["Location"]).content.decode()
    assert "Assessment, Assessment Team 1, 10 May 2016" in page
    assert world.a.action.title in page
    assert world.a.recommendation.text[:40] in page
    assert "Correct this result" not in page  # a committee member reads only


def test_text_like_a_childs_name_is_refused_until_confirmed(world):
    url = reverse("audits:result-add", args=[world.a.authority.pk])
    client = signed_in(world.a.officer)
    data = form_data(
        world, learning="John Smith aged 7 was not seen alone.", case_reference="1234567"
    )
    page = client.post(url, data)
    assert page.status_code == 200
    text = page.content.decode()
    assert "“John Smith” looks like a person&#x27;s name" in text
    assert "“1234567” looks like a case number" in text
    assert "I confirm this contains no child&#x27;s name or identifier" in text
    assert not AuditResult.objects.exists()
    response = client.post(url, {**data, "confirm_no_identifiers": "on"})
    assert response.status_code == 302
    assert AuditResult.objects.get().privacy_confirmed is True


def test_a_correction_that_leaves_confirmed_words_alone_is_not_asked_again(world):
    result = f.AuditResultFactory(
        authority=world.a.authority,
        recorded_by=world.a.officer,
        audited_on=D(2016, 5, 10),
        learning="Seen with Mrs Jones.",
        privacy_confirmed=True,
    )
    url = reverse("audits:result-edit", args=[result.pk])
    client = signed_in(world.a.manager)
    data = form_data(world, learning="Seen with Mrs Jones.", case_reference=result.case_reference)
    response = client.post(url, {**data, "grade": "outstanding", "version": "1"})
    assert response.status_code == 302
    result.refresh_from_db()
    assert (result.grade, result.version, result.privacy_confirmed) == ("outstanding", 2, True)
    new_words = {**data, "learning": "Seen with Mrs Jones and Jack.", "version": "2"}
    assert client.post(url, new_words).status_code == 200  # "Jack" is new: asked again


def test_a_correction_from_a_form_shown_before_anothers_save_is_refused(world):
    result = f.AuditResultFactory(authority=world.a.authority, audited_on=D(2016, 5, 10))
    AuditResult.objects.filter(pk=result.pk).update(version=2)
    url = reverse("audits:result-edit", args=[result.pk])
    data = form_data(world, case_reference=result.case_reference, grade="inadequate", version="1")
    response = signed_in(world.a.manager).post(url, data, follow=True)
    assert "Someone else saved this audit result" in response.content.decode()
    result.refresh_from_db()
    assert result.grade == "good"


def test_only_the_councils_own_actions_can_be_tied(world):
    url = reverse("audits:result-add", args=[world.a.authority.pk])
    page = signed_in(world.a.officer).post(url, form_data(world, actions=[world.b.action.pk]))
    assert page.status_code == 200
    assert "Select a valid choice" in page.content.decode()
    assert not AuditResult.objects.exists()


def test_an_officer_corrects_only_the_results_they_recorded(world):
    other = f.member(world.a.authority, Membership.Role.OFFICER, username="another-officer")
    result = f.AuditResultFactory(authority=world.a.authority, recorded_by=world.a.officer)
    url = reverse("audits:result-edit", args=[result.pk])
    assert signed_in(other).get(url).status_code == 403
    assert signed_in(world.a.officer).get(url).status_code == 200


def test_the_list_filters_by_month_theme_grade_and_team(world):
    a = world.a.authority
    f.AuditResultFactory(authority=a, audited_on=D(2016, 4, 5), team="LAC Team", grade="good")
    f.AuditResultFactory(authority=a, audited_on=D(2016, 4, 6), theme="planning", grade="good")
    f.AuditResultFactory(authority=a, audited_on=D(2016, 5, 6), grade="inadequate")
    f.AuditResultFactory(authority=world.b.authority, audited_on=D(2016, 4, 5))
    client, url = signed_in(world.a.committee_member), reverse("audits:results", args=[a.pk])
    counts = {
        query: client.get(url, query).context["page"].paginator.count
        for query in (
            (),
            (("month", "2016-04"),),
            (("month", "2016-04"), ("theme", "assessment")),
            (("grade", "inadequate"),),
            (("team", "LAC Team"),),
        )
    }
    assert list(counts.values()) == [3, 2, 1, 1, 1]
    labels = [field.label for field in client.get(url).context["filter"].form]
    assert labels == ["Month", "Theme", "Grade", "Team"]
    refused = client.get(url, {"month": "2016-13"})
    assert refused.status_code == 200
    assert refused.context["page"].paginator.count == 0


def test_the_downloads_carry_the_filtered_results_as_the_import_reads_them(world):
    a = world.a.authority
    f.AuditResultFactory(
        authority=a,
        audited_on=D(2016, 4, 5),
        learning="=HYPERLINK(“x”)",
        recorded_by=world.a.officer,
        actions=[world.a.action],
    )
    f.AuditResultFactory(authority=a, audited_on=D(2016, 5, 5), grade="inadequate")
    client = signed_in(world.a.committee_member)
    query = {"month": "2016-04"}
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("audits:results-csv", args=[a.pk]), query).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[0][:4] == ["Date audited", "Team", "Theme", "Grade"]
    assert len(rows) == 2
    assert rows[1][:4] == ["2016-04-05", "Assessment team 1", "Assessment", "Good"]
    assert rows[1][6] == "'=HYPERLINK(“x”)"  # inert in a spreadsheet
    assert rows[1][9].startswith("1.1 ")
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("audits:results-xlsx", args=[a.pk]), query).content)
    )
    sheet = workbook["Audits"]
    assert sheet["A2"].value == datetime.datetime(2016, 4, 5)
    assert sheet["G2"].value == "=HYPERLINK(“x”)"
    assert sheet["G2"].data_type == "s"


def test_the_summary_page_shows_the_months_themes_and_trend(world):
    a = world.a.authority
    for day, grade in [(D(2016, 1, 5), "inadequate")] * 3 + [(D(2016, 9, 5), "good")] * 3:
        f.AuditResultFactory(authority=a, audited_on=day, grade=grade)
    page = signed_in(world.a.committee_member).get(reverse("audits:summary", args=[a.pk]))
    text = page.content.decode()
    assert "The twelve months from October 2015 to September 2016: 6 cases audited" in text
    assert "Improving: 0% to 100% good or better" in text
    asked = signed_in(world.a.committee_member).get(
        reverse("audits:summary", args=[a.pk]), {"to_month": "6", "to_year": "2016"}
    )
    assert asked.context["summary"].total.audited == 3
    bad = signed_in(world.a.committee_member).get(
        reverse("audits:summary", args=[a.pk]), {"to_month": "13", "to_year": "2016"}
    )
    assert "must be a real month (13/2016 is not)" in bad.content.decode()


def test_a_manager_plans_audits_once_a_month_a_theme(world):
    a = world.a.authority
    url = reverse("audits:programme-add", args=[a.pk])
    data = {
        "month_month": "6",
        "month_year": "2016",
        "theme": "planning",
        "theme_name": "",
        "cases_planned": "8",
        "plan": world.a.plan.pk,
    }
    client = signed_in(world.a.manager)
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert "already plans “Planning” audits in June 2016" in again.content.decode()
    assert AuditProgramme.objects.filter(authority=a).count() == 1
    page = signed_in(world.a.committee_member).get(
        reverse("audits:programme", args=[a.pk]), {"to_month": "12", "to_year": "2016"}
    )
    assert "0 of 8" in page.content.decode()
    assert "Plan audits" not in page.content.decode()


def test_the_audits_link_leads_to_the_users_council_or_a_choice(world):
    response = signed_in(world.a.officer).get(reverse("audits:home"))
    assert response["Location"] == reverse("audits:results", args=[world.a.authority.pk])
    f.MembershipFactory(user=world.a.officer, authority=world.b.authority)
    page = signed_in(world.a.officer).get(reverse("audits:home")).content.decode()
    assert world.a.authority.name in page
    assert world.b.authority.name in page


def test_a_correction_saved_unchanged_writes_nothing(world):
    result = f.AuditResultFactory(authority=world.a.authority, audited_on=D(2016, 5, 10))
    url = reverse("audits:result-edit", args=[result.pk])
    data = form_data(world, case_reference=result.case_reference, strengths=result.strengths)
    data.update(learning=result.learning, team=result.team)
    response = signed_in(world.a.manager).post(url, {**data, "version": "1"}, follow=True)
    assert "Nothing was changed, so nothing was saved." in response.content.decode()
    assert result.history.count() == 1
    result.refresh_from_db()
    assert result.version == 1
