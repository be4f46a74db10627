"""Each page against its JSON view and its floor, at the generated volume.

The floor is the smallest SQL that returns the rows a page shows, written by hand: one statement
for each list the page shows (joined where a row shows its parent's columns; where a page shows
the first rows of a list and how many there are, COUNT(*) OVER () counts them in the same
statement), with the request's own two reads that every signed-in page makes (its session and
its user). It runs through psycopg2 on a connection of its own and fetches every row.

The page (Django's test client: every middleware, the session, the view and its templates), its
JSON view (bench/views.py: the page's own gathering, as JSON) and its floor take turns, median of
--runs (or, with --fastest, the fastest of them), in one process, so a busy machine slows the
three alike. Prints each page's three times, the page's ratios to the other two, and the queries
each runs; exits 1 if a page takes more than 4 times its floor or runs more statements than it.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_capacity .venv/bin/python bench/floors.py

The database must hold the generated volume (`manage.py generate_volume`, or a first run of
bench/load_test.py against it). The pages are those of the authority with DfE code --authority
(Leicester's plan has 203 actions), as its first officer, manager and committee member see them.
"""

import argparse
import os
import secrets
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 4.0

SESSION = """SELECT session_data, expire_date FROM django_session
WHERE session_key = %(session)s AND expire_date > now()"""
USER = "SELECT * FROM auth_user WHERE id = %(user)s"
# The header names the user's authorities; their roles decide which links the page offers.
MEMBERSHIPS = """SELECT m.authority_id, m.role, a.name FROM authorities_membership m
JOIN authorities_localauthority a ON a.id = m.authority_id WHERE m.user_id = %(user)s
ORDER BY a.name"""
PLANS = """SELECT p.id, p.title, a.name FROM improvement_improvementplan p
JOIN authorities_localauthority a ON a.id = p.authority_id
WHERE p.authority_id = ANY(%(authorities)s) ORDER BY a.name, p.title"""

PLAN = [
    """SELECT p.id, p.title, p.update_cycle_weeks, p.authority_id, a.name
    FROM improvement_improvementplan p JOIN authorities_localauthority a ON a.id = p.authority_id
    WHERE p.id = %(plan)s AND p.authority_id = ANY(%(authorities)s)""",
    """SELECT i.id, i.kind, i.started_on, i.ended_on, i.published_on
    FROM improvement_improvementplan_inspections x
    JOIN inspections_inspection i ON i.id = x.inspection_id
    WHERE x.improvementplan_id = %(plan)s ORDER BY i.published_on DESC, i.started_on DESC""",
    # Ofsted's deadlines: the authority's inspections, what each names and judged.
    """SELECT i.id, i.kind, i.overall_grade, i.started_on, i.published_on, f.has_overall_grade,
        (SELECT count(*) FROM inspections_recommendation r
         WHERE r.inspection_id = i.id AND r.priority = 'priority'),
        (SELECT count(*) FROM inspections_judgement j
         WHERE j.inspection_id = i.id AND j.grade = 'inadequate')
    FROM inspections_inspection i JOIN inspections_framework f ON f.id = i.framework_id
    WHERE i.authority_id = (SELECT authority_id FROM improvement_improvementplan
                            WHERE id = %(plan)s)""",
    """SELECT id, number, title FROM improvement_theme WHERE plan_id = %(plan)s
    ORDER BY position, number""",
    """SELECT theme_id, rag, count(*) FROM improvement_action WHERE plan_id = %(plan)s
    GROUP BY theme_id, rag""",
    # Each theme's first five actions, in the builder's order, with their leads' names.
    """SELECT first.*, u.first_name, u.last_name, u.username FROM (
        SELECT id, theme_id, reference, title, lead_officer_id, lead_name, due_on, rag, status,
        row_number() OVER (PARTITION BY theme_id ORDER BY position, reference, id) AS n
        FROM improvement_action WHERE plan_id = %(plan)s
    ) first LEFT JOIN auth_user u ON u.id = first.lead_officer_id
    WHERE n <= 5 ORDER BY theme_id, n""",
    """SELECT id, reference, title, due_on, rag, count(*) OVER () FROM improvement_action
    WHERE plan_id = %(plan)s AND due_on < %(today)s AND status <> 'complete'
    ORDER BY due_on, reference LIMIT 10""",
    """SELECT m.id, m.title, m.due_on, a.id, a.reference, a.title, count(*) OVER ()
    FROM improvement_milestone m JOIN improvement_action a ON a.id = m.action_id
    WHERE a.plan_id = %(plan)s AND m.completed_on IS NULL AND m.due_on < %(today)s
    ORDER BY m.due_on, a.reference, m.id LIMIT 10""",
    # The recommendations in scope, each with how many of the plan's actions answer it ...
    """SELECT r.id, r.number, r.text, count(a.id)
    FROM improvement_improvementplan_recommendations s
    JOIN inspections_recommendation r ON r.id = s.recommendation_id
    LEFT JOIN improvement_action_recommendations x ON x.recommendation_id = r.id
    LEFT JOIN improvement_action a ON a.id = x.action_id AND a.plan_id = %(plan)s
    WHERE s.improvementplan_id = %(plan)s GROUP BY r.id ORDER BY r.inspection_id, r.number""",
    # ... and the first five of them.
    """SELECT * FROM (
        SELECT x.recommendation_id, a.id, a.reference,
        row_number() OVER (PARTITION BY x.recommendation_id ORDER BY a.reference, a.id) AS n
        FROM improvement_action_recommendations x
        JOIN improvement_action a ON a.id = x.action_id
        WHERE a.plan_id = %(plan)s AND x.recommendation_id IN (
            SELECT recommendation_id FROM improvement_improvementplan_recommendations
            WHERE improvementplan_id = %(plan)s)
    ) answers WHERE n <= 5 ORDER BY recommendation_id, n""",
    # The indicators tied to the plan's themes or actions (none at the generated volume).
    """SELECT i.id, i.name, i.unit, i.polarity FROM indicators_indicator i
    WHERE (i.authority_id IS NULL OR i.authority_id = %(authority)s) AND (
        EXISTS (SELECT 1 FROM indicators_indicator_themes x
                JOIN improvement_theme t ON t.id = x.theme_id
                WHERE x.indicator_id = i.id AND t.plan_id = %(plan)s)
        OR EXISTS (SELECT 1 FROM indicators_indicator_actions x
                JOIN improvement_action a ON a.id = x.action_id
                WHERE x.indicator_id = i.id AND a.plan_id = %(plan)s))
    ORDER BY i.name""",
]

# The actions table: a page of 25 and how many there are, then the filter's choices.
ACTIONS_ROWS = """SELECT a.id, a.reference, a.title, a.lead_name, a.due_on, a.status, a.rag,
    p.title, t.title, u.first_name, u.last_name, u.username, count(*) OVER ()
    FROM improvement_action a JOIN improvement_improvementplan p ON p.id = a.plan_id
    LEFT JOIN improvement_theme t ON t.id = a.theme_id
    LEFT JOIN auth_user u ON u.id = a.lead_officer_id
    WHERE p.authority_id = ANY(%(authorities)s) {where} ORDER BY {order} LIMIT 25"""
CHOICES = [
    PLANS,
    """SELECT t.id, t.number, t.title FROM improvement_theme t
    JOIN improvement_improvementplan p ON p.id = t.plan_id
    WHERE p.authority_id = ANY(%(authorities)s) ORDER BY t.plan_id, t.position, t.number""",
    """SELECT DISTINCT u.id, u.first_name, u.last_name, u.username FROM auth_user u
    JOIN improvement_action a ON a.lead_officer_id = u.id
    JOIN improvement_improvementplan p ON p.id = a.plan_id
    WHERE p.authority_id = ANY(%(authorities)s) ORDER BY u.first_name, u.last_name, u.username""",
]
ACTIONS = [
    ACTIONS_ROWS.format(where="", order="a.plan_id, t.position, t.number, a.position, a.reference"),
    *CHOICES,
]
ACTIONS_FILTERED = [
    ACTIONS_ROWS.format(
        where="AND a.plan_id = %(plan)s AND a.rag = 'amber'", order="a.due_on DESC"
    ),
    *CHOICES,
]

ACTION = [
    """SELECT a.*, p.title, p.authority_id, t.number, t.title,
    u.first_name, u.last_name, u.username
    FROM improvement_action a JOIN improvement_improvementplan p ON p.id = a.plan_id
    LEFT JOIN improvement_theme t ON t.id = a.theme_id
    LEFT JOIN auth_user u ON u.id = a.lead_officer_id
    WHERE a.id = %(action)s AND p.authority_id = ANY(%(authorities)s)""",
    """SELECT id, title, due_on, completed_on FROM improvement_milestone
    WHERE action_id = %(action)s ORDER BY due_on, id""",
    # The partnership's organisations that are partners on the action.
    """SELECT o.id, o.name FROM authorities_organisation o
    JOIN improvement_action_partner_organisations x ON x.organisation_id = o.id
    WHERE x.action_id = %(action)s ORDER BY o.name""",
    """SELECT r.id, r.number, r.text, i.id, i.kind, i.started_on, i.ended_on
    FROM improvement_action_recommendations x
    JOIN inspections_recommendation r ON r.id = x.recommendation_id
    JOIN inspections_inspection i ON i.id = r.inspection_id
    WHERE x.action_id = %(action)s ORDER BY r.inspection_id, r.number""",
    """SELECT u.id, u.reported_on, u.rag, u.narrative, u.author_id, u.author_name,
    u.retracted_at, u.retraction_reason, au.first_name, au.last_name, au.username,
    rb.first_name, rb.last_name, rb.username
    FROM improvement_progressupdate u LEFT JOIN auth_user au ON au.id = u.author_id
    LEFT JOIN auth_user rb ON rb.id = u.retracted_by_id
    WHERE u.action_id = %(action)s ORDER BY u.reported_on DESC, u.created_at DESC, u.id DESC""",
    """SELECT e.id, e.update_id, e.description FROM improvement_evidence e
    JOIN improvement_progressupdate u ON u.id = e.update_id
    WHERE u.action_id = %(action)s ORDER BY e.id""",
    """SELECT changed_at, old_due_on, new_due_on, reason FROM improvement_duedatechange
    WHERE action_id = %(action)s ORDER BY changed_at, id""",
    # What changed: the action's history records, with who made each and the names of the plan,
    # theme and lead each pointed to.
    """SELECT h.*, u.first_name, u.last_name, u.username, p.title, t.number, t.title,
    l.first_name, l.last_name, l.username FROM improvement_historicalaction h
    LEFT JOIN auth_user u ON u.id = h.history_user_id
    LEFT JOIN improvement_improvementplan p ON p.id = h.plan_id
    LEFT JOIN improvement_theme t ON t.id = h.theme_id
    LEFT JOIN auth_user l ON l.id = h.lead_officer_id
    WHERE h.id = %(action)s ORDER BY h.history_date""",
]

# The actions the user leads, each with the day of its newest update not retracted (whether an
# update is due), in the model's order.
MY_ACTIONS = """SELECT a.id, a.reference, a.title, a.due_on, a.rag, a.status, p.title,
    p.update_cycle_weeks, (
        SELECT max(u.reported_on) FROM improvement_progressupdate u
        WHERE u.action_id = a.id AND u.retracted_at IS NULL AND u.reported_on <= %(today)s
    )
    FROM improvement_action a JOIN improvement_improvementplan p ON p.id = a.plan_id
    LEFT JOIN improvement_theme t ON t.id = a.theme_id
    WHERE a.lead_officer_id = %(user)s AND p.authority_id = ANY(%(authorities)s)
    ORDER BY a.plan_id, t.position, t.number, a.position, a.reference"""
# Ofsted's deadlines: the authorities' inspections, what each names and judged, and the plans
# answering each.
DEADLINES = """SELECT i.id, i.authority_id, i.kind, i.overall_grade, i.started_on,
    i.published_on, f.has_overall_grade, x.improvementplan_id,
    (SELECT count(*) FROM inspections_recommendation r
     WHERE r.inspection_id = i.id AND r.priority = 'priority'),
    (SELECT count(*) FROM inspections_judgement j
     WHERE j.inspection_id = i.id AND j.grade = 'inadequate')
    FROM inspections_inspection i JOIN inspections_framework f ON f.id = i.framework_id
    LEFT JOIN improvement_improvementplan_inspections x ON x.inspection_id = i.id
    WHERE i.authority_id = ANY(%(authorities)s)"""
HOME = [PLANS, MY_ACTIONS, DEADLINES]

# A manager's overview: the first ten of each list and how many there are.
OVERVIEW_ACTIONS = """SELECT a.id, a.reference, a.title, a.due_on, a.rag, a.status, a.lead_name,
    p.title, u.first_name, u.last_name, u.username, count(*) OVER ()
    FROM improvement_action a JOIN improvement_improvementplan p ON p.id = a.plan_id
    LEFT JOIN auth_user u ON u.id = a.lead_officer_id
    WHERE p.authority_id = ANY(%(managed)s) AND {where}
    ORDER BY a.plan_id, a.due_on, a.reference LIMIT 10"""
OVERVIEW = [
    OVERVIEW_ACTIONS.format(
        where="((a.due_on < %(today)s AND a.status <> 'complete') OR a.rag = 'red')"
    ),
    # Not complete, and no update not retracted within the plan's cycle.
    OVERVIEW_ACTIONS.format(
        where="""a.status <> 'complete' AND NOT EXISTS (
            SELECT 1 FROM improvement_progressupdate u
            WHERE u.action_id = a.id AND u.retracted_at IS NULL AND u.reported_on <= %(today)s
            AND u.reported_on >= %(today)s - 7 * p.update_cycle_weeks)"""
    ),
    """SELECT m.id, m.title, m.due_on, a.id, a.reference, a.title, count(*) OVER ()
    FROM improvement_milestone m JOIN improvement_action a ON a.id = m.action_id
    JOIN improvement_improvementplan p ON p.id = a.plan_id
    WHERE p.authority_id = ANY(%(managed)s) AND m.completed_on IS NULL
    AND m.due_on < %(today)s ORDER BY m.action_id, m.due_on, m.id LIMIT 10""",
    """SELECT r.id, r.title, r.meeting_on, c.name, u.first_name, u.last_name, u.username
    FROM reports_committeereport r JOIN improvement_improvementplan p ON p.id = r.plan_id
    JOIN authorities_committee c ON c.id = r.committee_id
    LEFT JOIN auth_user u ON u.id = r.submitted_by_id
    WHERE p.authority_id = ANY(%(managed)s) AND r.status = 'submitted'
    ORDER BY r.meeting_on DESC, r.title""",
    """SELECT w.id, w.plan_id, w.file_name, w.uploaded_at, p.title,
    u.first_name, u.last_name, u.username
    FROM improvement_workbookupload w JOIN improvement_improvementplan p ON p.id = w.plan_id
    JOIN auth_user u ON u.id = w.uploaded_by_id
    WHERE p.authority_id = ANY(%(managed)s) AND w.read_status = 'read' AND w.status = ''
    ORDER BY w.uploaded_at DESC""",
    # Each plan's next date: an action not complete, or a milestone not met.
    """SELECT DISTINCT ON (plan_id) * FROM (
        SELECT a.plan_id, p.title, a.due_on, a.reference || ' ' || a.title, a.id
        FROM improvement_action a JOIN improvement_improvementplan p ON p.id = a.plan_id
        WHERE p.authority_id = ANY(%(managed)s) AND a.due_on >= %(today)s
        AND a.status <> 'complete'
        UNION ALL
        SELECT a.plan_id, p.title, m.due_on, 'Milestone: ' || m.title, a.id
        FROM improvement_milestone m JOIN improvement_action a ON a.id = m.action_id
        JOIN improvement_improvementplan p ON p.id = a.plan_id
        WHERE p.authority_id = ANY(%(managed)s) AND m.completed_on IS NULL
        AND m.due_on >= %(today)s
    ) next ORDER BY plan_id, due_on""",
]

PAPERS = [
    PLANS,
    """SELECT r.id, r.title, r.meeting_on, c.name FROM reports_committeereport r
    JOIN improvement_improvementplan p ON p.id = r.plan_id
    JOIN authorities_committee c ON c.id = r.committee_id
    WHERE p.authority_id = ANY(%(authorities)s) AND r.status = 'final'
    ORDER BY r.meeting_on DESC, r.title""",
    DEADLINES,
]


@dataclass
class Page:
    name: str
    role: str
    url: str
    json_url: str
    statements: list


def pages(ids):
    plan, action = ids["plan"], ids["action"]
    query = f"?plan={plan}&rag=amber&sort=-due_on"
    return [
        Page("plan", "officer", f"/plans/{plan}/", f"/bench/plans/{plan}.json", PLAN),
        Page("actions", "officer", "/actions/", "/bench/actions.json", ACTIONS),
        Page(
            "actions, filtered",
            "officer",
            f"/actions/{query}",
            f"/bench/actions.json{query}",
            ACTIONS_FILTERED,
        ),
        Page("action", "officer", f"/actions/{action}/", f"/bench/actions/{action}.json", ACTION),
        Page("home", "officer", "/", "/bench/home.json", HOME),
        Page("home, manager", "manager", "/", "/bench/home.json", HOME + OVERVIEW),
        Page("home, member", "committee_member", "/", "/bench/home.json", PAPERS),
    ]


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ["BENCH_JSON_VIEWS"] = "true"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))  # this run's own, thrown away
    os.environ.setdefault("STATIC_ROOT", str(ROOT / "staticfiles"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to the PostgreSQL database of the generated volume.")
    call_command("collectstatic", interactive=False, verbosity=0)  # hashed names, as deployed


def people(dfe_code):
    """The authority's first officer, manager and committee member, its plan and the action of
    the officer's with the most updates."""
    from django.db.models import Count

    from authorities.models import Membership
    from improvement.models import Action

    members = Membership.objects.filter(authority__dfe_code=dfe_code).select_related(
        "user", "authority"
    )
    by_role = {}
    for membership in members.order_by("user__username"):
        by_role.setdefault(membership.role, membership)
    officer = by_role["officer"]
    plan = officer.authority.plans.order_by("pk").first()
    action = (
        Action.objects.filter(plan=plan, lead_officer=officer.user)
        .annotate(n=Count("updates"))
        .order_by("-n", "pk")
        .first()
    )
    users = {role: m.user for role, m in by_role.items()}
    return users, {"plan": plan.pk, "action": action.pk, "authority": plan.authority_id}


class Floor:
    """The hand-written statements, on a psycopg2 connection of their own."""

    def __init__(self, settings):
        import psycopg2

        db = settings.DATABASES["default"]
        self.connection = psycopg2.connect(
            dbname=db["NAME"],
            user=db["USER"],
            password=db["PASSWORD"],
            host=db["HOST"],
            port=db["PORT"] or None,
        )
        self.connection.autocommit = True

    def run(self, statements, params):
        rows = 0
        with self.connection.cursor() as cursor:
            for statement in [SESSION, USER, MEMBERSHIPS, *statements]:
                cursor.execute(statement, params)
                rows += len(cursor.fetchall())
        return rows


def params_for(client, user, ids):
    from django.conf import settings
    from django.utils import timezone

    from authorities.models import Membership

    roles = dict(Membership.objects.filter(user=user).values_list("authority_id", "role"))
    return {
        **ids,
        "session": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "user": user.pk,
        "authorities": list(roles),
        "managed": [pk for pk, role in roles.items() if role in ("manager", "admin")],
        "today": timezone.localdate(),
    }


def timed(call):
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def get(client, url):
    response = client.get(url, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, (url, response.status_code)
    return response


def query_count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        get(client, url)
    return len(captured)


def measure(page, client, floor, params, runs, fastest):
    get(client, page.url), get(client, page.json_url), floor.run(page.statements, params)  # warm
    times = {"page": [], "json": [], "floor": []}
    for _ in range(runs):
        times["page"].append(timed(lambda: get(client, page.url)))
        times["json"].append(timed(lambda: get(client, page.json_url)))
        times["floor"].append(timed(lambda: floor.run(page.statements, params)))
    statistic = min if fastest else statistics.median
    took = {key: statistic(values) * 1000 for key, values in times.items()}
    counts = {
        "page": query_count(client, page.url),
        "json": query_count(client, page.json_url),
        "floor": len(page.statements) + 3,
    }
    return took, counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--authority", default="856", help="DfE code (default: Leicester)")
    parser.add_argument(
        "--fastest",
        action="store_true",
        help="The fastest of the runs rather than the median: on a machine busy with other work, "
        "what each costs when it gets a core.",
    )
    args = parser.parse_args()
    setup_django()
    from django.conf import settings
    from django.test import Client

    users, ids = people(args.authority)
    floor = Floor(settings)
    clients = {}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    which = "fastest" if args.fastest else "median"
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"Pages against their JSON views and their SQL floors ({which} of {args.runs}, ms)")
    print(f"(load average {load} on {os.cpu_count()} cores)")
    print(
        f"{'page':<19}{'page':>8}{'JSON':>8}{'floor':>8}{'/JSON':>7}{'/floor':>8}"
        f"   queries: page JSON floor"
    )
    worst, over = 0.0, []
    for page in pages(ids):
        client = clients[page.role]
        params = params_for(client, users[page.role], ids)
        took, counts = measure(page, client, floor, params, args.runs, args.fastest)
        ratio = took["page"] / took["floor"]
        worst = max(worst, ratio)
        if counts["page"] > counts["floor"]:
            over.append(page.name)
        print(
            f"{page.name:<19}{took['page']:>8.1f}{took['json']:>8.1f}{took['floor']:>8.1f}"
            f"{took['page'] / took['json']:>6.1f}x{ratio:>7.1f}x"
            f"   {counts['page']:>13}{counts['json']:>5}{counts['floor']:>6}"
        )
    print(f"worst page/floor: {worst:.1f}x (target: within {TARGET:.0f}x)", end="")
    print(f"; more queries than the floor: {', '.join(over)}" if over else "")
    return 0 if worst <= TARGET and not over else 1


if __name__ == "__main__":
    sys.exit(main())
