"""Benchmark: the CPU one sign-in costs in checking its password, by hasher.

    .venv/bin/python bench/sign_in.py [--runs 10]

Checks a password hashed by each hasher (the service's, core/hashers.py; PBKDF2 as Django 5.2
hashes it, which the service used before; Django's own Argon2 defaults), median CPU time of the
process over --runs, and prints what that means for a machine's cores: sign-ins a second, and how
long the last of fifty people arriving at once waits. Needs no database.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "volume-password-1"
ARRIVING = 50


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
    import django

    django.setup()


def cpu_per_check(hasher, runs):
    encoded = hasher.encode(PASSWORD, hasher.salt())
    times = []
    for _ in range(runs):
        start = time.process_time()
        assert hasher.verify(PASSWORD, encoded)
        times.append(time.process_time() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    setup_django()
    from django.contrib.auth import hashers

    from core.hashers import Argon2PasswordHasher

    cores = os.cpu_count() or 1
    candidates = [
        ("Argon2id, 19 MiB, t=2, p=1 (the service's)", Argon2PasswordHasher()),
        ("PBKDF2-SHA256, 1,000,000 iterations (before)", hashers.PBKDF2PasswordHasher()),
        ("Argon2id, Django's defaults (100 MiB, t=2, p=8)", hashers.Argon2PasswordHasher()),
    ]
    print(f"CPU to check one password (median of {args.runs}; {cores} cores)")
    for name, hasher in candidates:
        cpu = cpu_per_check(hasher, args.runs)
        print(
            f"  {name:<48} {cpu * 1000:7.1f} ms   {cores / cpu:6.1f} sign-ins/s, "
            f"the {ARRIVING}th of {ARRIVING} arriving at once waits {ARRIVING * cpu / cores:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
