"""Demo users for a laptop demo: one of each role at Gateshead, and an officer of Stockton-on-Tees;
Gateshead's partnership of agencies, with a partner of Northumbria Police; and a few pieces of
evidence of impact tied to Gateshead's plan, so its readiness page shows some."""

import datetime
import secrets

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from audits.models import AuditResult
from authorities.models import LocalAuthority, Membership, Organisation
from improvement import services
from improvement.models import Action, ImprovementPlan
from readiness import services as readiness_services
from readiness.models import ImpactEvidence

GATESHEAD = "E08000037"
STOCKTON = "E06000004"

DEMO_USERS = [
    # username, authority, role, job title, first name, last name
    ("admin", GATESHEAD, Membership.Role.ADMIN, "Systems administrator", "Demo", "Admin"),
    (
        "manager",
        GATESHEAD,
        Membership.Role.MANAGER,
        "Service Manager, Looked After Children",
        "Demo",
        "Manager",
    ),
    (
        "officer",
        GATESHEAD,
        Membership.Role.OFFICER,
        "Team Manager, Looked After Children",
        "Demo",
        "Officer",
    ),
    (
        "member",
        GATESHEAD,
        Membership.Role.COMMITTEE_MEMBER,
        "Councillor, Corporate Parenting OSC",
        "Demo",
        "Member",
    ),
    ("stockton.officer", STOCKTON, Membership.Role.OFFICER, "Practice Lead", "Demo", "Stockton"),
    (
        "partner",
        GATESHEAD,
        Membership.Role.PARTNER,
        "Detective Inspector, Safeguarding",
        "Demo",
        "Partner",
    ),
]

POLICE = "Northumbria Police"
HEALTH = "North East and North Cumbria Integrated Care Board"
# Gateshead's partnership: the public bodies that work with its children's services.
PARTNERSHIP = [
    (POLICE, Organisation.Kind.POLICE),
    (HEALTH, Organisation.Kind.HEALTH),
    ("Gateshead Youth Justice Service", Organisation.Kind.YOUTH_JUSTICE),
]
# The demo partner's organisation, by username.
PARTNER_OF = {"partner": POLICE}
# Gateshead's 2017 paper names no partners on its actions: the demo ties two by what they do.
# Action 2 (child protection conferences and looked after reviews, which the police attend) and
# action 4 (care leavers' health histories and mental health services, which the ICB commissions).
PARTNERS_ON = {"2": [POLICE], "4": [HEALTH]}


@transaction.atomic
def create_demo_users():
    """(Re)create the demo users with fresh random passwords; return [(username, password, role)]."""
    User = get_user_model()
    logins = []
    organisations = _gateshead_partnership()
    for username, ons_code, role, job_title, first, last in DEMO_USERS:
        authority = LocalAuthority.objects.get(ons_code=ons_code)
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        # Admins are staff of their own authority only (set from the membership), never superusers.
        user.is_superuser = False
        password = secrets.token_urlsafe(9)
        user.set_password(password)
        user.save()
        organisation = organisations.get(PARTNER_OF.get(username))
        Membership.objects.update_or_create(
            user=user,
            authority=authority,
            defaults={"role": role, "job_title": job_title, "organisation": organisation},
        )
        label = Membership.Role(role).label + (f" ({organisation})" if organisation else "")
        logins.append((username, password, f"{label}, {authority}"))
    _give_officers_their_actions()
    _tie_partners(organisations)
    return logins


def _gateshead_partnership():
    """{name: organisation} of Gateshead's partnership, made once."""
    gateshead = LocalAuthority.objects.get(ons_code=GATESHEAD)
    return {
        name: Organisation.objects.get_or_create(
            authority=gateshead, name=name, defaults={"kind": kind}
        )[0]
        for name, kind in PARTNERSHIP
    }


def _tie_partners(organisations):
    """Gateshead's actions get their partner organisations, through the service that checks
    them (an action already tied is left as it is)."""
    actions = Action.objects.filter(
        plan__authority__ons_code=GATESHEAD, reference__in=PARTNERS_ON
    ).select_related("plan")
    for action in actions:
        wanted = [organisations[name] for name in PARTNERS_ON[action.reference]]
        services.edit_action(action.pk, action.version, {"partner_organisations": wanted})


def _give_officers_their_actions():
    """The demo officers lead their authority's actions that no user leads yet."""
    for username, ons_code, role, *_ in DEMO_USERS:
        if role == Membership.Role.OFFICER:
            officer = get_user_model().objects.get(username=username)
            actions = list(
                Action.objects.filter(plan__authority__ons_code=ons_code, lead_officer__isnull=True)
            )
            for action in actions:
                action.lead_officer = officer
                action.version += 1
            # Handed over by the authority's manager, as in the product; with history, or the
            # action's next change would seem to have made this one too.
            manager = Membership.objects.filter(
                authority__ons_code=ons_code, role=Membership.Role.MANAGER
            ).first()
            bulk_update_with_history(
                actions,
                Action,
                ["lead_officer", "version"],
                default_user=manager.user if manager else None,
                default_change_reason="Demo: the demo officer leads the action.",
            )


GATESHEAD_PLAN = 100  # Looked After Children Improvement Plan (G17)
# Documents invented for the demo, standing in for those G17 says exist: (action reference,
# title, file name, what it shows as G17 reports it).
DEMO_DOCUMENTS = [
    (
        "7",
        "Adoption panel quality assurance feedback, quarterly",
        "adoption-panel-qa.txt",
        "The adoption panel gives the Agency Decision Maker quality assurance feedback every "
        "quarter on the reports presented to it, and the Adoption Manager, the Panel Chair and "
        "the Agency Decision Maker meet regularly on quality (report to the Corporate Parenting "
        "Overview and Scrutiny Committee, 2017).",
    ),
    (
        "4",
        "Care leavers' health passports: how each care leaver receives one",
        "health-passports.txt",
        "A nurse in post since March 2016 built, with the Looked After Team, the system that gives "
        "every care leaver their health passport; access to mental health services is still a "
        "gap, raised with the CCG (report to the Corporate Parenting Overview and Scrutiny "
        "Committee, 2017).",
    ),
]
# When the demo's evidence was added: the documents with the plan's report to the Corporate
# Parenting committee (1 March 2017, G17), an audit three days after it was done; so Gateshead's
# self-evaluation as at 28 November 2025 draws on them (workspace/demo_self_evaluation.py).
DOCUMENTS_ADDED = datetime.datetime(2017, 3, 1, 10, tzinfo=datetime.UTC)
AUDIT_TIED_AFTER = datetime.timedelta(days=3)
DEMO_FILE_TEXT = (
    "Invented for the demo of the improvement plan tracker: this file stands in for a document "
    "that Gateshead's 2017 Looked After Children Improvement Plan report says exists. It is not "
    "a Gateshead document.\n"
)


@transaction.atomic
def tie_demo_evidence():
    """Tie evidence of impact to Gateshead's plan, added by its demo manager: two documents
    (invented stand-ins for those G17 names) and, where the demo holds Gateshead's audits, its
    latest audit of planning, each dated when it would have been added (DOCUMENTS_ADDED). Once
    only: a plan that has evidence already is left as it is."""
    plan = ImprovementPlan.objects.select_related("authority").filter(pk=GATESHEAD_PLAN).first()
    if plan is None or plan.impact_evidence.exists():
        return []
    manager = get_user_model().objects.get(username="manager")
    added = []
    for reference, title, file_name, shows in DEMO_DOCUMENTS:
        action = plan.actions.get(reference=reference)
        added.append(
            readiness_services.add_evidence(
                plan,
                manager,
                shows=shows,
                recommendations=list(action.recommendations.all()),
                actions=[action],
                title=title,
                file=ContentFile(DEMO_FILE_TEXT.encode(), name=file_name),
            )
        )
        added_on(added[-1], DOCUMENTS_ADDED)
    audit = (
        AuditResult.objects.filter(authority=plan.authority, theme="planning")
        .order_by("-audited_on", "-pk")
        .first()
    )
    if audit is not None:
        plans = plan.actions.get(reference="1")
        added.append(
            readiness_services.add_evidence(
                plan,
                manager,
                shows=f"The latest case-file audit of planning, since the new plan templates, was "
                f"graded {audit.get_grade_display().lower()}.",
                recommendations=list(plans.recommendations.all()),
                actions=[plans],
                audit=audit,
            )
        )
        day = datetime.datetime.combine(audit.audited_on, datetime.time(10), datetime.UTC)
        added_on(added[-1], day + AUDIT_TIED_AFTER)
    return added


def added_on(evidence, moment):
    """Date the evidence (and its first version) `moment`, never after now."""
    moment = min(moment, timezone.now())
    ImpactEvidence.objects.filter(pk=evidence.pk).update(added_at=moment)
    ImpactEvidence.history.filter(id=evidence.pk).update(added_at=moment)
    evidence.added_at = moment
