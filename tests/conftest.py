import pytest
from django.conf import settings
from django.core.management import call_command


def pytest_configure(config):
    # Hashing passwords the production way costs most of a test's time; tests need no strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def seeds(db):
    """The demo data typed in from the council papers (fixtures/)."""
    call_command("loaddata", "authorities", "seeds", verbosity=0)
