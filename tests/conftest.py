import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command


def pytest_configure(config):
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


def pytest_collection_modifyitems(config, items):
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


@pytest.fixture
def seeds(db):
    """The demo data typed in from the council papers (fixtures/)."""
    call_command("loaddata", "authorities", "seeds", verbosity=0)
