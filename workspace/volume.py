"""A plan for every authority at production volume, for load tests and EXPLAIN: bulk inserts only.

Each authority's rows come from its own random stream (the seed and its DfE code), so the same
seed and start date give the same rows whichever authorities are generated. Rows are written with
bulk_create, so they have no history records: this is measurement data, not an audit trail.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from authorities.models import Membership
from core.people import person_name
from improvement.models import Action, ImprovementPlan, ProgressUpdate, Rag, Theme
from inspections.models import Framework, Grade, Inspection, Recommendation

Role = Membership.Role
# Ten people per authority.
STAFF = [(Role.ADMIN, 1), (Role.MANAGER, 2), (Role.OFFICER, 5), (Role.COMMITTEE_MEMBER, 2)]
UPDATE_EVERY = datetime.timedelta(weeks=4)
YEARS = 2
THEMES = [
    "Leadership and management",
    "Quality of practice",
    "Children in care",
    "Care leavers",
    "Workforce",
    "Partnerships",
    "Performance and quality assurance",
    "Voice of the child",
]
VERBS = ["Review", "Embed", "Audit", "Strengthen", "Train staff in", "Report on", "Improve"]
OBJECTS = [
    "supervision",
    "pathway plans",
    "return home interviews",
    "management oversight",
    "the front door",
    "permanence planning",
    "case recording",
    "placement sufficiency",
]
NARRATIVES = [
    "Work is on track; the audit found improvement in most cases.",
    "Recruitment is slower than planned; agency cover is in place.",
    "The training was delivered to every team; impact is being checked.",
    "Performance data shows the measure moving, not yet at target.",
]


def username(authority, role, number):
    return f"la{authority.dfe_code}-{role.replace('_', '-')}-{number}"


def generate(authorities, seed, actions=(100, 300), start=None, password="volume-password-1"):
    """Generate every authority's people, inspection, plan, actions and updates; returns counts."""
    start = start or datetime.date.today() - datetime.timedelta(days=365 * YEARS)
    hashed = make_password(password)  # once: hashing is deliberately slow
    framework = Framework.objects.get(code="ilacs-2023")
    totals = {"authorities": 0, "users": 0, "actions": 0, "updates": 0}
    for authority in authorities:
        rng = random.Random(f"{seed}-{authority.dfe_code}")
        with transaction.atomic():
            counts = _authority(authority, rng, framework, actions, start, hashed)
        totals["authorities"] += 1
        for key, value in counts.items():
            totals[key] += value
    refresh_statistics()
    return totals


def refresh_statistics():
    """After a bulk load the planner must know the tables' sizes, or it reads 800,000 updates to
    find one action's; autovacuum would get there later, or never where it is turned off."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _authority(authority, rng, framework, actions, start, hashed):
    people = _people(authority, hashed)
    leads = people[Role.OFFICER] + people[Role.MANAGER]
    inspection = Inspection.objects.create(
        authority=authority,
        framework=framework,
        kind=Inspection.Kind.STANDARD,
        started_on=start - datetime.timedelta(days=90),
        ended_on=start - datetime.timedelta(days=79),
        published_on=start - datetime.timedelta(days=40),
        overall_grade=Grade.REQUIRES_IMPROVEMENT,
    )
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(inspection=inspection, number=n, text=f"Improve {rng.choice(OBJECTS)}.")
        for n in range(1, rng.randint(6, 10) + 1)
    )
    plan = ImprovementPlan.objects.create(
        authority=authority,
        title=f"Improvement plan {start.year} to {start.year + YEARS}",
        starts_on=start,
        ends_on=start + datetime.timedelta(days=365 * YEARS),
    )
    plan.inspections.add(inspection)
    plan.recommendations.set(recommendations)
    themes = Theme.objects.bulk_create(
        Theme(plan=plan, number=n, title=title)
        for n, title in enumerate(THEMES[: rng.randint(5, len(THEMES))], start=1)
    )
    rows = _actions(plan, themes, leads, rng, rng.randint(*actions), start)
    created = Action.objects.bulk_create([action for action, _ in rows], batch_size=2000)
    Action.recommendations.through.objects.bulk_create(
        (
            Action.recommendations.through(action_id=action.pk, recommendation_id=r.pk)
            for action in created
            for r in rng.sample(recommendations, rng.randint(1, 2))
        ),
        batch_size=5000,
    )
    updates = [u for _, action_updates in rows for u in action_updates]
    ProgressUpdate.objects.bulk_create(updates, batch_size=5000)
    return {"users": sum(map(len, people.values())), "actions": len(rows), "updates": len(updates)}


def _people(authority, hashed):
    users = [
        get_user_model()(
            username=username(authority, role, n),
            first_name=role.label.split()[0],
            last_name=f"{authority.name} {n}",
            password=hashed,
            is_staff=role == Role.ADMIN,
        )
        for role, how_many in STAFF
        for n in range(1, how_many + 1)
    ]
    users = get_user_model().objects.bulk_create(users)
    roles = [role for role, how_many in STAFF for _ in range(how_many)]
    Membership.objects.bulk_create(
        Membership(user=user, authority=authority, role=role)
        for user, role in zip(users, roles, strict=True)
    )
    people = {role: [] for role, _ in STAFF}
    for user, role in zip(users, roles, strict=True):
        people[role].append(user)
    return people


def _actions(plan, themes, leads, rng, how_many, start):
    """[(action, its updates)]: an update every four weeks for two years, RAG as the last one."""
    rows = []
    for n in range(how_many):
        theme = themes[n % len(themes)]
        action = Action(
            plan=plan,
            theme=theme,
            reference=f"{theme.number}.{n // len(themes) + 1}",
            title=f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}",
            lead_officer=rng.choice(leads),
            starts_on=start,
            due_on=start + datetime.timedelta(days=rng.randint(60, 365 * YEARS + 180)),
            status=Action.Status.IN_PROGRESS,
        )
        action.original_due_on = action.due_on
        updates = _updates(action, leads, rng, start)
        action.rag = updates[-1].rag
        if action.rag == Rag.BLUE:
            action.status = Action.Status.COMPLETE
        rows.append((action, updates))
    return rows


def _updates(action, leads, rng, start):
    updates, day = [], start + UPDATE_EVERY
    end = min(start + datetime.timedelta(days=365 * YEARS), datetime.date.today())
    while day <= end:
        rag = rng.choices([Rag.RED, Rag.AMBER, Rag.GREEN], weights=[1, 3, 4])[0]
        updates.append(
            ProgressUpdate(
                action=action,
                reported_on=day,
                author=action.lead_officer,
                author_name=person_name(action.lead_officer),
                rag=rag,
                narrative=rng.choice(NARRATIVES),
            )
        )
        day += UPDATE_EVERY
    if updates and action.due_on < end and rng.random() < 0.5:
        updates[-1].rag = Rag.BLUE  # done by its due date: the last update closes it
    return updates
