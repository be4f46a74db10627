"""Passwords are hashed with Argon2id at OWASP's first cost, and a password hashed before with
PBKDF2 is hashed again with Argon2id when its owner next signs in."""

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, get_hasher
from django.urls import reverse

from config import settings as production
from tests import factories as f

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
ARGON2ID = "argon2$argon2id$v=19$m=19456,t=2,p=1$"


@pytest.fixture
def hashers(settings):
    # The tests' own hasher is MD5, for speed (tests/conftest.py); these are the service's.
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS


def sign_in(client, password=PASSWORD):
    return client.post(reverse("login"), {"username": "jo.officer", "password": password})


def test_the_service_hashes_with_argon2id_at_owasps_first_cost(hashers):
    hasher = get_hasher()
    assert (hasher.algorithm, hasher.memory_cost, hasher.time_cost) == ("argon2", 19_456, 2)
    assert hasher.encode(PASSWORD, hasher.salt()).startswith(ARGON2ID)


def test_a_pbkdf2_password_is_hashed_again_with_argon2id_at_the_next_sign_in(client, hashers):
    user = f.UserFactory(username="jo.officer")
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "salt1234salt", iterations=1000)
    user.save()
    assert sign_in(client, "wrong").status_code == 200
    user.refresh_from_db()
    assert user.password.startswith("pbkdf2_sha256$")  # a wrong password changes nothing
    assert sign_in(client).status_code == 302
    user.refresh_from_db()
    assert user.password.startswith(ARGON2ID)
    client.logout()
    assert sign_in(client).status_code == 302  # and the new hash signs in
