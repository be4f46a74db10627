from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords


class RegionManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Region(models.Model):
    """An ONS region of England (E12000001 to E12000009)."""

    code = models.CharField(
        max_length=9,
        unique=True,
        validators=[RegexValidator(r"^E12\d{6}$", "An ONS region code looks like E12000001.")],
    )
    name = models.CharField(max_length=100, unique=True)

    objects = RegionManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)


class LocalAuthorityQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True)

    def get_by_natural_key(self, ons_code):
        return self.get(ons_code=ons_code)


class LocalAuthority(models.Model):
    """An upper-tier council with children's services duties."""

    name = models.CharField(max_length=100)
    ons_code = models.CharField(
        "ONS code",
        max_length=9,
        unique=True,
        validators=[RegexValidator(r"^E(06|08|09|10)\d{6}$", "An ONS code looks like E08000037.")],
    )
    dfe_code = models.CharField(
        "DfE LA number",
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^\d{3}$", "A DfE LA number has three digits, such as 390.")],
    )
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="authorities")
    ofsted_region = models.CharField(max_length=100, blank=True)
    ofsted_urn = models.CharField("Ofsted URN", max_length=10, blank=True)
    is_current = models.BooleanField(
        default=True, help_text="False for councils abolished or merged, kept for their history."
    )
    statistical_neighbours = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="+"
    )
    clearer_must_differ = models.BooleanField(
        "a second manager clears committee reports",
        default=True,
        help_text="The manager who clears a committee report must not be the one who submitted "
        "it for clearance.",
    )
    sign_in_tenant = models.CharField(
        "Entra tenant ID",
        max_length=64,
        blank=True,
        help_text="The council's directory in Microsoft Entra ID (its tenant ID). People who sign "
        "in from it with no role yet are shown to this authority's admins, to be given one.",
    )

    objects = LocalAuthorityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.ons_code,)


class Committee(models.Model):
    """A body of an authority that receives reports: scrutiny, cabinet, board, partnership."""

    class Kind(models.TextChoices):
        SCRUTINY = "scrutiny", "Overview and scrutiny committee"
        CABINET = "cabinet", "Cabinet"
        BOARD = "board", "Board"
        PARTNERSHIP = "partnership", "Partnership"

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="committees"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["authority__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "name"], name="committee_name_unique_in_authority"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.authority})"


class Organisation(models.Model):
    """A partner agency in an authority's partnership: a police force, an integrated care board,
    a school or trust, a youth justice service. It is the authority's row: an agency that works
    with several councils (a police force) is a row in each one's partnership, so no council
    sees or changes another's. Its people sign in with the partner role (Membership.organisation)
    and update the actions it is a partner on (improvement.Action.partner_organisations)."""

    class Kind(models.TextChoices):
        POLICE = "police", "Police force"
        HEALTH = "icb", "Integrated care board"
        SCHOOL = "school", "School or trust"
        YOUTH_JUSTICE = "youth_justice", "Youth justice service"
        OTHER = "other", "Other"

    authority = models.ForeignKey(
        LocalAuthority,
        on_delete=models.CASCADE,
        related_name="organisations",
        help_text="The council whose partnership it is in.",
    )
    name = models.CharField(max_length=200, help_text="As papers name it: Northumbria Police.")
    kind = models.CharField(max_length=20, choices=Kind.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "name"], name="organisation_name_unique_in_authority"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["police", "icb", "school", "youth_justice", "other"]),
                name="organisation_kind_known",
            ),
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A user's role in one authority. A user may belong to several authorities.

    A partner belongs to one organisation of the authority's partnership, which the membership
    names; no other role names one."""

    class Role(models.TextChoices):
        OFFICER = "officer", "Officer"
        MANAGER = "manager", "Manager"
        COMMITTEE_MEMBER = "committee_member", "Committee member"
        ADMIN = "admin", "Admin"
        PARTNER = "partner", "Partner"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="A partner's organisation, of the same authority's partnership; no other role "
        "names one.",
    )
    job_title = models.CharField(max_length=200, blank=True)
    reminders_enabled = models.BooleanField(
        "email reminders",
        default=True,
        help_text="Reminders about the actions this person leads, and the weekly digest.",
    )
    from_group = models.BooleanField(
        "given by a group",
        default=False,
        help_text="Given at sign-in by a group of the council's directory (group role mappings): "
        "it follows the groups at each sign-in, and goes when the person leaves the group.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["authority__name", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "authority"], name="one_role_per_user_per_authority"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    role__in=["officer", "manager", "committee_member", "admin", "partner"]
                ),
                name="membership_role_known",
            ),
            models.CheckConstraint(
                condition=models.Q(role="partner", organisation__isnull=False)
                | (~models.Q(role="partner") & models.Q(organisation__isnull=True)),
                name="membership_partner_names_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} at {self.authority}"

    def clean(self):
        # The database holds "a partner names an organisation, no one else does"; that it is of
        # the same authority spans two tables, so it is checked here (the admin's forms ask it).
        if self.role == self.Role.PARTNER and not self.organisation_id:
            raise ValidationError(
                {"organisation": "A partner belongs to an organisation: choose it."}
            )
        if self.role != self.Role.PARTNER and self.organisation_id:
            raise ValidationError(
                {
                    "organisation": f"Only a partner names an organisation, not a {self.get_role_display().lower()}."
                }
            )
        if (
            self.organisation_id
            and self.authority_id
            and self.organisation.authority_id != self.authority_id
        ):
            raise ValidationError(
                {
                    "organisation": f"{self.organisation} is in another authority's partnership: "
                    "choose one of this authority's organisations."
                }
            )


class GroupRoleMapping(models.Model):
    """A group of the council's directory whose people get a role in one authority when they sign
    in with their council account (authorities/group_roles.py). Owned by the authority."""

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="group_roles"
    )
    group = models.CharField(
        "group ID",
        max_length=200,
        help_text="The group as the sign-in provider names it in its groups claim (Entra ID: the "
        "group's Object ID).",
    )
    name = models.CharField(
        max_length=200, blank=True, help_text="What the group is called, for people reading this."
    )
    # A group gives a council role; a partner is placed by hand, with their organisation.
    role = models.CharField(max_length=20, choices=Membership.Role.choices[:4])

    history = HistoricalRecords()

    class Meta:
        ordering = ["authority__name", "name", "group"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "group"], name="one_role_per_group_per_authority"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=["officer", "manager", "committee_member", "admin"]),
                name="group_role_known",
            ),
        ]

    def __str__(self):
        return f"{self.name or self.group} – {self.get_role_display()} at {self.authority}"


class SignInIdentity(models.Model):
    """A person's account at the council's sign-in provider, linked to their account here at their
    first sign-in (authorities/accounts.py). Owned by the person; gone with their account."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_in_identities"
    )
    issuer = models.CharField(max_length=255)
    subject = models.CharField(max_length=255)
    tenant = models.CharField(max_length=64, blank=True)
    first_signed_in = models.DateTimeField(auto_now_add=True)
    last_signed_in = models.DateTimeField()

    class Meta:
        verbose_name_plural = "sign-in identities"
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "subject"], name="one_account_per_sign_in_identity"
            )
        ]

    def __str__(self):
        return f"{self.user} at {self.issuer}"
