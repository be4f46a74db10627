"""A lead is one of the council's officers or managers: committee members and admins are never
offered, and a change that names one is refused."""

import pytest
from django.core.exceptions import ValidationError

from improvement import bulk
from improvement.building_forms import BulkUpdateForm, NewActionForm
from improvement.forms import ActionForm
from tests.access import build_side

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


def offered(form):
    return set(form.fields["lead_officer"].queryset)


def test_every_lead_picker_offers_officers_and_managers_only(side):
    forms = [
        ActionForm(instance=side.action),
        NewActionForm(plan=side.plan),
        BulkUpdateForm(authority_ids=[side.authority.pk]),
    ]
    for form in forms:
        assert offered(form) == {side.officer, side.manager}, type(form).__name__


@pytest.mark.parametrize("role", ["committee_member", "admin"])
def test_a_bulk_change_naming_a_councillor_or_an_admin_as_lead_is_refused(side, role):
    with pytest.raises(ValidationError, match="must be an officer or manager of Aldwick"):
        bulk.bulk_update(
            {side.action.pk: side.action.version}, side.manager, lead_officer=getattr(side, role)
        )
    side.action.refresh_from_db()
    assert side.action.lead_officer == side.officer
