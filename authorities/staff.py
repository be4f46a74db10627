"""Authority admins are Django staff, with model permissions through one group built here.

What they see of each model is narrowed to their authorities by the admin classes (authorities/scoped_admin.py);
the group only says which models they may touch at all. Reference data of the whole country
(regions, frameworks, the national Ofsted tables) stays with platform superusers.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from authorities.models import Membership

AUTHORITY_ADMINS = "Authority admins"

ALL = ("add", "change", "delete", "view")
# model (app_label.model_name) -> what an authority admin may do with it
PERMISSIONS = {
    "auth.user": ("add", "change", "view"),
    # Only their own settings (LocalAuthorityAdmin keeps the rest read only).
    "authorities.localauthority": ("change", "view"),
    "authorities.committee": ALL,
    "authorities.membership": ALL,
    "authorities.grouprolemapping": ALL,
    # Their partnership's agencies, whose people sign in as partners.
    "authorities.organisation": ALL,
    "inspections.inspection": ALL,
    "inspections.judgement": ALL,
    "inspections.finding": ALL,
    "inspections.recommendation": ALL,
    "improvement.improvementplan": ALL,
    "improvement.theme": ALL,
    "improvement.action": ALL,
    "improvement.milestone": ALL,
    # Written only through the app's services, so read-only here.
    "improvement.progressupdate": ("view",),
    "improvement.duedatechange": ("view",),
    "improvement.evidence": ("view",),
    "reports.committeereport": ALL,
    "reports.papertemplate": ALL,
    # Their own local indicators and targets; their own figures are entered in the app.
    "indicators.indicator": ALL,
    "indicators.target": ALL,
    "indicators.localfigure": ("view",),
    # Their own programme; results are recorded in the app (with its warnings), and an admin may
    # delete one that holds what it should not (docs/data-protection.md).
    "audits.auditprogramme": ALL,
    "audits.auditresult": ("view", "delete"),
}


def authority_admins_group():
    """The group, created (or brought up to date) on demand, so no migration depends on it."""
    group, _ = Group.objects.get_or_create(name=AUTHORITY_ADMINS)
    wanted = Q(pk__in=[])
    for label, verbs in PERMISSIONS.items():
        app_label, model = label.split(".")
        codenames = [f"{verb}_{model}" for verb in verbs]
        wanted |= Q(content_type__app_label=app_label, codename__in=codenames)
    group.permissions.set(Permission.objects.filter(wanted))
    return group


def sync_staff(user):
    """Staff and in the group exactly while the user is an admin of some authority."""
    is_admin = Membership.objects.filter(user=user, role=Membership.Role.ADMIN).exists()
    group = authority_admins_group()
    if is_admin:
        user.groups.add(group)
    else:
        user.groups.remove(group)
    staff = is_admin or user.is_superuser
    if user.is_staff != staff:
        user.is_staff = staff
        user.save(update_fields=["is_staff"])
