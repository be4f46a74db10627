import copy

import pytest

from tests.api.world import api_world
from tests.kept import keep


@pytest.fixture(scope="module")
def kept_api_world(django_db_setup, django_db_blocker):
    yield from keep(django_db_blocker, api_world)


@pytest.fixture
def world(kept_api_world, db):
    """The API's two-authority world (tests/api/world.py), kept for the module: each test gets
    its own copy of the objects."""
    return copy.deepcopy(kept_api_world)
