"""A person's browser going through a sign-in with their council account: this app through
Django's test client, the provider over HTTP with a requests session (its cookies, its login)."""

import base64
import hashlib
import re
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import requests
from django.test import Client

from tests.sso.conftest import TENANT

PASSWORD = "a council password 7Q"


@dataclass
class CouncilPerson:
    """A person in the provider's directory."""

    username: str
    email: str
    given_name: str = "Jo"
    family_name: str = "Bloggs"
    email_verified: bool = True
    tenant: str = TENANT
    groups: tuple = ()
    is_active: bool = True

    def save_at(self, provider):
        provider.control(
            "person", **{**self.__dict__, "groups": list(self.groups), "password": PASSWORD}
        )
        return self


class Browser:
    """One person's browser: a session at this app and one at the provider."""

    def __init__(self, provider):
        self.provider = provider
        self.app = Client()
        self.at_provider = requests.Session()

    def start(self, next_page=""):
        """This app's sign-in start: the provider's authorization address it sends us to."""
        query = f"?next={next_page}" if next_page else ""
        response = self.app.get(f"/sign-in/start/{query}")
        assert response.status_code == 302, response
        return response["Location"]

    def authorize(self, address, person=None):
        """At the provider: signed in there (as `person`, if asked to sign in), the address it
        sends the browser back to; or None when it keeps the browser (it refused)."""
        response = self.at_provider.get(address, allow_redirects=False)
        if is_provider_login(response) and person is not None:
            response = self.sign_in_at_provider(response.headers["Location"], person)
        if response.status_code != 302 or is_provider_login(response):
            return None
        return response.headers["Location"]

    def sign_in_at_provider(self, login_address, person):
        page = self.at_provider.get(self.provider.url + login_address)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        response = self.at_provider.post(
            page.url,
            data={"username": person.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            allow_redirects=False,
        )
        if response.status_code != 302:
            return response  # the provider's login refused: its page again
        return self.at_provider.get(
            self.provider.url + response.headers["Location"], allow_redirects=False
        )

    def come_back(self, address):
        """The provider's answer, delivered to this app's callback."""
        parts = urlsplit(address)
        assert f"{parts.scheme}://{parts.netloc}" == "http://testserver", address
        return self.app.get(parts.path, parse_qs(parts.query))

    def sign_in(self, person, next_page=""):
        """The whole sign-in: this app's answer at its callback (or None if the provider kept the
        browser)."""
        back = self.authorize(self.start(next_page), person)
        return None if back is None else self.come_back(back)

    def signed_in_user_id(self):
        return self.app.session.get("_auth_user_id")


def is_provider_login(response):
    return response.status_code == 302 and response.headers["Location"].startswith("/login/")


def query_of(address):
    return {key: values[0] for key, values in parse_qs(urlsplit(address).query).items()}


def token_for_another_application(browser, nonce):
    """An ID token the same provider issued to another application ("other-app"), for the same
    person and nonce: what a site the person also uses could replay to this one."""
    provider = browser.provider
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    query = {
        "response_type": "code",
        "client_id": "other-app",
        "redirect_uri": "http://other.example/callback/",
        "scope": "openid email profile",
        "state": "theirs",
        "nonce": nonce,
        "code_challenge": challenge.decode().rstrip("="),
        "code_challenge_method": "S256",
    }
    back = browser.authorize(f"{provider.issuer}/authorize/?{urlencode(query)}")
    answer = requests.post(
        f"{provider.issuer}/token/",
        data={
            "grant_type": "authorization_code",
            "code": query_of(back)["code"],
            "redirect_uri": query["redirect_uri"],
            "client_id": "other-app",
            "client_secret": provider.other_secret,
            "code_verifier": verifier,
        },
    )
    answer.raise_for_status()
    return answer.json()["id_token"]
