"""The volume generator: ten people, a plan in range, an update every four weeks, reproducible."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from authorities.models import LocalAuthority, Membership
from improvement.models import Action

pytestmark = pytest.mark.django_db
START = "2023-01-02"


def generate(seed, authorities=2):
    call_command(
        "generate_volume",
        seed=seed,
        authorities=authorities,
        actions="10-14",
        start=datetime.date.fromisoformat(START),
        stdout=io.StringIO(),
    )
    return [
        (a.plan.authority.dfe_code, a.reference, a.title, a.due_on, a.rag, a.lead_officer.username)
        for a in Action.objects.select_related("plan__authority", "lead_officer").order_by("pk")
    ]


def test_each_authority_gets_ten_people_a_plan_in_range_and_two_years_of_updates():
    call_command("loaddata", "authorities", verbosity=0)
    generate(seed=7)
    first = LocalAuthority.objects.filter(is_current=True).order_by("name").first()
    assert Membership.objects.filter(authority=first).count() == 10
    assert Membership.objects.filter(authority=first, role="officer").count() == 5
    plan = first.plans.get()
    assert 10 <= plan.actions.count() <= 14
    action = plan.actions.order_by("pk").first()
    dates = list(action.updates.order_by("reported_on").values_list("reported_on", flat=True))
    assert len(dates) == 26  # every four weeks for two years
    assert {b - a for a, b in zip(dates, dates[1:], strict=False)} == {datetime.timedelta(weeks=4)}
    assert action.rag == action.updates.latest().rag
    assert not Action.objects.filter(rag="blue").exclude(status="complete").exists()


def generated_then_undone(seed):
    with transaction.atomic():
        rows = generate(seed)
        transaction.set_rollback(True)
    return rows


def test_the_same_seed_gives_the_same_rows_and_another_seed_others():
    call_command("loaddata", "authorities", verbosity=0)
    first = generated_then_undone(seed=3)
    assert first
    assert generated_then_undone(seed=3) == first
    assert generated_then_undone(seed=4) != first


def test_a_bad_range_is_refused_naming_it():
    call_command("loaddata", "authorities", verbosity=0)
    with pytest.raises(CommandError, match="300-100"):
        call_command("generate_volume", actions="300-100")
