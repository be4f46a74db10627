"""Sign-in lockout, on django-axes: failures lock the pair of username and address
(AXES_LOCKOUT_PARAMETERS, LOGIN_FAILURE_LIMIT); one address across every username has a much
higher ceiling (LOGIN_ADDRESS_FAILURE_LIMIT), since behind a council's proxy one address is the
whole council. A lock lifts a cool-off after the last failure (AXES_COOLOFF_TIME)."""

import datetime
import logging

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render

from core.security import client_ip

logger = logging.getLogger(__name__)


class LockoutHandler(AxesDatabaseHandler):
    """Axes's database handler, with the address's own ceiling beside the pair's limit."""

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        if address_is_locked(request):
            return max(failures, get_failure_limit(request, credentials))
        return failures


def counted_failures(request, **lookup):
    """The failed attempts matching `lookup` that still count: within the cool-off."""
    threshold = get_cool_off_threshold(request)
    return AccessAttempt.objects.filter(attempt_time__gte=threshold, **lookup)


def address_is_locked(request):
    attempts = counted_failures(request, ip_address=request.axes_ip_address)
    failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
    return failures >= settings.LOGIN_ADDRESS_FAILURE_LIMIT


def lockout_response(request, original_response=None, credentials=None):
    """The 429 page: what is locked, and the time after which it may try again."""
    username = get_client_username(request, credentials) or ""
    whole_address = address_is_locked(request)
    lookup = {"ip_address": request.axes_ip_address}
    if not whole_address:
        lookup["username"] = username
    last = counted_failures(request, **lookup).aggregate(last=Max("attempt_time"))["last"]
    context = {
        "username": username,
        "whole_address": whole_address,
        "until": to_the_minute(last + get_cool_off(request)) if last else None,
    }
    return render(request, "429.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def to_the_minute(moment):
    """The moment rounded up to a whole minute, as the page says it ("after 09:16")."""
    rounded = moment.replace(second=0, microsecond=0)
    return rounded if rounded == moment else rounded + datetime.timedelta(minutes=1)


def record_refused_sign_in(request, username, reason):
    """A sign-in refused elsewhere than the password form (the council's sign-in provider): kept
    with the password failures (Axes -> Access failures) and logged, but counted towards no lock,
    since no password was guessed here and one council's proxy is one address."""
    logger.warning("Sign-in refused for %s from %s: %s", username, client_ip(request), reason)
    if settings.AXES_ENABLED:
        AccessFailureLog.objects.create(
            username=username[:255],
            ip_address=client_ip(request) or None,
            user_agent=request.headers.get("User-Agent", "")[:255],
            http_accept=request.headers.get("Accept", "")[:1025],
            path_info=request.path[:255],
        )
