"""Load test: 50 officers and committee members for 60 s against gunicorn and PostgreSQL; or, with
--capacity, as many as one machine serves.

One command (see bench/README.md) prepares the database at the generated volume if it has no plans
(every authority: `manage.py generate_volume`), collects the static files, starts gunicorn on
loopback with --workers sync workers and the bench's JSON views on, then runs Locust in this
process: each simulated person logs in, then browses home, plans, the filtered and sorted actions
table and actions, downloads the actions spreadsheet and (officers) adds progress updates to the
actions they lead. After each page it fetches the JSON view of the same rows, so the baselines are
measured under the same load. Prints requests, failures, median and 95th percentile per page,
throughput, and each page's median against its baseline's. Exits 1 on any failure.

With --capacity it measures instead how many people the machine serves: it starts --start people
and adds --step more every --step-seconds (each new person signs in before the step is
measured), browsing as above with the same reading pauses but without the JSON baselines, until
the 95th percentile of a step's requests passes --limit-ms or a request fails. It prints each
step and the most people served within the limit with no failure, and what that means for the
153 authorities' staff at a given share online at once.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_load .venv/bin/python bench/load_test.py
    DATABASE_URL=... .venv/bin/python bench/load_test.py --capacity
"""

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import secrets  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402
from pathlib import Path  # noqa: E402

import gevent  # noqa: E402
from locust import HttpUser, between, events, task  # noqa: E402
from locust.env import Environment  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PASSWORD = "volume-password-1"
AUTHORITIES = 153
PAGES = ["home", "plan", "actions", "action", "download", "report PDF", "add update", "login"]
PEOPLE_SCRIPT = """
import json
from authorities.models import Membership
from improvement.models import Action
people = []
for m in Membership.objects.filter(role__in=["officer", "committee_member"]).select_related(
        "user").order_by("authority__name", "role", "user__username")[:400]:
    plan = m.authority.plans.order_by("pk").first()
    if plan is None:
        continue
    led = list(Action.objects.filter(lead_officer=m.user).values_list("pk", flat=True)[:20])
    some = list(plan.actions.order_by("?").values_list("pk", flat=True)[:20])
    people.append({"username": m.user.username, "role": m.role, "plan": plan.pk,
                   "led": led, "actions": some, "authority": m.authority_id})
from bench import final_reports
reports = final_reports.ensure({p["authority"] for p in people})
for person in people:
    person["report"] = reports.get(person.pop("authority"))
print(json.dumps(people))
"""


def manage(*args, env, capture=False):
    command = [PYTHON, str(ROOT / "manage.py"), *args]
    if capture:
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    subprocess.run(command, env=env, check=True)


def prepare(env, authorities):
    manage("migrate", "--noinput", "-v0", env=env)
    manage("createcachetable", env=env)
    has_plans = manage(
        "shell",
        "--no-imports",
        "-c",
        "from improvement.models import ImprovementPlan as P; print(P.objects.count())",
        env=env,
        capture=True,
    )
    if int(has_plans.strip()) == 0:
        print("Generating the volume (once; kept in this database for the next run)...", flush=True)
        manage("loaddata", "authorities", "-v0", env=env)
        extra = ["--authorities", str(authorities)] if authorities else []
        manage("generate_volume", *extra, env=env)
    # Fresh planner statistics, whoever filled the database (a second or so).
    shell = "from workspace.volume import refresh_statistics; refresh_statistics()"
    manage("shell", "--no-imports", "-c", shell, env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    people = json.loads(manage("shell", "--no-imports", "-c", PEOPLE_SCRIPT, env=env, capture=True))
    officers = [p for p in people if p["role"] == "officer" and p["led"]]
    members = [p for p in people if p["role"] == "committee_member"]
    return officers, members


def start_gunicorn(env, port, workers, preload=True):
    # gunicorn.conf.py: the app is loaded and warmed once, before the workers are forked;
    # --no-preload reads no configuration file, so each worker loads the app itself.
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "config.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            *([] if preload else ["--config", os.devnull]),
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not answer /health/ within 20 s")


class Person(HttpUser):
    abstract = True
    # A person reads a page for a few seconds before the next click.
    wait_time = between(3, 9)
    logged_in = 0
    go = False
    people = []
    # After each page the JSON view of the same rows, for the ratio; not in the capacity run.
    baselines = True

    def on_start(self):
        self.me = self.people.pop() if self.people else random.choice(self.all_people)
        self.client.get("/login/", name="login form")
        token = self.client.cookies.get("csrftoken")
        with self.client.post(
            "/login/",
            {"username": self.me["username"], "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login refused for {self.me['username']}")
        Person.logged_in += 1
        while not Person.go:  # browsing starts when everyone is in and the statistics are fresh
            gevent.sleep(0.2)
        # People do not all click at the same instant: each is part-way through reading a page.
        gevent.sleep(random.uniform(0, self.wait_time()))

    def page(self, name, url, baseline=None):
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
        if baseline and self.baselines:
            self.client.get(f"/bench/{baseline}", name=f"{name} (JSON)")

    @task(2)
    def home(self):
        self.page("home", "/", "home.json")

    @task(2)
    def plan(self):
        pk = self.me["plan"]
        self.page("plan", f"/plans/{pk}/", f"plans/{pk}.json")

    @task(3)
    def actions(self):
        query = f"?plan={self.me['plan']}&rag={random.choice(['red', 'amber', 'green'])}"
        query += f"&sort={random.choice(['-due_on', 'reference', 'lead'])}"
        self.page("actions", f"/actions/{query}", f"actions.json{query}")

    @task(4)
    def action(self):
        pk = random.choice(self.me["actions"])
        self.page("action", f"/actions/{pk}/", f"actions/{pk}.json")

    @task(1)
    def download(self):
        query = f"?plan={self.me['plan']}"
        self.page("download", f"/actions/actions.xlsx{query}", f"export.json{query}")

    @task(1)
    def report(self):
        # The committee's paper, finalised: its PDF was rendered once and is read from storage.
        pk = self.me["report"]
        self.page("report PDF", f"/reports/{pk}/pdf/", f"reports/{pk}.json")


class Officer(Person):
    weight = 7

    @task(1)
    def add_update(self):
        pk = random.choice(self.me["led"])
        self.client.get(f"/actions/{pk}/update/", name="update form")
        data = {
            "rag": random.choice(["red", "amber", "green"]),
            "narrative": "Audit of twenty cases complete; findings go to the board.",
            "reported_on": "",
            "csrfmiddlewaretoken": self.client.cookies.get("csrftoken"),
        }
        with self.client.post(
            f"/actions/{pk}/update/",
            data,
            name="add update",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"update not added: {response.status_code}")


class CommitteeMember(Person):
    weight = 3


def log_everyone_in(environment, runner, users):
    """Start everyone and wait for their logins (password hashing is slow by design, once a day
    for a person); the measured minute then starts from fresh statistics. Returns the logins'."""
    runner.start(users, spawn_rate=users / 10)
    deadline = time.monotonic() + 300
    while Person.logged_in < users and time.monotonic() < deadline:
        gevent.sleep(0.5)
    entry = environment.stats.get("login", "POST")
    logins = (
        entry.num_requests,
        entry.num_failures,
        entry.median_response_time,
        entry.get_response_time_percentile(0.95),
    )
    environment.stats.reset_all()
    Person.go = True
    return logins


def report(environment, seconds, workers, users, logins):
    stats = environment.stats
    print(f"\n{users} users for {seconds} s against gunicorn ({workers} sync workers), PostgreSQL")
    print(
        f"logins before the minute: {logins[0]}, failures {logins[1]}, "
        f"median {logins[2]:.0f} ms, p95 {logins[3]:.0f} ms (password hashing)"
    )
    print(
        f"{'page':<14}{'requests':>9}{'failures':>9}{'median':>9}{'p95':>9}"
        f"{'JSON med':>10}{'ratio':>7}"
    )
    worst = 0.0
    for name in PAGES:
        entry = stats.get(name, "POST" if name in ("login", "add update") else "GET")
        if not entry.num_requests:
            continue
        line = (
            f"{name:<14}{entry.num_requests:>9}{entry.num_failures:>9}"
            f"{entry.median_response_time:>7.0f}ms"
            f"{entry.get_response_time_percentile(0.95):>7.0f}ms"
        )
        json_entry = stats.get(f"{name} (JSON)", "GET")
        if json_entry.num_requests:
            ratio = entry.median_response_time / max(json_entry.median_response_time, 1)
            worst = max(worst, ratio)
            line += f"{json_entry.median_response_time:>8.0f}ms{ratio:>6.1f}x"
        print(line)
    total = stats.total
    print(
        f"all requests: {total.num_requests}, failures {total.num_failures}, "
        f"median {total.median_response_time:.0f} ms, "
        f"p95 {total.get_response_time_percentile(0.95):.0f} ms, "
        f"throughput {total.num_requests / seconds:.1f} requests/s"
    )
    for error in stats.errors.values():
        print(f"  failure: {error.method} {error.name}: {error.error} ({error.occurrences}x)")
    return total.num_failures


def step_figures(stats, seconds):
    total = stats.total
    return {
        "requests": total.num_requests,
        "failures": total.num_failures,
        "median": total.median_response_time,
        "p95": total.get_response_time_percentile(0.95),
        "rate": total.num_requests / seconds,
    }


def ramp(environment, runner, args):
    """Add people step by step until the 95th percentile passes the limit or a request fails;
    returns each step's figures."""
    steps = []
    print(f"{'people':>7}{'requests':>10}{'failures':>9}{'median':>9}{'p95':>8}{'req/s':>8}")
    users = args.start
    while users <= args.max_users:
        runner.start(users, spawn_rate=max(args.step / 5, 1))
        deadline = time.monotonic() + 600
        while Person.logged_in < users and time.monotonic() < deadline:
            gevent.sleep(0.5)
        environment.stats.reset_all()  # the step's own minute: signing in is not browsing
        gevent.sleep(args.step_seconds)
        step = {"people": users, **step_figures(environment.stats, args.step_seconds)}
        steps.append(step)
        print(
            f"{users:>7}{step['requests']:>10}{step['failures']:>9}{step['median']:>7.0f}ms"
            f"{step['p95']:>6.0f}ms{step['rate']:>8.1f}",
            flush=True,
        )
        if step["p95"] > args.limit_ms or step["failures"]:
            break
        users += args.step
    runner.quit()
    return steps


def capacity_report(steps, args):
    served = [s for s in steps if s["p95"] <= args.limit_ms and not s["failures"]]
    people = served[-1]["people"] if served else 0
    print(
        f"\nserved: {people} people browsing with reading pauses, p95 within {args.limit_ms} ms "
        f"and no failure ({args.workers} sync workers, this machine)"
    )
    if people:
        staff = AUTHORITIES * args.staff
        online = staff * args.online
        machines = -(-online // people)
        print(
            f"{AUTHORITIES} authorities x {args.staff} staff = {staff:,} people; "
            f"{args.online:.0%} online at once = {online:,.0f}: {machines:.0f} machine(s) "
            f"like this one, against one PostgreSQL"
        )
    return people


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--authorities", type=int, default=0, help="Default: all of them.")
    parser.add_argument(
        "--no-preload", action="store_true", help="Each worker loads the app (no gunicorn.conf.py)."
    )
    capacity = parser.add_argument_group("capacity run")
    capacity.add_argument("--capacity", action="store_true", help="Ramp people up instead.")
    capacity.add_argument("--start", type=int, default=25)
    capacity.add_argument("--step", type=int, default=25)
    capacity.add_argument("--step-seconds", type=int, default=60)
    capacity.add_argument("--max-users", type=int, default=1000)
    capacity.add_argument("--limit-ms", type=int, default=300)
    capacity.add_argument("--staff", type=int, default=50, help="People per authority.")
    capacity.add_argument("--online", type=float, default=0.1, help="Share online at once.")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database of its own: it is filled with data.")
    env = {
        **os.environ,
        "BENCH_JSON_VIEWS": "true",
        "DEBUG": "false",
        # A throwaway key for this run's own server, unless one is given.
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "SECURE_COOKIES": "false",
        "STATIC_ROOT": str(ROOT / "staticfiles"),
        "LOG_LEVEL": "WARNING",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    officers, members = prepare(env, args.authorities)
    users = args.max_users if args.capacity else args.users
    share = users * Officer.weight // (Officer.weight + CommitteeMember.weight)
    Officer.people, CommitteeMember.people = officers[:share], members[: users - share]
    Officer.all_people, CommitteeMember.all_people = officers, members
    server = start_gunicorn(env, args.port, args.workers, preload=not args.no_preload)
    try:
        environment = Environment(
            user_classes=[Officer, CommitteeMember],
            host=f"http://127.0.0.1:{args.port}",
            events=events,
        )
        runner = environment.create_local_runner()
        if args.capacity:
            Person.go, Person.baselines = True, False
            print(f"\nCapacity: people added {args.step} at a time, {args.step_seconds} s each")
            return 0 if capacity_report(ramp(environment, runner, args), args) else 1
        logins = log_everyone_in(environment, runner, args.users)
        gevent.spawn_later(args.seconds, runner.quit)
        runner.greenlet.join()
        failures = report(environment, args.seconds, args.workers, args.users, logins)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
