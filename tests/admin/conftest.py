import copy

import pytest

from tests.admin.world import admin_world
from tests.kept import keep


@pytest.fixture(scope="module")
def kept_admin_world(django_db_setup, django_db_blocker):
    yield from keep(django_db_blocker, admin_world)


@pytest.fixture
def world(kept_admin_world, db):
    """The access world with what the admin adds (tests/admin/world.py), kept for the module:
    each test gets its own copy of the objects."""
    return copy.deepcopy(kept_admin_world)
