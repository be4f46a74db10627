"""The test's hand on the provider's directory: people and registered applications, posted as
JSON with the key the test started the provider with."""

import json
import os

from django.contrib.auth.models import User
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from oauth2_provider.models import Application

from tests.sso.provider.models import Person


def from_the_test(view):
    @csrf_exempt
    def checked(request):
        if request.headers.get("X-Control-Key") != os.environ["PROVIDER_CONTROL_KEY"]:
            return HttpResponseForbidden()
        view(json.loads(request.body))
        return HttpResponse("ok")

    return checked


@from_the_test
def person(data):
    user, _ = User.objects.get_or_create(username=data["username"])
    user.email = data.get("email", "")
    user.first_name, user.last_name = data.get("given_name", ""), data.get("family_name", "")
    user.is_active = data.get("is_active", True)
    user.set_password(data["password"])
    user.save()
    Person.objects.update_or_create(
        user=user,
        defaults={
            "tenant": data.get("tenant", ""),
            "email_verified": data.get("email_verified", True),
            "groups": data.get("groups", []),
        },
    )


@from_the_test
def application(data):
    Application.objects.filter(client_id=data["client_id"]).delete()
    Application.objects.create(
        name=data["client_id"],
        client_id=data["client_id"],
        client_secret=data["client_secret"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=data["redirect_uri"],
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
