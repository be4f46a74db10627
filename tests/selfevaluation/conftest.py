import io

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from authorities.models import LocalAuthority, Membership
from selfevaluation.models import SelfEvaluation
from tests.kept import keep
from workspace.audit_demo import demo_recorder, load_gateshead_audits
from workspace.demo import create_demo_users, tie_demo_evidence
from workspace.demo_self_evaluation import (
    GATESHEAD_SELF_EVALUATION,
    load_gateshead_self_evaluation,
)
from workspace.management.commands.load_demo import NEIGHBOUR_MODELS

GATESHEAD = "E08000037"
HALTON = "E06000006"


def demo_data():
    """What the demo drafts Gateshead's self-evaluation from, loaded as load_demo loads it: the
    seed papers (kept_seeds), Ofsted's published inspections, the DfE's neighbour models, the demo
    users, Gateshead's year of audits and its evidence of impact; then the demo's own loader,
    drafting by the demo's manager."""
    call_command("import_national", stdout=io.StringIO())
    for model in NEIGHBOUR_MODELS:
        path = settings.BASE_DIR / "fixtures" / "dfe" / model
        call_command("import_neighbours", path, stdout=io.StringIO())
    create_demo_users()
    load_gateshead_audits(recorded_by=demo_recorder())
    tie_demo_evidence()
    manager = get_user_model().objects.get(username="manager")
    return load_gateshead_self_evaluation(by=manager).pk


@pytest.fixture(scope="module")
def kept_gateshead(kept_seeds, django_db_blocker):
    yield from keep(django_db_blocker, demo_data)


@pytest.fixture
def gateshead_evaluation(kept_gateshead, seeds):
    """Gateshead's self-evaluation as the demo drafts it: as at 28 November 2025, of its
    Looked After Children Improvement Plan (fixtures/gateshead_self_evaluation.json)."""
    return SelfEvaluation.objects.with_context().get(pk=GATESHEAD_SELF_EVALUATION)


def member(username, ons_code, role):
    """The user of that role (the demo's own, where the demo has one of that name)."""
    user, _ = get_user_model().objects.get_or_create(username=username)
    authority = LocalAuthority.objects.get(ons_code=ons_code)
    Membership.objects.update_or_create(user=user, authority=authority, defaults={"role": role})
    return user


@pytest.fixture
def manager(seeds):
    return member("manager", GATESHEAD, Membership.Role.MANAGER)


@pytest.fixture
def second_manager(seeds):
    return member("second-manager", GATESHEAD, Membership.Role.MANAGER)


@pytest.fixture
def officer(seeds):
    return member("officer", GATESHEAD, Membership.Role.OFFICER)


@pytest.fixture
def councillor(seeds):
    return member("councillor", GATESHEAD, Membership.Role.COMMITTEE_MEMBER)


@pytest.fixture
def outsider(seeds):
    """A manager of another authority (Halton)."""
    return member("outsider", HALTON, Membership.Role.MANAGER)
