"""Site-wide protections: a request body size limit, unreadable input refused, no caching of
private pages, client address, and turns for what must not be asked too often."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers


class RequestSizeLimitMiddleware:
    """Refuse (413) a body larger than UPLOAD_MAX_MB from its Content-Length, before reading it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.UPLOAD_MAX_MB * 1024 * 1024
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            page = render_to_string("413.html", {"limit_mb": settings.UPLOAD_MAX_MB})
            return HttpResponse(page, status=413)
        return self.get_response(request)


# The longest query string read: what gunicorn allows for a whole request line (4094 bytes),
# so the demo's server and the tests refuse what production's would. Longer searches are no
# search (SQLite refuses a LIKE pattern over 50,000 characters).
QUERY_MAX_CHARS = 4096
NUL = "\x00"


class RefuseUnreadableInputMiddleware:
    """Refuse, once for every view, input no page can use: a NUL character in the address, a
    query or a form's field or file name (400, naming the field; PostgreSQL refuses NUL in
    text, so it would otherwise fail deep in a query), and a query longer than QUERY_MAX_CHARS
    (414)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.META.get("QUERY_STRING", "")) > QUERY_MAX_CHARS:
            return refusal(414, "The web address is too long", "the web address")
        where = nul_in(request)
        if where:
            return refusal(400, "What you sent could not be read", where)
        return self.get_response(request)


def nul_in(request):
    """Where the request holds a NUL character, in words, or None."""
    if NUL in request.path:
        return "the web address"
    fields = list(request.GET.lists())
    if request.method == "POST":
        fields += request.POST.lists()
        fields += [(name, [f.name for f in files]) for name, files in request.FILES.lists()]
    for name, values in fields:
        if NUL in name or any(NUL in value for value in values):
            return f"the field “{name.replace(NUL, '')}”"
    return None


def refusal(status, title, where):
    context = {"title": title, "where": where, "status": status, "limit": f"{QUERY_MAX_CHARS:,}"}
    return HttpResponse(render_to_string("refused.html", context), status=status)


class NoStoreMiddleware:
    """Pages and files shown to a signed-in user are never kept by browsers or shared caches."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


def client_ip(request):
    """The address a sign-in came from; behind our proxy, the one the proxy saw (last hop)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def take_turn(key, turns, seconds):
    """Take one of `turns` turns at `key` for `seconds` from now; False when all are taken.

    Each turn is a cache entry added, never a count incremented: adding is one insert, which only
    one request can win, on every cache (the database's included, shared by every process, whose
    increment is a read then a write). A turn comes back `seconds` after it was taken; taking back
    an expired entry is an update, which two requests in the same instant could both win.
    """
    return any(cache.add(f"turn:{key}:{n}", True, timeout=seconds) for n in range(turns))
