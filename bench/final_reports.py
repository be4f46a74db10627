"""A finalised committee report for each authority the load test signs in to, with its PDF and
Word files rendered once into storage, so that people download reports as they would before a
committee meeting. Run by bench/load_test.py through `manage.py shell`; kept for the next run."""

import datetime

from authorities.models import Committee, LocalAuthority, Membership
from reports import clearance, services
from reports.models import CommitteeReport


def final_report_of(plan):
    return (
        CommitteeReport.objects.filter(plan=plan, status=CommitteeReport.Status.FINAL)
        .exclude(pdf_file="")
        .first()
    )


def ensure(authority_ids):
    """{authority id: its final report's id}, making the reports that are missing."""
    found = {}
    for authority in LocalAuthority.objects.filter(pk__in=authority_ids):
        plan = authority.plans.order_by("pk").first()
        if plan is None:
            continue
        report = final_report_of(plan) or _make(authority, plan)
        found[authority.pk] = report.pk
    return found


def _make(authority, plan):
    managers = Membership.objects.filter(
        authority=authority, role__in=[Membership.Role.MANAGER, Membership.Role.ADMIN]
    ).order_by("-role", "pk")  # managers before admins
    manager = managers.first()
    # A second person clears what the first submitted, where the authority asks for one.
    clearer = managers.exclude(user=manager.user).first() or manager
    committee, _ = Committee.objects.get_or_create(
        authority=authority,
        name="Children's Services Overview and Scrutiny Committee",
        defaults={"kind": Committee.Kind.SCRUTINY},
    )
    report = CommitteeReport.objects.create(
        plan=plan,
        committee=committee,
        meeting_on=datetime.date.today(),
        title=f"{plan.title}: progress report",
        report_of="Director of Children's Services",
        purpose="To report progress against the improvement plan since the last meeting.",
        recommendations="That the committee notes the progress made.",
    )
    clearance.submit(report, manager.user)
    clearance.clear(report, clearer.user)
    services.finalise(report, manager.user)
    services.store_files(report.pk)  # rendered already where tasks run inline; else here
    return CommitteeReport.objects.get(pk=report.pk)
