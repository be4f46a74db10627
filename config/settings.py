"""Settings, read from the environment with safe demo defaults (see .env.example)."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in ("1", "true", "yes", "on")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# The demo key is only good for a laptop: production must set SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "demo-only-not-secret-set-SECRET_KEY-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "authorities.apps.AdminConfig",  # Django's admin, with the site class of authorities/scoped_admin.py
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_tables2",
    "django_filters",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "core",
    "authorities",
    "inspections",
    "improvement",
    "reports",
    "selfevaluation",
    "indicators",
    "audits",
    "readiness",
    "workspace",
    "api",
]

# The headers every response carries come first, so that they wrap even the answers the
# middleware below gives without reaching a view (the 413 of a large body, the 400 of a bad Host).
MIDDLEWARE = [
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # {% url %} reversing each pattern once per process (core/templatetags/links.py).
            "builtins": ["core.templatetags.links"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.workspace",
                "authorities.context_processors.user_authorities",
            ],
        },
    },
]

# Widgets render from templates/ too (templates/govuk/date_input.html).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2id at OWASP's first cost (core/hashers.py, docs/security.md); a password hashed by
# an older hasher below is checked with it and hashed again with Argon2 at its next sign-in.
PASSWORD_HASHERS = [
    "core.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Strict Content Security Policy: no inline script or style anywhere, ours or the admin's.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Slow work (rendering finalised reports, imports, reminders) runs as tasks. The demo and the tests
# run them inline; production sets TASKS_BACKEND=django_tasks_db.DatabaseBackend and runs
# `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        ),
        "QUEUES": ["default"],
    }
}

DJANGO_TABLES2_TEMPLATE = "django_tables2/table.html"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Security: production checks, login protection, sessions, uploads (README "Configuration") ---
from django.core.exceptions import ImproperlyConfigured  # noqa: E402

if not DEBUG and not os.environ.get("SECRET_KEY"):
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. With DEBUG false the app needs its own secret key: set SECRET_KEY "
        "in the environment to a long random string (or DEBUG=true on a developer's machine)."
    )

INSTALLED_APPS += ["axes"]
# The size check runs before any middleware reads the body (CSRF reads the POST).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "core.security.RequestSizeLimitMiddleware",
)
MIDDLEWARE += ["core.security.NoStoreMiddleware", "axes.middleware.AxesMiddleware"]
# Input no page can use (a NUL character, an overlong query) is refused once for every view,
# inside the middleware that set the security and caching headers, so its page has them too.
MIDDLEWARE.insert(
    MIDDLEWARE.index("axes.middleware.AxesMiddleware"),
    "core.security.RefuseUnreadableInputMiddleware",
)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Passwords kept here; LOCAL_PASSWORDS=off leaves them to the superusers alone.
    "core.passwords.LocalPasswordBackend",
    # The council's own sign-in (single sign-on, below): its callback signs people in.
    "authorities.oidc.Backend",
]

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (and X-Forwarded-For).
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# A load balancer's health probe may come over plain HTTP to the web process: it gets its answer,
# not a redirect (it must still send an allowed Host, README "Running in production").
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# A session ends after SESSION_IDLE_MINUTES without a request, and when the browser closes. It is
# written when it changes and otherwise refreshed at most every SESSION_REFRESH_MINUTES
# (core/sessions.py), not on every request: it then ends 29 to 30 idle minutes after the last.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_MINUTES", "30")) * 60
SESSION_REFRESH_MINUTES = int(os.environ.get("SESSION_REFRESH_MINUTES", "1"))
SESSION_SAVE_EVERY_REQUEST = env_bool("SESSION_SAVE_EVERY_REQUEST", False)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
    "core.sessions.RefreshSessionMiddleware",
)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)

# Failed sign-ins lock the pair of username and address (core/lockout.py): guessing one person's
# password neither locks them out from elsewhere nor locks their colleagues behind the same
# proxy. One address across all usernames has a much higher ceiling. Every lock lifts
# LOGIN_COOLOFF_MINUTES after the last failure; the locked page says when.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "100"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "core.lockout.LockoutHandler"
AXES_LOCKOUT_CALLABLE = "core.lockout.lockout_response"
# A try while locked is refused unrecorded, so the time the page gives stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"

# Password reset emails asked for, at most, per email address and per client address in a window.
PASSWORD_RESETS_PER_ACCOUNT = int(os.environ.get("PASSWORD_RESETS_PER_ACCOUNT", "3"))
PASSWORD_RESETS_PER_ADDRESS = int(os.environ.get("PASSWORD_RESETS_PER_ADDRESS", "20"))
PASSWORD_RESET_WINDOW_MINUTES = int(os.environ.get("PASSWORD_RESET_WINDOW_MINUTES", "60"))

# Password reset links and reminders go by email. The demo prints emails to the console;
# production sets EMAIL_BACKEND to django.core.mail.backends.smtp.EmailBackend and the EMAIL_*
# variables (see .env.example).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "tracker@localhost")

# The largest request body taken; a larger one is refused (413) before it is read.
UPLOAD_MAX_MB = int(os.environ.get("UPLOAD_MAX_MB", "25"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # form fields other than files
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger files stream to a temporary file

# The admin shows each record's history but never reverts to it (changes go through services).
SIMPLE_HISTORY_REVERT_DISABLED = True

# Links in reminder emails point here.
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000").rstrip("/")

# The accessibility statement's contact, set per deployment (the council running the service).
ACCESSIBILITY_ORGANISATION = os.environ.get("ACCESSIBILITY_ORGANISATION", "")
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get("ACCESSIBILITY_CONTACT_EMAIL", "")
ACCESSIBILITY_CONTACT_PHONE = os.environ.get("ACCESSIBILITY_CONTACT_PHONE", "")
# The weekly digest goes out on this weekday (0 Monday ... 6 Sunday).
REMINDER_DIGEST_WEEKDAY = int(os.environ.get("REMINDER_DIGEST_WEEKDAY", "0"))

# The read API (docs/api.md): requests per personal token (or signed-in person) in any minute;
# past it, 429 with Retry-After. Counted in the cache below, which every process shares.
API_RATE_LIMIT = f"{int(os.environ.get('API_REQUESTS_PER_MINUTE', '60'))}/min"
# --- Production and scale: several web processes against one PostgreSQL (README) ---
# WhiteNoise serves the collected static files itself, compressed and under hashed names, so any
# number of gunicorn processes need no separate file server. The demo (DEBUG) serves them unhashed.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "core.storage.StaticFilesStorage"
    },
}
# Nothing another process needs lives in one process's memory: sessions and the cache are tables.
SESSION_ENGINE = "core.sessions"  # Django's database sessions, read by a prepared query
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "cache"}
}
# Logs go to stdout for the process manager (systemd, containers) to collect.
LOGGING["handlers"]["console"]["stream"] = "ext://sys.stdout"
LOGGING["loggers"] = {
    "django": {
        "handlers": ["console"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
        "propagate": False,
    },
    "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
}
# Minimal JSON views of the pages' rows, for the load test's baselines only (bench/load_test.py).
BENCH_JSON_VIEWS = env_bool("BENCH_JSON_VIEWS", False)

# --- Single sign-on with the council's OpenID Connect provider (README "Single sign-on") ---
# On when OIDC_ISSUER and OIDC_CLIENT_ID are set; the login page then offers "Sign in with your
# council account". The provider's endpoints and keys come from its discovery document.
OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "").rstrip("/")
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
# Entra ID's directories (tenant IDs, the `tid` claim) whose people may sign in; empty: any the
# issuer signs for (a single-tenant issuer signs for one).
OIDC_ALLOWED_TENANTS = env_list("OIDC_ALLOWED_TENANTS")
# The claim listing the person's groups, for the group role mappings; empty: groups give no role.
OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "")
OIDC_RP_SCOPES = "openid email profile"
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_TIMEOUT = int(os.environ.get("OIDC_TIMEOUT_SECONDS", "10"))
OIDC_AUTHENTICATION_CALLBACK_URL = "signin:callback"
# Clocks differ a little: an ID token is taken this long either side of its times.
OIDC_CLOCK_LEEWAY_SECONDS = 60
# Off: only superusers sign in with a password here (the break-glass account); everyone else
# signs in with their council account, and password reset is off.
LOCAL_PASSWORDS = env_bool("LOCAL_PASSWORDS", True)
