import copy
import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from hypothesis.configuration import set_hypothesis_home_dir

from tests.access import build_world
from tests.kept import in_kept_order, keep


def pytest_configure(config):
    # Hypothesis keeps caches in .hypothesis/ of the working directory: tests write nothing into
    # the checkout.
    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "hypothesis-tracker")
    # Files the tests store (evidence, report PDFs) go to a directory of this run's own, never into
    # the checkout's media/ (each xdist worker configures, so each has its own).
    settings.MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="tracker-test-media-"))
    # Hashing passwords the production way costs most of a test's time; tests need no strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tests render pages without running collectstatic first: no manifest of hashed names.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def pytest_unconfigure(config):
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # Last, after pytest-django's and pytest's own orderings, which in_kept_order keeps.
    deselect_postgres_tests(config, items)
    items[:] = in_kept_order(items)


def deselect_postgres_tests(config, items):
    """Tests marked `postgres` measure PostgreSQL itself (locks, EXPLAIN): collected only there."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    deselected = [item for item in items if item.get_closest_marker("postgres")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("postgres")]
        print(
            f"\n{len(deselected)} PostgreSQL tests not collected: DATABASE_URL is not PostgreSQL"
            " (set DATABASE_URL=postgres://... to run them)."
        )


@pytest.fixture(scope="module")
def kept_authorities(django_db_setup, django_db_blocker):
    yield from keep(django_db_blocker, lambda: call_command("loaddata", "authorities", verbosity=0))


@pytest.fixture(scope="module")
def kept_seeds(kept_authorities, django_db_blocker):
    yield from keep(django_db_blocker, lambda: call_command("loaddata", "seeds", verbosity=0))


@pytest.fixture
def authorities(kept_authorities, db):
    """England's regions and local authorities (fixtures/authorities.json), kept for the module."""


@pytest.fixture
def seeds(kept_seeds, db):
    """The demo data typed in from the council papers (fixtures/), with the authorities, kept for
    the module (tests/kept.py)."""


@pytest.fixture(scope="module")
def kept_world(django_db_setup, django_db_blocker):
    yield from keep(django_db_blocker, build_world)


@pytest.fixture
def world(kept_world, db):
    """The two-authority access world (tests/access.py), kept for the module: each test gets its
    own copy of the objects, as Django's TestCase does with setUpTestData."""
    return copy.deepcopy(kept_world)
