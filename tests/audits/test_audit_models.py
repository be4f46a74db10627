"""The rules of an audit programme row and an audit result, in the model and the database."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from audits.models import AuditProgramme, AuditResult, Grade, Theme
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_grades_are_ordered_by_score_for_trends():
    scores = [Grade(value).score for value in Grade.values]
    assert scores == [4, 3, 2, 1]  # outstanding, good, requires improvement, inadequate
    assert sorted(Grade.values, key=lambda g: -Grade(g).score)[0] == "outstanding"
    assert [Grade(v).good_or_better for v in Grade.values] == [True, True, False, False]


def test_a_result_knows_its_score_and_whether_it_is_good_or_better():
    result = f.AuditResultFactory(grade=Grade.REQUIRES_IMPROVEMENT)
    assert (result.score, result.good_or_better) == (2, False)
    assert AuditResult.objects.good_or_better().count() == 0


def test_another_theme_needs_its_name_and_a_named_theme_has_none():
    result = f.AuditResultFactory.build(theme=Theme.OTHER, theme_name="")
    with pytest.raises(ValidationError) as refused:
        result.full_clean()
    assert "Name the theme" in str(refused.value.message_dict["theme_name"])
    result = f.AuditResultFactory.build(theme=Theme.PLANNING, theme_name="Pathway plans")
    with pytest.raises(ValidationError):
        result.full_clean()
    other = f.AuditResultFactory(theme=Theme.OTHER, theme_name="Pathway plans")
    assert other.theme_words == "Pathway plans"
    assert f.AuditResultFactory(theme=Theme.VOICE_OF_THE_CHILD).theme_words == "Voice of the child"


def test_the_database_holds_the_theme_rule_too():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.AuditResultFactory(theme=Theme.OTHER, theme_name="")


def test_a_re_audit_is_not_due_before_the_audit():
    result = f.AuditResultFactory.build(
        authority=f.LocalAuthorityFactory(),
        audited_on=datetime.date(2016, 4, 12),
        re_audit_due=datetime.date(2016, 4, 11),
    )
    with pytest.raises(ValidationError) as refused:
        result.full_clean()
    assert "re_audit_due" in refused.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        result.save()


def test_a_case_reference_is_short_and_of_plain_characters():
    for bad in ("A" * 21, "<script>", "A;DROP", "Ref: 1"):
        result = f.AuditResultFactory.build(case_reference=bad)
        with pytest.raises(ValidationError) as refused:
            result.full_clean(exclude=["authority"])
        assert "case_reference" in refused.value.message_dict, bad
    f.AuditResultFactory.build(case_reference="G-1604/01.2").full_clean(exclude=["authority"])


def test_a_programme_month_is_its_first_day():
    row = f.AuditProgrammeFactory.build(month=datetime.date(2016, 4, 17))
    row.full_clean(exclude=["authority"])
    assert row.month == datetime.date(2016, 4, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditProgramme.objects.create(
            authority=f.LocalAuthorityFactory(),
            theme=Theme.PLANNING,
            month=datetime.date(2016, 4, 17),
            cases_planned=4,
        )


def test_a_month_plans_a_theme_once_and_at_least_one_case():
    row = f.AuditProgrammeFactory()
    twin = f.AuditProgrammeFactory.build(authority=row.authority, month=row.month)
    with pytest.raises(ValidationError) as refused:
        twin.full_clean()
    assert "already plans “Assessment” audits in April 2025" in str(refused.value)
    zero = f.AuditProgrammeFactory.build(authority=row.authority, cases_planned=0)
    with pytest.raises(ValidationError):
        zero.full_clean()


def test_a_programme_names_only_its_own_authoritys_plan():
    plan = f.ImprovementPlanFactory()
    row = f.AuditProgrammeFactory.build(authority=f.LocalAuthorityFactory(), plan=plan)
    with pytest.raises(ValidationError) as refused:
        row.full_clean()
    assert "another authority" in str(refused.value.message_dict["plan"])


def test_the_history_keeps_no_free_text():
    result = f.AuditResultFactory(learning="First words.")
    fields = {field.name for field in result.history.model._meta.fields}
    assert {"grade", "team"} <= fields
    assert not {"strengths", "learning", "case_reference"} & fields
