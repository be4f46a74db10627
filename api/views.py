"""The page where a signed-in person makes, lists and revokes their personal API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from api.forms import TokenForm
from api.models import ApiToken
from api.permissions import may_revoke_token
from api.tokens import create_token, revoke, unrevoked_tokens
from core.access import guarded, require, signed_in


@login_required
@require_http_methods(["GET", "POST"])
@guarded(signed_in)
def token_list(request):
    """A new token's secret is shown in the answer to the POST that made it, once: a redirect
    would have to keep the secret somewhere (the session) until the next page."""
    form = TokenForm(request.POST or None)
    context = {"form": form, "tokens": unrevoked_tokens(request.user)}
    if request.method == "POST" and form.is_valid():
        token, secret = create_token(request.user, **form.cleaned_data)
        context.update(form=TokenForm(), new_token=token, secret=secret)
    return render(request, "api/token_list.html", context)


@login_required
@require_POST
@guarded(may_revoke_token)
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    require(request, token)
    revoke(token)
    messages.success(request, f"The token “{token.name}” was revoked: it no longer works.")
    return redirect("api_tokens:list")
