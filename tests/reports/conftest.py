import datetime
import io

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from authorities.models import LocalAuthority, Membership
from improvement.models import DueDateChange
from reports import clearance
from reports.models import CommitteeReport, PaperTemplate
from tests.kept import keep

GATESHEAD = "E08000037"
HALTON = "E06000006"
GATESHEAD_REPORT = 100
HALTON_REPORT = 110


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Stored report files go to a directory of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def due_date_changed(action, old, new, reason, on):
    """A due-date change made on the day `on` (its changed_at is otherwise now): a report as at
    a date counts only the changes made by then."""
    change = DueDateChange.objects.create(
        action=action, old_due_on=old, new_due_on=new, reason=reason
    )
    made = datetime.datetime.combine(on, datetime.time(12), tzinfo=datetime.UTC)
    DueDateChange.objects.filter(pk=change.pk).update(changed_at=made)
    return change


def cleared(report, manager):
    """The report submitted by the manager and cleared by a second manager of the authority (a
    clearer must not be the one who submitted it), ready to be finalised."""
    return clearance.clear(clearance.submit(report, manager), second_manager(report))


def second_manager(report):
    """Another manager of the report's authority, made once."""
    user, made = get_user_model().objects.get_or_create(
        username=f"second-manager-{report.plan.authority_id}"
    )
    if made:
        Membership.objects.create(
            user=user, authority=report.plan.authority, role=Membership.Role.MANAGER
        )
    return user


@pytest.fixture(scope="module")
def kept_reports(kept_seeds, django_db_blocker):
    yield from keep(django_db_blocker, lambda: call_command("loaddata", "reports", verbosity=0))


@pytest.fixture
def reports(kept_reports, seeds):
    """The seed papers' committee reports (fixtures/reports.json), as drafts, kept for the module."""


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


FOOTER = "Gateshead Council, Civic Centre, Regent Street, Gateshead NE8 1HH"


def png(colour="navy"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def paper(seeds, tmp_path, settings):
    """Gateshead's paper template, with a logo, header rows and a footer."""
    settings.MEDIA_ROOT = tmp_path
    return PaperTemplate.objects.create(
        authority=LocalAuthority.objects.get(ons_code=GATESHEAD),
        council_name="Gateshead Council",
        logo=SimpleUploadedFile("gateshead.png", png()),
        logo_alt_text="Gateshead Council",
        default_wards="All wards",
        header_lines="Classification: Public",
        footer_text=FOOTER,
    )


SECTIONS = {
    "summary": "This report updates the committee on the plan.",
    "financial_implications": "There are no financial implications.",
    "legal_implications": "The council meets its duties under the Children Act 1989.",
    "risk_implications": "Delay would put the next inspection's grade at risk.",
    "equality_implications": "None arising from this report.",
    "safeguarding_implications": "The plan strengthens how children are kept safe.",
    "service_user_implications": "Care leavers receive their health histories.",
    "contact_officer": "Jane Smith, Service Manager, 0191 433 0000",
    "background_papers": "Ofsted report of 11 March 2016",
}


@pytest.fixture
def full_paper(gateshead_report):
    CommitteeReport.objects.filter(pk=gateshead_report.pk).update(**SECTIONS)
    return CommitteeReport.objects.with_context().get(pk=gateshead_report.pk)


@pytest.fixture
def neighbours(seeds):
    for model in ("New_Statistical_Neighbour_Groupings_April_2021.csv", "sn_model_2025_wide.csv"):
        call_command(
            "import_neighbours",
            settings.BASE_DIR / "fixtures" / "dfe" / model,
            stdout=io.StringIO(),
        )
