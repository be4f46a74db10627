import pytest
from django.core.management import call_command


@pytest.fixture
def seeds(db):
    """The demo data typed in from the council papers (fixtures/)."""
    call_command("loaddata", "authorities", "seeds", verbosity=0)
