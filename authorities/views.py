"""Signing in: the sign-in page, and the sign-in with a council account (authorities/oidc.py):
its start, the provider's answer, and the page of a person who has no role yet."""

import logging

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.generic import View
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from authorities.access import roles_of
from authorities.accounts import Refused
from authorities.oidc import Backend, ProviderUnavailable, provider, sso_enabled
from core.access import guarded, signed_in
from core.lockout import record_refused_sign_in

logger = logging.getLogger(__name__)
BACKEND = "authorities.oidc.Backend"


class SignInView(auth_views.LoginView):
    """Django's sign-in page, offering the council account when single sign-on is set up, and
    the password form only to superusers when local passwords are off."""

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "council_sign_in": sso_enabled(),
            "local_passwords": settings.LOCAL_PASSWORDS,
        }


class CouncilSignInStart(OIDCAuthenticationRequestView):
    """Sends the person to their council's sign-in, with a state, a nonce and a PKCE challenge
    kept in their session (the library's view, given the endpoint the provider publishes)."""

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)

    def get(self, request):
        if not sso_enabled():
            return redirect("login")
        try:
            self.OIDC_OP_AUTH_ENDPOINT = provider()["authorization_endpoint"]
        except ProviderUnavailable as error:
            return unavailable(request, error)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)


def council_sign_in_done(request):
    """The provider's answer: a code for this sign-in's state, exchanged for an ID token whose
    every check must pass; the person signed in, or sent back to sign in with the reason."""
    if not sso_enabled():
        return redirect("login")
    flows = request.session.get("oidc_states")
    state = request.GET.get("state", "")
    if not isinstance(flows, dict) or state not in flows:
        return refused(request, Refused("this sign-in was not started here, or was used already"))
    flow = flows.pop(state)
    request.session.modified = True
    if request.GET.get("error") or not request.GET.get("code"):
        said = request.GET.get("error_description") or request.GET.get("error") or "no code"
        return refused(request, Refused(f"the sign-in provider answered “{said[:200]}”"))
    try:
        user = Backend().sign_in(request, request.GET["code"], flow["nonce"], flow["code_verifier"])
    except ProviderUnavailable as error:
        return unavailable(request, error)
    except Refused as error:
        return refused(request, error)
    user.backend = BACKEND
    auth.login(request, user)
    if not roles_of(user) and not user.is_superuser:
        return redirect("signin:waiting")
    return redirect(request.session.pop("oidc_login_next", None) or settings.LOGIN_REDIRECT_URL)


def refused(request, error):
    record_refused_sign_in(request, error.who or "council account", str(error))
    messages.error(
        request,
        f"Signing in with your council account did not work: {error}. Try again, or ask your "
        "council's IT service desk.",
    )
    return redirect("login")


def unavailable(request, error):
    logger.error(
        "Council sign-in is unavailable: the provider at %s: %s", settings.OIDC_ISSUER, error
    )
    return render(request, "registration/council_sign_in_unavailable.html", status=503)


@login_required
@guarded(signed_in)
def waiting_for_a_role(request):
    """A person signed in with their council account whom no admin has given a role yet."""
    if roles_of(request.user) or request.user.is_superuser:
        return redirect("home")
    return render(request, "registration/waiting_for_a_role.html")
