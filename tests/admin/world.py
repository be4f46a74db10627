"""The access world (tests/access.py) with what the admin adds: a committee and a report per side,
and a way to post an admin change form back unchanged."""

import datetime
from decimal import Decimal

from django.apps import apps
from django.contrib.sessions.models import Session
from django.forms import MultiValueField

from authorities.models import GroupRoleMapping, Membership
from indicators.models import Indicator, LocalFigure, Target
from reports.models import CommitteeReport, PaperTemplate
from tests import factories as f
from tests.access import build_world


def admin_world():
    world = build_world()
    for side in (world.a, world.b):
        side.committee = f.CommitteeFactory(authority=side.authority)
        side.report = report(side, status=CommitteeReport.Status.DRAFT)
        side.paper = PaperTemplate.objects.create(
            authority=side.authority, council_name=f"{side.authority.name} Council"
        )
        local_indicator(side)
        side.group_role = GroupRoleMapping.objects.create(
            authority=side.authority,
            group=f"{side.authority.name.lower()}-managers",
            name=f"{side.authority.name} children's services managers",
            role=Membership.Role.MANAGER,
        )
        side.audit_programme = f.AuditProgrammeFactory(authority=side.authority, plan=side.plan)
        side.audit_result = f.AuditResultFactory(
            authority=side.authority, programme=side.audit_programme, actions=[side.action]
        )
    return world


def local_indicator(side):
    """The side's own local indicator, with a target and one of its own figures."""
    side.indicator = Indicator.objects.create(
        name=f"{side.authority.name} audits good or better",
        unit="percent",
        polarity="higher",
        source="Audit",
        frequency="annual",
        authority=side.authority,
    )
    side.target = Target.objects.create(
        indicator=side.indicator, authority=side.authority, target=Decimal(80), tolerance=Decimal(5)
    )
    side.local_figure = LocalFigure.objects.create(
        indicator=side.indicator,
        authority=side.authority,
        period="2025",
        period_end=datetime.date(2025, 3, 31),
        value=Decimal(70),
    )


PASSWORD = "the shared person's own passphrase"


def shared_person(world):
    """A person shared between the authorities: an officer of A and an admin of B."""
    person = f.member(
        world.a.authority,
        Membership.Role.OFFICER,
        username="sam.shared",
        first_name="Sam",
        last_name="Shared",
        email="sam@aldwick.example",
    )
    f.MembershipFactory(user=person, authority=world.b.authority, role=Membership.Role.ADMIN)
    person.set_password(PASSWORD)
    person.save()
    return person


def snapshot(*models):
    """Every row of the models' tables (of every table but sessions, which a request may touch),
    to show that a series of requests wrote nothing."""
    models = models or [model for model in apps.get_models() if model is not Session]
    return {
        model._meta.label: sorted(map(repr, model._default_manager.values_list()))
        for model in models
    }


def report(side, status, meeting_on=datetime.date(2025, 3, 12)):
    return CommitteeReport.objects.create(
        plan=side.plan,
        committee=side.committee,
        meeting_on=meeting_on,
        title="Improvement plan: progress",
        report_of="Strategic Director, Children's Services",
        purpose="To report progress.",
        recommendations="Note the progress.",
        status=status,
        snapshot={} if status == CommitteeReport.Status.FINAL else None,
    )


def change_form_data(response):
    """What an admin change page posts when saved unchanged: its form and every inline form."""
    data = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        _add_form(data, formset.management_form)
        # The blank extra forms too, as a browser posts them (a box ticked by default stays ticked).
        for form in formset.forms:
            _add_form(data, form)
    return data


def _add_form(data, form):
    for name, field in form.fields.items():
        value = form[name].value()
        key = form.add_prefix(name)
        if isinstance(field, MultiValueField):
            parts = field.widget.decompress(value)
            for suffix, part in zip(field.widget.widgets_names, parts, strict=True):
                data[f"{key}{suffix}"] = "" if part is None else str(part)
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        elif isinstance(value, (list, tuple)):
            data[key] = [str(item) for item in value]
        elif value is not None:
            data[key] = str(value)


def form_data(form):
    """What a bound-less form posts when saved unchanged (GOV.UK date boxes included)."""
    data = {}
    _add_form(data, form)
    return data
