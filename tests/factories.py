"""factory_boy factories for every model, shared by all the test suites.

Frameworks and judgement areas are reference data loaded by a migration, so the factories look
them up by code rather than create them. Every factory builds a consistent world: an action's
theme belongs to its plan, a plan belongs to the authority of its inspections, and so on.
"""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from audits.models import AuditProgramme, AuditResult
from authorities.models import Committee, LocalAuthority, Membership, Organisation, Region
from improvement.models import (
    Action,
    DueDateChange,
    Evidence,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    Rag,
    Theme,
)
from indicators.models import Indicator, IndicatorValue
from inspections.models import (
    Finding,
    Framework,
    Grade,
    Inspection,
    Judgement,
    JudgementArea,
    Recommendation,
)

PASSWORD = "a-test-password-1"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"E12{n % 1000000:06d}")
    name = factory.Sequence(lambda n: f"Region {n}")


class LocalAuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalAuthority

    name = factory.Sequence(lambda n: f"Borough {n}")
    ons_code = factory.Sequence(lambda n: f"E08{900000 + n:06d}")
    # 100-199: no real authority's DfE number is below 201, so tests that also load the real
    # authorities (fixtures/authorities.json) never collide with an authority made here.
    dfe_code = factory.Sequence(lambda n: f"{(n % 100) + 100:03d}")
    region = factory.SubFactory(RegionFactory)


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee

    authority = factory.SubFactory(LocalAuthorityFactory)
    name = factory.Sequence(lambda n: f"Scrutiny committee {n}")
    kind = Committee.Kind.SCRUTINY


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    authority = factory.SubFactory(LocalAuthorityFactory)
    name = factory.Sequence(lambda n: f"Police force {n}")
    kind = Organisation.Kind.POLICE


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    authority = factory.SubFactory(LocalAuthorityFactory)
    role = Membership.Role.OFFICER


def member(authority, role, organisation=None, **user_fields):
    """A user with one role in one authority (admins become staff of it through the membership);
    a partner of the organisation given (of the authority's partnership)."""
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, authority=authority, role=role, organisation=organisation)
    user.refresh_from_db(fields=["is_staff"])
    return user


def framework(code="ilacs-2023"):
    return Framework.objects.get(code=code)


class InspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inspection

    authority = factory.SubFactory(LocalAuthorityFactory)
    framework = factory.LazyFunction(framework)
    kind = Inspection.Kind.STANDARD
    started_on = factory.Sequence(lambda n: datetime.date(2024, 1, 8) + datetime.timedelta(days=n))
    ended_on = factory.LazyAttribute(lambda o: o.started_on + datetime.timedelta(days=11))
    published_on = factory.LazyAttribute(lambda o: o.ended_on + datetime.timedelta(days=40))
    overall_grade = Grade.REQUIRES_IMPROVEMENT
    lead_inspector = "A Inspector"


class JudgementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Judgement

    inspection = factory.SubFactory(InspectionFactory)
    area = factory.LazyAttribute(
        lambda o: JudgementArea.objects.filter(framework=o.inspection.framework).first()
    )
    grade = Grade.REQUIRES_IMPROVEMENT


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    inspection = factory.SubFactory(InspectionFactory)
    area = None
    kind = Finding.Kind.AREA_FOR_DEVELOPMENT
    text = factory.Sequence(lambda n: f"Inspectors found thing {n}.")


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    inspection = factory.SubFactory(InspectionFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Improve the quality of practice number {n}.")


class ImprovementPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImprovementPlan
        skip_postgeneration_save = True

    authority = factory.SubFactory(LocalAuthorityFactory)
    title = factory.Sequence(lambda n: f"Improvement plan {n}")
    starts_on = datetime.date(2024, 4, 1)
    ends_on = datetime.date(2026, 3, 31)

    @factory.post_generation
    def inspections(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.inspections.set(extracted)

    @factory.post_generation
    def recommendations(obj, create, extracted, **kwargs):
        """The plan's scope: as given, else every recommendation its inspections have so far."""
        if not create:
            return
        if extracted is None:
            extracted = Recommendation.objects.filter(inspection__in=obj.inspections.all())
        obj.recommendations.set(extracted)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    plan = factory.SubFactory(ImprovementPlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Theme {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    plan = factory.SubFactory(ImprovementPlanFactory)
    theme = factory.LazyAttribute(lambda o: ThemeFactory(plan=o.plan))
    reference = factory.Sequence(lambda n: f"{n // 10 + 1}.{n % 10 + 1}-{n}")
    title = factory.Sequence(lambda n: f"Do the thing number {n}")
    starts_on = datetime.date(2024, 4, 1)
    due_on = datetime.date(2025, 3, 31)
    status = Action.Status.IN_PROGRESS
    rag = Rag.GREEN

    @factory.post_generation
    def recommendations(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.recommendations.set(extracted)

    @factory.post_generation
    def partner_organisations(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.partner_organisations.set(extracted)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    action = factory.SubFactory(ActionFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_on = datetime.date(2024, 9, 30)


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    reported_on = datetime.date(2024, 6, 1)
    author = None
    author_name = "Team manager"
    rag = Rag.GREEN
    narrative = factory.Sequence(lambda n: f"Progress report {n}: on track.")


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    update = factory.SubFactory(ProgressUpdateFactory)
    description = "Audit results"
    link = "https://example.org/audit"


class DueDateChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DueDateChange

    action = factory.SubFactory(ActionFactory)
    old_due_on = datetime.date(2025, 3, 31)
    new_due_on = datetime.date(2025, 6, 30)
    reason = "Recruitment took longer than planned."


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    name = "Re-referrals within 12 months"
    unit = "percent"
    polarity = "lower"
    source = "DfE"
    frequency = "annual"


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    """An authority's published value for the year to 31 March 2025."""

    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    authority = factory.SubFactory(LocalAuthorityFactory)
    level = IndicatorValue.Level.AUTHORITY
    area_code = factory.LazyAttribute(lambda value: value.authority.ons_code)
    area_name = factory.LazyAttribute(lambda value: value.authority.name)
    period = "2025"
    period_end = datetime.date(2025, 3, 31)
    value = Decimal("13.9")


class AuditProgrammeFactory(factory.django.DjangoModelFactory):
    """Six cases to audit on assessment in April 2025."""

    class Meta:
        model = AuditProgramme

    authority = factory.SubFactory(LocalAuthorityFactory)
    theme = "assessment"
    month = datetime.date(2025, 4, 1)
    cases_planned = 6


class AuditResultFactory(factory.django.DjangoModelFactory):
    """A case-file audit graded good, with an anonymised case reference."""

    class Meta:
        model = AuditResult
        skip_postgeneration_save = True

    authority = factory.SubFactory(LocalAuthorityFactory)
    audited_on = datetime.date(2025, 4, 15)
    team = "Assessment team 1"
    theme = "assessment"
    grade = "good"
    strengths = "Child A's views are recorded in their own words."
    learning = "Chronology not updated since the last review."
    case_reference = factory.Sequence(lambda n: f"A-2025-{n:03d}")

    @factory.post_generation
    def recommendations(self, create, extracted, **kwargs):
        if create and extracted:
            self.recommendations.set(extracted)

    @factory.post_generation
    def actions(self, create, extracted, **kwargs):
        if create and extracted:
            self.actions.set(extracted)
