"""The sign-in provider the tests start: tests/sso/provider/, in a process of its own."""

import os
import secrets
import select
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings
from django.test import override_settings

from authorities.oidc import forget_provider

CALLBACK = "http://testserver/sign-in/callback/"
TENANT = "9b3c2f1e-tenant-gateshead"
STARTED_WITHIN = 60  # seconds: a migration of a new SQLite file, on a busy machine


def rsa_key_pem():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def started(process, errors):
    ready, _, _ = select.select([process.stdout], [], [], STARTED_WITHIN)
    line = process.stdout.readline() if ready else ""
    if not line.startswith("READY "):
        process.kill()
        errors.seek(0)
        raise RuntimeError(f"The test provider did not start: {line!r} {errors.read()[-3000:]}")
    return int(line.split()[1])


@pytest.fixture(scope="session")
def provider():
    """A running OpenID Connect provider with this app registered (client "tracker") and a second
    application ("other-app") of the same provider."""
    directory = tempfile.mkdtemp(prefix="tracker-test-provider-")
    control_key = secrets.token_urlsafe(16)
    env = {
        **os.environ,
        "PROVIDER_DATABASE": str(Path(directory) / "provider.sqlite3"),
        "PROVIDER_RSA_KEY": rsa_key_pem(),
        "PROVIDER_CONTROL_KEY": control_key,
    }
    errors = tempfile.TemporaryFile("w+")  # noqa: SIM115  (open while the provider runs)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.sso.provider.serve"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
    )
    try:
        port = started(process, errors)
        url = f"http://127.0.0.1:{port}"

        def control(what, **data):
            answer = requests.post(
                f"{url}/control/{what}/", json=data, headers={"X-Control-Key": control_key}
            )
            answer.raise_for_status()

        side = SimpleNamespace(url=url, issuer=f"{url}/o", control=control)
        side.secret, side.other_secret = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        control(
            "application", client_id="tracker", client_secret=side.secret, redirect_uri=CALLBACK
        )
        control(
            "application",
            client_id="other-app",
            client_secret=side.other_secret,
            redirect_uri="http://other.example/callback/",
        )
        yield side
    finally:
        process.terminate()
        process.wait(timeout=10)
        errors.close()
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def council_sign_in(provider, db):
    """This app with single sign-on set up against the test provider, for one tenant."""
    forget_provider()
    with override_settings(
        OIDC_ISSUER=provider.issuer,
        OIDC_RP_CLIENT_ID="tracker",
        OIDC_RP_CLIENT_SECRET=provider.secret,
        OIDC_ALLOWED_TENANTS=[TENANT],
        OIDC_GROUPS_CLAIM="groups",
    ):
        yield provider
    forget_provider()
