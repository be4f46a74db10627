"""Single sign-on with the council's OpenID Connect provider (Entra ID, or any standard one).

mozilla-django-oidc starts the sign-in (state, nonce and PKCE, authorities/views.py) and fetches
the tokens and the provider's signing keys; what it leaves unchecked is checked here: the ID token
is RS256, signed by a key the provider publishes, issued by the configured issuer to this client
(`aud`, and `azp` when there are several audiences), in date (`exp`, `iat`), for this sign-in
(`nonce`) and, with OIDC_ALLOWED_TENANTS, from an allowed directory (`tid`). Then
authorities/accounts.py finds the person. Off unless OIDC_ISSUER and OIDC_CLIENT_ID are set.
"""

import time

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from authorities.accounts import Refused, person_signing_in
from core.passwords import user_by_id

DISCOVERY_PATH = "/.well-known/openid-configuration"
DISCOVERY_SECONDS = 3600
ENTRA_TENANT = "{tenantid}"  # a multi-tenant Entra issuer, one per directory
REQUIRED = ["iss", "aud", "sub", "exp", "iat"]
_discovered = {}


class ProviderUnavailable(Exception):
    """The provider's discovery document could not be read or is not one we can use."""


def sso_enabled():
    return bool(settings.OIDC_ISSUER and settings.OIDC_RP_CLIENT_ID)


def provider():
    """The provider's discovery document, read at most once an hour per process."""
    issuer = settings.OIDC_ISSUER
    expires, document = _discovered.get(issuer, (0, None))
    if time.monotonic() < expires:
        return document
    try:
        response = requests.get(issuer + DISCOVERY_PATH, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProviderUnavailable(f"its discovery document could not be read ({error})") from error
    check_discovered(document, issuer)
    _discovered[issuer] = (time.monotonic() + DISCOVERY_SECONDS, document)
    return document


def check_discovered(document, issuer):
    missing = [
        key
        for key in ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
        if not isinstance(document.get(key), str)
    ]
    if missing:
        raise ProviderUnavailable(f"its discovery document has no {', '.join(missing)}")
    published = document["issuer"].rstrip("/")
    if ENTRA_TENANT in published:
        if not settings.OIDC_ALLOWED_TENANTS:
            raise ProviderUnavailable("it signs for any directory: set OIDC_ALLOWED_TENANTS")
    elif published != issuer:
        raise ProviderUnavailable(f"its discovery document names another issuer, {published}")


def forget_provider():
    """Read the discovery document afresh at the next sign-in (tests, a changed provider)."""
    _discovered.clear()


def expected_issuer(document, claims):
    return document["issuer"].rstrip("/").replace(ENTRA_TENANT, str(claims.get("tid", "")))


def checked_claims(id_token, key, document, nonce):
    """The ID token's claims, once every check has passed; Refused (saying which) otherwise."""
    client_id = settings.OIDC_RP_CLIENT_ID
    try:
        header = jwt.get_unverified_header(id_token)
        if header.get("alg") != settings.OIDC_RP_SIGN_ALGO:
            raise Refused(f"its ID token is signed with {header.get('alg')!r}, not RS256")
        claims = jwt.decode(
            id_token,
            key,
            algorithms=[settings.OIDC_RP_SIGN_ALGO],
            audience=client_id,
            leeway=settings.OIDC_CLOCK_LEEWAY_SECONDS,
            options={"require": REQUIRED},
        )
    except jwt.InvalidSignatureError as error:
        raise Refused("its ID token's signature does not match its contents") from error
    except jwt.ExpiredSignatureError as error:
        raise Refused("its ID token has expired") from error
    except jwt.InvalidAudienceError as error:
        raise Refused("its ID token was issued to another application") from error
    except jwt.ImmatureSignatureError as error:
        raise Refused("its ID token is dated in the future") from error
    except jwt.MissingRequiredClaimError as error:
        raise Refused(f"its ID token has no {error.claim!r} claim") from error
    except jwt.PyJWTError as error:
        raise Refused(f"its ID token could not be read ({error})") from error
    check_claims(claims, document, nonce)
    return claims


def check_claims(claims, document, nonce):
    """What PyJWT leaves: the issuer, the authorised party, the nonce and the directory."""
    client_id = settings.OIDC_RP_CLIENT_ID
    if claims["iss"] != expected_issuer(document, claims):
        raise Refused("its ID token was issued by another provider")
    several = isinstance(claims["aud"], list) and len(claims["aud"]) > 1
    if several and claims.get("azp") != client_id:
        raise Refused("its ID token was issued to another application")
    if claims.get("nonce") != nonce:
        raise Refused("its ID token answers another sign-in")
    allowed = settings.OIDC_ALLOWED_TENANTS
    if allowed and claims.get("tid") not in allowed:
        raise Refused("your council account's directory (tenant) may not sign in here")


class Backend(OIDCAuthenticationBackend):
    """The library's backend, read lazily: Django builds every backend at each password sign-in,
    when the provider may be unset or away. Only the callback signs in with it (sign_in);
    Django's authenticate() gets nothing from it, so no password form can start a code exchange.
    A session it began ends at the next request once the account here is switched off."""

    def __init__(self, *args, **kwargs):
        self.UserModel = get_user_model()

    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        user = user_by_id(user_id)
        return user if user is not None and user.is_active else None

    def sign_in(self, request, code, nonce, code_verifier):
        """The person the provider's code names, or Refused."""
        self.request = request
        document = provider()
        self.OIDC_OP_TOKEN_ENDPOINT = document["token_endpoint"]
        self.OIDC_OP_JWKS_ENDPOINT = document["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        id_token = self.id_token_for(code, code_verifier)
        try:
            key = self.retrieve_matching_jwk(id_token)
        except (SuspiciousOperation, requests.RequestException, jwt.PyJWTError, KeyError) as error:
            raise Refused(
                "its ID token is signed by a key the provider does not publish"
            ) from error
        claims = checked_claims(id_token, key, document, nonce)
        try:
            return person_signing_in(claims)
        except IntegrityError:
            # The same person's first sign-in in two tabs at once: the other linked them first.
            return person_signing_in(claims)

    def id_token_for(self, code, code_verifier):
        callback = reverse(settings.OIDC_AUTHENTICATION_CALLBACK_URL)
        payload = {
            "client_id": self.OIDC_RP_CLIENT_ID,
            "client_secret": self.OIDC_RP_CLIENT_SECRET,
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.request.build_absolute_uri(callback),
            "code_verifier": code_verifier,
        }
        try:
            tokens = self.get_token(payload)
        except (requests.RequestException, ValueError) as error:
            raise Refused("the sign-in provider did not confirm the sign-in") from error
        id_token = tokens.get("id_token") if isinstance(tokens, dict) else None
        if not isinstance(id_token, str):
            raise Refused("the sign-in provider sent no ID token")
        return id_token
