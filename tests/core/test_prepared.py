"""A prepared query is compiled once and gives, for any values, the rows Django gives."""

import datetime

import pytest
from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.prepared import keep_related, prepared
from improvement.models import Action, ProgressUpdate, Theme, first_of_each
from tests import factories as f
from tests.access import build_side

pytestmark = pytest.mark.django_db


@pytest.fixture
def sides():
    return build_side("Aldwick", 1), build_side("Brampton", 2)


@prepared
def actions_of(plan_ids):
    return (
        Action.objects.filter(plan_id__in=plan_ids)
        .select_related("plan__authority", "lead_officer")
        .annotate(updates_given=Count("updates"))
        .order_by("plan_id", "pk")
    )


def django_actions(plan_ids):
    return list(actions_of.__wrapped__(plan_ids))


def compiles(monkeypatch):
    calls = []
    real = SQLCompiler.as_sql
    monkeypatch.setattr(
        SQLCompiler, "as_sql", lambda self, *a, **k: calls.append(1) or real(self, *a, **k)
    )
    return calls


def test_rows_relations_and_annotations_are_djangos_for_any_values(sides):
    a, b = sides
    f.ProgressUpdateFactory(action=b.action)
    for plans in ([a.plan.pk], [b.plan.pk], [a.plan.pk, b.plan.pk], [b.plan.pk, a.plan.pk]):
        mine, theirs = actions_of(plans), django_actions(plans)
        assert [(x.pk, x.updates_given) for x in mine] == [(x.pk, x.updates_given) for x in theirs]
        with CaptureQueriesContext(connection) as captured:
            names = [(x.plan.authority.name, x.lead_officer.username) for x in mine]
        assert not captured  # select_related's rows came with the actions
        assert names == [(x.plan.authority.name, x.lead_officer.username) for x in theirs]
    assert [x.updates_given for x in actions_of([b.plan.pk])] == [2]


def test_a_shape_is_compiled_once(sides, monkeypatch):
    a, b = sides
    actions_of([a.plan.pk])  # compiled (perhaps by an earlier test)
    calls = compiles(monkeypatch)
    for plan in (a.plan.pk, b.plan.pk, a.plan.pk):
        assert actions_of([plan])
    assert calls == []
    actions_of([a.plan.pk, b.plan.pk, 999])  # a new length is a new shape, compiled twice
    actions_of([b.plan.pk, a.plan.pk, 998])
    assert len(calls) == 2


def test_values_windows_and_prefetches_are_as_django_makes_them(sides):
    a, b = sides
    f.ActionFactory(plan=a.plan, theme=a.theme, reference="1.2")

    @prepared
    def counts(plan_id):
        return Action.objects.filter(plan_id=plan_id).values("theme_id").annotate(n=Count("pk"))

    @prepared
    def first(plan_id):
        ordered = Action.objects.filter(plan_id=plan_id).prefetch_related("recommendations")
        return first_of_each(ordered, "theme_id", [F("reference").asc()], 1)

    assert list(counts(a.plan.pk)) == [{"theme_id": a.theme.pk, "n": 2}]
    assert list(counts(b.plan.pk)) == [{"theme_id": b.theme.pk, "n": 1}]
    [shown] = first(a.plan.pk)
    assert shown.reference == "1.1"
    with CaptureQueriesContext(connection) as captured:
        assert list(shown.recommendations.all()) == [a.recommendation]
    assert not captured


def test_dates_text_and_times_are_values_too(sides):
    a, _ = sides

    @prepared
    def reported(action_id, since, narrative, before):
        return ProgressUpdate.objects.filter(
            action_id=action_id, reported_on__gte=since, created_at__lt=before
        ).exclude(narrative=narrative)

    update = a.update
    now = timezone.now() + datetime.timedelta(minutes=1)
    assert reported(a.action.pk, update.reported_on, "other", now) == [update]
    assert reported(a.action.pk, update.reported_on, update.narrative, now) == []
    later = update.reported_on + datetime.timedelta(days=1)
    assert reported(a.action.pk, later, "other", now) == []


def test_a_query_that_changes_by_itself_is_compiled_every_time(sides, monkeypatch):
    a, _ = sides

    @prepared
    def recent(action_id):  # wrong: the time is not an argument, so it is not kept
        return ProgressUpdate.objects.filter(action_id=action_id, created_at__lte=timezone.now())

    @prepared
    def next_themes(plan_id, number):  # an argument used in arithmetic is no parameter of its own
        return Theme.objects.filter(plan_id=plan_id, number=number + 1)

    assert recent(a.action.pk) == [a.update]
    assert next_themes(a.plan.pk, 0) == [a.theme]
    calls = compiles(monkeypatch)
    assert recent(a.action.pk) == [a.update]
    assert next_themes(a.plan.pk, 0) == [a.theme]
    assert len(calls) == 2


def test_an_empty_list_and_other_values_are_left_to_django(sides):
    a, _ = sides
    with CaptureQueriesContext(connection) as captured:
        assert actions_of([]) == []
    assert not captured

    @prepared
    def by_reference(plan_id, references):
        return Action.objects.filter(plan_id=plan_id, reference__in=references)

    assert by_reference(a.plan.pk, ("1.1",)) == [a.action]


def test_kept_relations_are_read_as_prefetched_ones(sides):
    a, _ = sides
    action = Action.objects.get(pk=a.action.pk)
    keep_related(action, "updates", [a.update])
    keep_related(action, "recommendations", [a.recommendation])
    with CaptureQueriesContext(connection) as captured:
        assert list(action.updates.all()) == [a.update]
        assert action.updates.all()[0].action is action  # the row knows its action
        assert list(action.recommendations.all()) == [a.recommendation]
    assert not captured
    assert list(action.updates.filter(rag="purple")) == []  # a new question still asks


def test_an_empty_list_that_only_shapes_the_query_is_compiled_once(sides, monkeypatch):
    a, _ = sides

    @prepared
    def led_or_partnered(user_id, organisation_ids):
        mine = Q(lead_officer_id=user_id)
        if organisation_ids:
            mine |= Q(partner_organisations__in=organisation_ids)
        return Action.objects.filter(mine)

    officers = list(led_or_partnered.__wrapped__(a.officer.pk, []).order_by("pk"))
    assert a.action in officers
    assert led_or_partnered(a.officer.pk, []) != []
    calls = compiles(monkeypatch)
    assert sorted(led_or_partnered(a.officer.pk, []), key=lambda x: x.pk) == officers
    assert led_or_partnered(a.manager.pk, []) == []
    assert not calls


def test_a_number_too_large_for_any_column_is_left_to_django(sides, client):
    a, _ = sides  # which leaves it out of the SQL, where SQLite would refuse it
    client.force_login(a.officer)
    assert client.get(f"/plans/{10**30}/").status_code == 404
    assert client.get(f"/actions/{10**30}/").status_code == 404
