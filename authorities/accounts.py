"""Who a council account is here: the person it was linked to, or the person with its verified
email address, or a new person with no role.

A council account (its issuer and subject, the `iss` and `sub` claims) is linked to one account
here at its first sign-in and found by that link ever after, whatever its email becomes. The
first time, an account here is matched by email only when the provider vouches for the address:
`email_verified` true (the OpenID Connect standard), or Entra ID's `xms_edov` true (the address's
domain is one the council's directory owns; Entra sends no `email_verified`). An address the
provider does not vouch for matches nobody, and is not kept: anyone may type any address into
some providers. A superuser's account is never matched (it is the break-glass account, signed in
with its password), nor one already linked to another council account of the same provider.
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from authorities.group_roles import sync_group_roles
from authorities.models import SignInIdentity

logger = logging.getLogger(__name__)
TRUE = (True, "true", "True", "1", 1)


class Refused(Exception):
    """A sign-in with a council account refused; the message says why, in words for the person,
    and `who` names the account here when it is known."""

    def __init__(self, reason, who=""):
        super().__init__(reason)
        self.who = who


def email_is_verified(claims):
    return bool(claims.get("email")) and (
        claims.get("email_verified") in TRUE or claims.get("xms_edov") in TRUE
    )


@transaction.atomic
def person_signing_in(claims):
    """The account here of the person the checked ID token's claims name, found, matched or
    created, with their names and group roles brought up to date."""
    identity = (
        SignInIdentity.objects.select_related("user")
        .filter(issuer=claims["iss"], subject=claims["sub"])
        .first()
    )
    if identity is None:
        user = matched_by_email(claims) or new_person(claims)
        identity = SignInIdentity(user=user, issuer=claims["iss"], subject=claims["sub"])
    user = identity.user
    if not user.is_active:
        raise Refused("your account on this service is switched off", user.get_username())
    identity.tenant = claims.get("tid", "")
    identity.last_signed_in = timezone.now()
    identity.save()
    update_person(user, claims)
    groups = groups_in(claims)
    if groups is not None:
        sync_group_roles(user, groups)
    return user


def matched_by_email(claims):
    """The one account here with the token's email, if the provider vouches for the address."""
    if not email_is_verified(claims):
        return None
    candidates = list(
        get_user_model()
        .objects.filter(email__iexact=claims["email"], is_superuser=False)
        .exclude(sign_in_identities__issuer=claims["iss"])[:2]
    )
    if len(candidates) > 1:
        raise Refused(
            "more than one account on this service has your email address: ask your council's "
            "admin to remove the one you do not use"
        )
    return candidates[0] if candidates else None


def new_person(claims):
    """A new account with no role, until an admin of their authority gives them one (or their
    groups do)."""
    email = claims["email"] if email_is_verified(claims) else ""
    User = get_user_model()
    username = email.lower()
    if not username or User.objects.filter(username__iexact=username).exists():
        digest = hashlib.sha256(f"{claims['iss']} {claims['sub']}".encode()).hexdigest()
        username = f"sso-{digest[:16]}"
    user = User(username=username, email=email)
    user.set_unusable_password()
    set_names(user, claims)
    user.save()
    return user


def update_person(user, claims):
    """Names as the council's directory has them now; a verified email too."""
    before = (user.first_name, user.last_name, user.email)
    set_names(user, claims)
    if email_is_verified(claims):
        user.email = claims["email"]
    if (user.first_name, user.last_name, user.email) != before:
        user.save(update_fields=["first_name", "last_name", "email"])


def set_names(user, claims):
    given, family = claims.get("given_name", ""), claims.get("family_name", "")
    if not (given or family) and claims.get("name"):
        given, _, family = claims["name"].partition(" ")
    if given or family:
        user.first_name, user.last_name = given[:150], family[:150]


def groups_in(claims):
    """The person's groups, or None when groups give no roles here or the token cannot say (Entra
    ID sends a link instead of a list past 200 groups: then their roles are left as they were)."""
    name = settings.OIDC_GROUPS_CLAIM
    if not name:
        return None
    if name not in claims and name in claims.get("_claim_names", {}):
        logger.warning(
            "The ID token for %s lists no groups (too many): roles left as they were.",
            claims.get("sub"),
        )
        return None
    groups = claims.get(name) or []
    if isinstance(groups, str):
        groups = [groups]
    if not isinstance(groups, list):
        logger.warning("The ID token's %r claim is no list: roles left as they were.", name)
        return None
    return [str(group) for group in groups]
