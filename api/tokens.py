"""Making, checking and revoking personal API tokens.

A token is "ipt_" and 43 characters of `secrets.token_urlsafe(32)`: 256 random bits. Only its
sha256 digest is stored. A slow password hash (PBKDF2, Argon2) protects secrets people choose and
reuse; a random secret of this length cannot be guessed from its digest, and a plain sha256 lets
each request find its token by one indexed lookup instead of hashing against every token.

A token answers for its owner only while the owner is active and the token is neither revoked nor
expired; what it may read is decided afresh at each request from the owner's memberships then.
"""

import datetime
import hashlib
import secrets

from django.utils import timezone

from api.models import ApiToken

PREFIX = "ipt_"
SHOWN = 8  # characters of the secret kept in the clear, after PREFIX, to tell tokens apart
# last_used_at is written at most this often per token: not one write for every request.
LAST_USED_EVERY = datetime.timedelta(minutes=1)
LIFETIMES = {30: "30 days", 90: "90 days", 365: "1 year"}


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(user, name: str, days: int) -> tuple[ApiToken, str]:
    """A new token of the user's, and its secret: the only time the secret is known."""
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=secret[: len(PREFIX) + SHOWN],
        digest=digest_of(secret),
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    return token, secret


def user_for(secret: str):
    """The active owner of a live token with this secret, or None; notes when it was used."""
    if not secret.startswith(PREFIX):
        return None
    token = ApiToken.objects.select_related("user").filter(digest=digest_of(secret)).first()
    now = timezone.now()
    if token is None or not token.is_live(now) or not token.user.is_active:
        return None
    if token.last_used_at is None or token.last_used_at < now - LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.user.api_token = token
    return token.user


def unrevoked_tokens(user):
    """The user's tokens not revoked (expired ones too, so they can tell why one stopped)."""
    return user.api_tokens.filter(revoked_at__isnull=True)


def revoke(token: ApiToken) -> None:
    """The token stops working at once; revoking it again changes nothing."""
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
