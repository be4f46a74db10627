"""Authority admins are staff of their own authorities, never superusers."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from authorities.access import administered_by
from authorities.models import LocalAuthority, Membership
from authorities.staff import AUTHORITY_ADMINS
from indicators.models import Indicator, IndicatorValue
from tests import factories as f
from tests.admin.world import change_form_data
from workspace.demo import create_demo_users

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parent.parent / "data" / "ofsted"
Role = Membership.Role


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_authority_admin_is_staff_in_the_group_and_not_a_superuser(world):
    admin = world.a.admin
    assert admin.is_staff
    assert not admin.is_superuser
    assert list(admin.groups.values_list("name", flat=True)) == [AUTHORITY_ADMINS]
    assert admin.has_perm("improvement.change_action")
    assert not admin.has_perm("authorities.change_region")
    assert list(administered_by(admin)) == [world.a.authority]


def test_staff_follows_the_membership_role(world):
    membership = world.a.admin.memberships.get()
    membership.role = Role.OFFICER
    membership.save()
    user = get_user_model().objects.get(pk=world.a.admin.pk)
    assert not user.is_staff
    assert not user.groups.exists()
    membership.role = Role.ADMIN
    membership.save()
    assert get_user_model().objects.get(pk=user.pk).is_staff
    membership.delete()
    assert not get_user_model().objects.get(pk=user.pk).is_staff


def test_the_demo_admin_is_staff_of_gateshead_only():
    call_command("loaddata", "authorities", verbosity=0)
    create_demo_users()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_staff
    assert not admin.is_superuser
    assert [a.name for a in administered_by(admin)] == ["Gateshead"]
    assert not get_user_model().objects.get(username="manager").is_staff


def test_choices_in_admin_forms_are_the_admins_authority_only(world):
    client = logged_in(world.a.admin)
    form = client.get(reverse("admin:improvement_action_add")).context["adminform"].form
    assert list(form.fields["plan"].queryset) == [world.a.plan]
    assert set(form.fields["lead_officer"].queryset) == {
        getattr(world.a, role) for role in Role.values
    }
    assert world.b.recommendation not in form.fields["recommendations"].queryset
    form = client.get(reverse("admin:authorities_membership_add")).context["adminform"].form
    assert list(form.fields["authority"].queryset) == [world.a.authority]


def test_an_admin_cannot_give_a_role_in_another_authority(world):
    data = {"user": world.a.officer.pk, "authority": world.b.authority.pk, "role": Role.ADMIN}
    response = logged_in(world.a.admin).post(reverse("admin:authorities_membership_add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert not Membership.objects.filter(authority=world.b.authority, user=world.a.officer)


def test_an_authority_admin_cannot_raise_their_own_privileges(world):
    admin = world.a.admin
    client = logged_in(admin)
    address = reverse("admin:auth_user_change", args=[admin.pk])
    data = change_form_data(client.get(address))
    data.update(is_superuser="on", first_name="Renamed")
    assert client.post(address, data).status_code == 302
    admin.refresh_from_db()
    assert admin.first_name == "Renamed"
    assert not admin.is_superuser


def test_the_national_tables_are_for_platform_superusers_only(world):
    address = reverse("admin:inspections_inspection_import_national")
    assert logged_in(world.a.admin).get(address).status_code == 403
    superuser = f.UserFactory(is_staff=True, is_superuser=True)
    assert logged_in(superuser).get(address).status_code == 200


def test_an_authority_admin_adds_a_user_with_a_role_in_their_authority(world):
    client = logged_in(world.a.admin)
    data = {
        "username": "new.officer",
        "password1": "a-long-new-password-9",
        "password2": "a-long-new-password-9",
        "usable_password": "true",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-0-authority": world.a.authority.pk,
        "memberships-0-role": Role.OFFICER,
    }
    response = client.post(reverse("admin:auth_user_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = get_user_model().objects.get(username="new.officer")
    assert list(user.memberships.values_list("authority", "role")) == [
        (world.a.authority.pk, Role.OFFICER)
    ]
    data.update(username="elsewhere", **{"memberships-0-authority": world.b.authority.pk})
    assert client.post(reverse("admin:auth_user_add"), data).status_code == 200
    assert not get_user_model().objects.filter(username="elsewhere").exists()


def test_a_report_read_by_an_authority_admin_can_only_be_saved_for_their_authority(db):
    call_command("loaddata", "authorities", verbosity=0)
    gateshead = LocalAuthority.objects.get(ons_code="E08000037")
    client = logged_in(f.member(gateshead, Role.ADMIN))
    pdf = DATA / "sutton_ilacs_2025-07-29.pdf"
    upload = SimpleUploadedFile(pdf.name, pdf.read_bytes())
    client.post(reverse("admin:inspections_inspection_read_report"), {"report": upload})
    form = client.get(reverse("admin:inspections_inspection_review_report")).context["form"]
    assert list(form.fields["authority"].queryset) == [gateshead]


def test_an_authority_admin_adds_only_local_indicators_and_sees_no_national_one(world):
    national = Indicator.objects.create(
        name="Re-referrals", unit="percent", polarity="lower", source="DfE", frequency="annual"
    )
    client = logged_in(world.a.admin)
    listing = client.get(reverse("admin:indicators_indicator_changelist")).content.decode()
    assert "Re-referrals" not in listing
    address = reverse("admin:indicators_indicator_change", args=[national.pk])
    assert client.get(address, follow=True).redirect_chain  # as if it did not exist
    data = {"name": "Made national", "unit": "percent", "polarity": "higher", "source": "Us"}
    data |= {"frequency": "annual", "breakdown_filters": "{}", "authority": ""}
    data |= {"targets-TOTAL_FORMS": "0", "targets-INITIAL_FORMS": "0"}
    response = client.post(reverse("admin:indicators_indicator_add"), data)
    assert response.status_code == 200
    assert "authority" in response.context["adminform"].form.errors
    assert not Indicator.objects.filter(name="Made national").exists()


def test_a_targets_indicator_is_a_national_one_or_the_admins_own(world):
    national = Indicator.objects.create(
        name="Re-referrals", unit="percent", polarity="lower", source="DfE", frequency="annual"
    )
    client = logged_in(world.a.admin)
    form = client.get(reverse("admin:indicators_target_add")).context["adminform"].form
    assert set(form.fields["indicator"].queryset) == {national, world.a.indicator}
    assert list(form.fields["authority"].queryset) == [world.a.authority]


def test_published_values_are_read_only_even_for_the_data_steward(world):
    national = Indicator.objects.create(
        name="Re-referrals", unit="percent", polarity="lower", source="DfE", frequency="annual"
    )
    value = IndicatorValue.objects.create(
        indicator=national,
        level="national",
        area_code="E92000001",
        area_name="England",
        period="2025",
        period_end="2025-03-31",
        value=Decimal("22.6"),
    )
    client = logged_in(f.UserFactory(is_staff=True, is_superuser=True))
    address = reverse("admin:indicators_indicatorvalue_change", args=[value.pk])
    assert client.get(address).status_code == 200
    client.post(address, {"value": "99.9"})
    value.refresh_from_db()
    assert value.value == Decimal("22.6")
    assert client.get(reverse("admin:indicators_indicatorvalue_add")).status_code == 403


def test_a_local_indicator_is_tied_only_to_its_own_authoritys_themes(world):
    client = logged_in(f.UserFactory(is_staff=True, is_superuser=True))
    address = reverse("admin:indicators_indicator_change", args=[world.a.indicator.pk])
    data = change_form_data(client.get(address))
    data["themes"] = [str(world.b.theme.pk)]
    response = client.post(address, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert "only to its own authority's themes" in " ".join(errors)
    assert not world.a.indicator.themes.exists()
