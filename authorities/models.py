from django.conf import settings
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


class Membership(models.Model):
    """A user's role in one authority. A user may belong to several authorities."""

    class Role(models.TextChoices):
        OFFICER = "officer", "Officer"
        MANAGER = "manager", "Manager"
        COMMITTEE_MEMBER = "committee_member", "Committee member"
        ADMIN = "admin", "Admin"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
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
                condition=models.Q(role__in=["officer", "manager", "committee_member", "admin"]),
                name="membership_role_known",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} at {self.authority}"


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
    role = models.CharField(max_length=20, choices=Membership.Role.choices)

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
