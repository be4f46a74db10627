"""Benchmark: a new gunicorn worker's first page against its warm pages, with and without the
app preloaded and warmed by the master process (gunicorn.conf.py, config/warm.py).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_load .venv/bin/python bench/first_page.py

On a database holding the generated volume (bench/load_test.py makes it), as the first officer of
the authority with DfE code --authority: starts gunicorn with one worker, waits --boot seconds for
the worker to start, then times the plan page from the first request on (--runs in all), and does
the same again with the worker started the other way. Prints each way's first page and the
median of the rest.
"""

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WAYS = {
    "the worker imports the app": ["--config", os.devnull],  # gunicorn.conf.py not read
    "preloaded and warmed (gunicorn.conf.py)": [],
}


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def signed_in(dfe_code):
    """A session of the authority's first officer, as a cookie, and their plan's page."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from authorities.models import Membership

    member = (
        Membership.objects.filter(authority__dfe_code=dfe_code, role="officer")
        .select_related("user", "authority")
        .order_by("user__username")
        .first()
    )
    session = SessionStore()
    session[SESSION_KEY] = str(member.user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = member.user.get_session_auth_hash()
    session.create()
    plan = member.authority.plans.order_by("pk").first()
    return f"sessionid={session.session_key}", f"/plans/{plan.pk}/"


def timed_pages(args, env, way, cookie, page):
    server = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "config.wsgi", "--workers", "1"]
        + ["--bind", f"127.0.0.1:{args.port}", "--log-level", "warning", *WAYS[way]],
        cwd=ROOT,
        env=env,
    )
    try:
        time.sleep(args.boot)
        times = []
        for _ in range(args.runs):
            request = urllib.request.Request(
                f"http://127.0.0.1:{args.port}{page}", headers={"Cookie": cookie}
            )
            start = time.perf_counter()
            with urllib.request.urlopen(request, timeout=30) as response:
                assert response.status == 200, response.status
                response.read()
            times.append(time.perf_counter() - start)
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--authority", default="856", help="DfE code (default: Leicester)")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--boot", type=float, default=8.0)
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    secret = os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50)
    os.environ["SECRET_KEY"] = secret  # the session's hash and the server's must agree
    env = {**os.environ, "DEBUG": "false", "SECURE_COOKIES": "false", "LOG_LEVEL": "WARNING"}
    env.setdefault("STATIC_ROOT", str(ROOT / "staticfiles"))
    os.environ["STATIC_ROOT"] = env["STATIC_ROOT"]
    setup_django()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    cookie, page = signed_in(args.authority)
    print(f"A new worker's {page} (1 worker; first request, then the median of the next)")
    for way in WAYS:
        first, *warm = timed_pages(args, env, way, cookie, page)
        print(
            f"  {way:<42} first {first * 1000:6.0f} ms, warm {statistics.median(warm) * 1000:5.0f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
