import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from authorities.models import LocalAuthority, Membership
from reports import clearance
from reports.models import CommitteeReport

GATESHEAD = "E08000037"
HALTON = "E06000006"
GATESHEAD_REPORT = 100
HALTON_REPORT = 110


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Stored report files go to a directory of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def cleared(report, manager):
    """The report submitted and cleared by the manager, ready to be finalised."""
    return clearance.clear(clearance.submit(report, manager), manager)


@pytest.fixture
def reports(seeds):
    """The seed papers' committee reports (fixtures/reports.json), as drafts."""
    call_command("loaddata", "reports", verbosity=0)


@pytest.fixture
def gateshead_report(reports):
    return CommitteeReport.objects.with_context().get(pk=GATESHEAD_REPORT)


def member(username, ons_code, role):
    user = get_user_model().objects.create_user(username, password="x")
    authority = LocalAuthority.objects.get(ons_code=ons_code)
    Membership.objects.create(user=user, authority=authority, role=role)
    return user


@pytest.fixture
def manager(seeds):
    return member("manager", GATESHEAD, Membership.Role.MANAGER)


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
