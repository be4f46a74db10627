"""Rows many tests only read, built once per test module instead of once per test.

A fixture named ``kept_<what>`` (module scope) builds its rows inside a transaction and rolls them
back when the module's tests are done: pytest-django's way of sharing set-up between tests. Each
test still runs in a savepoint of its own inside that transaction, so what a test writes is rolled
back before the next test and every test starts from the same rows. The function-scoped fixtures
tests ask for (``seeds``, ``reports``, ``authorities``, ...) depend on their ``kept_`` fixture.

Two rules keep a test from seeing rows it did not ask for (``in_kept_order`` checks them):
- within a module, tests run in order of the kept rows they use (none first, then the fewest), and
  each test's kept rows include those of the tests before it: rows kept for some tests are not
  there yet for the module's others;
- a transactional test (``transaction=True``, ``live_server``) is not in a module that keeps rows:
  it commits, and its database is emptied after it. It builds its own rows (tests/browser/);
- a transactional test asks for ``serialized_rollback=True``: emptied without it, the database gets
  the content types and permissions back from a post_migrate signal, and the next test on the same
  worker that reloads the migrations' rows fails on them (which test runs next depends on xdist).
"""

import itertools

import pytest
from django.db import transaction

PREFIX = "kept_"


def keep(django_db_blocker, build):
    """A kept_ fixture's body: build the rows, hand over what `build` returns, roll them back.

    The database is unblocked only to build and to roll back, so a module's tests that do not ask
    for the database still cannot reach it."""
    with django_db_blocker.unblock():
        kept = transaction.atomic()
        kept.__enter__()
    try:
        with django_db_blocker.unblock():
            value = build()
        yield value
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            kept.__exit__(None, None, None)


def kept_by(item):
    return frozenset(name for name in item.fixturenames if name.startswith(PREFIX))


def is_transactional(item):
    """As pytest-django decides it (its _django_db_helper)."""
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(item.fixturenames)
    )


def serialized(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("serialized_rollback"))


def in_kept_order(items):
    """The items, each module's tests in order of the kept rows they use; refused when a test
    would see rows it did not ask for."""
    modules = {}
    for item in items:
        modules.setdefault(item.path, []).append(item)
    for module, tests in modules.items():
        check(module, tests)
    # pytest-django has put each module's database tests side by side: order them within that run.
    ordered = []
    for _, run in itertools.groupby(items, key=lambda item: item.path):
        ordered.extend(sorted(run, key=lambda item: len(kept_by(item))))
    return ordered


def check(module, tests):
    unserialized = [test.name for test in tests if is_transactional(test) and not serialized(test)]
    if unserialized:
        raise pytest.UsageError(
            f"{module}: the transactional tests {unserialized} need serialized_rollback=True"
            " (tests/kept.py)."
        )
    keeping = sorted((test for test in tests if kept_by(test)), key=lambda test: len(kept_by(test)))
    for before, after in itertools.pairwise(keeping):
        if not kept_by(before) <= kept_by(after):
            raise pytest.UsageError(
                f"{module}: {after.name} would see the rows {sorted(kept_by(before))} keeps for"
                f" {before.name}; move one of them to a module of its own (tests/kept.py)."
            )
    transactional = [test.name for test in tests if is_transactional(test)]
    if keeping and transactional:
        raise pytest.UsageError(
            f"{module}: the transactional tests {transactional} cannot share a module with tests"
            " that keep rows in a transaction (tests/kept.py); move them to a module of their own."
        )
