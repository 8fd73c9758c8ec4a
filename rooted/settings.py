"""Settings for Rooted, read from the environment.

Development needs nothing set: SQLite in the project folder, DEBUG on, mail to
the console. Production sets DEBUG=0 and must then set SECRET_KEY and
ALLOWED_HOSTS; see .env.example.
"""

import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "development-only-not-secret"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
# Where links in emails point (reminders, curator messages).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# The licence of everything published as open data: the HSDS API and exports, the
# gap report's figures.
OPEN_DATA_LICENCE = {
    "name": "CC BY-SA 4.0",
    "url": "https://creativecommons.org/licenses/by-sa/4.0/",
}

INSTALLED_APPS = [
    "modeltranslation",  # before admin, so translated fields get their tabs
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "csp",
    "providers",
    "directory",
    "insights",
    "demo",
]

MIDDLEWARE = [
    "directory.routers.PrimaryForWritersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "rooted.urls"
WSGI_APPLICATION = "rooted.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "directory.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# An optional streaming replica of the same database: public reads go there, and
# fall back to the primary when it does not answer (directory/routers.py).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    # Tests see the replica as the primary itself.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["directory.routers.ReplicaRouter"]
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        # PostgreSQL's just-in-time compilation pays off for long analytical queries,
        # not a web page's: it added seconds to a search at 50,000 listings.
        _database.setdefault("OPTIONS", {})["options"] = "-c jit=off"
if "replica" in DATABASES and DATABASES["replica"]["ENGINE"] == "django.db.backends.postgresql":
    # A replica that is down is noticed in two seconds, then skipped.
    DATABASES["replica"]["OPTIONS"]["connect_timeout"] = 2
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The shared cache: whole search pages for a minute (directory/caching.py) and the
# rate limits (providers/ratelimit.py). Production keeps it in Redis, shared by
# every app server, so a limit holds across them; short socket timeouts let a
# Redis that is down slow a page a little rather than stall it. Development keeps
# it in memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if not DEBUG and not REDIS_URL:
    raise ImproperlyConfigured("REDIS_URL must be set when DEBUG is off.")
CACHES = {
    "default": (
        {
            "BACKEND": "rooted.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "rooted",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# How long a rendered search page is shared, and so how long an edit may take to
# show in search. Off in development, where whoever edits a listing searches next.
# The gap report counts each search into a coarse cell (insights/counting.py);
# INSIGHTS_COUNTING=0 turns counting off (the bench compares the two).
INSIGHTS_COUNTING = envbool("INSIGHTS_COUNTING", True)
SEARCH_PAGE_SECONDS = envint("SEARCH_PAGE_SECONDS", 0 if DEBUG else 60)

AUTH_USER_MODEL = "providers.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Django knows neither Tagalog nor Haitian Creole; teach it both.
LANG_INFO.update(
    {
        "tl": {"bidi": False, "code": "tl", "name": "Tagalog", "name_local": "Tagalog"},
        "ht": {
            "bidi": False,
            "code": "ht",
            "name": "Haitian Creole",
            "name_local": "Kreyòl ayisyen",
        },
    }
)
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("zh-hans", _("Simplified Chinese")),
    ("zh-hant", _("Traditional Chinese")),
    ("vi", _("Vietnamese")),
    ("ko", _("Korean")),
    ("tl", _("Tagalog")),
    ("ar", _("Arabic")),
    ("ht", _("Haitian Creole")),
]
# Rooted's own catalogues first, then Django's messages for the languages Django
# ships none for (tl, ht): form errors, password rules, month names.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "django"]
# Date and number formats for the same two languages (directory/formats/<lang>/).
FORMAT_MODULE_PATH = ["directory.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# The API's whole-directory bulk answers, written once per version of the
# directory (providers/hsds/bulk.py); any folder the app may write, not served directly.
BULK_ROOT = Path(os.environ.get("BULK_ROOT", BASE_DIR / "var" / "bulk"))
# The official HSDS 3.0 JSON Schemas (Open Referral's `schema/` folder, not shipped
# here) that `export_hsds` checks what it writes against; empty: give --schemas.
HSDS_SCHEMA_DIR = os.environ.get("HSDS_SCHEMA_DIR", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads stop streaming at a cap (providers/uploads.py): 6 MB, a 5 MB photo and
# its form, as nginx's client_max_body_size; staff import larger CSV files. Below
# the cap an upload stays in memory and never touches the disk.
UPLOAD_MAX_BYTES = 6 * 1024 * 1024
STAFF_UPLOAD_MAX_BYTES = envint("STAFF_UPLOAD_MAX_BYTES", 64 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default, for the form's other fields
FILE_UPLOAD_HANDLERS = [
    "providers.uploads.SizeCappedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
# STARTTLS on 587 by default; EMAIL_USE_SSL=1 for implicit TLS (465); both off
# only for a relay on the same machine.
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", not EMAIL_USE_SSL)
# A mail server that does not answer fails the send within seconds, not a worker's timeout.
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Rooted <hello@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Secure cookies and HSTS whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
# The CSRF cookie lasts only while the browser is open. The report form is the one
# form a seeker sees, and a seeker must not leave with a year-long cookie; a
# sessions-based token (CSRF_USE_SESSIONS) would give them a session instead. A
# browser-session cookie costs providers nothing: a form left open across a
# browser restart asks them to send it again.
CSRF_COOKIE_AGE = None
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
# Preloading binds every subdomain of the host organisation's domain to HTTPS for
# years: a decision for whoever runs the site (SECURE_HSTS_PRELOAD=1), not a default.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Behind a proxy that terminates TLS (deploy/nginx.conf), the proxy says which
# scheme the visitor used; without this every request would be redirected again.
# Only set it when the app servers cannot be reached except through that proxy.
if envbool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Load balancers ask for /healthz over plain HTTP, from inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content-Security-Policy: our own origin only, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

LOGIN_URL = "providers:login"
CSRF_FAILURE_VIEW = "directory.errors.csrf_failure"

# Search terms are never logged with who asked. Django logs request errors by
# path only (no query string, address or user agent); gunicorn's access log is
# off unless configured, and must stay so.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# The admin's translation tabs need jQuery UI; serve our own copy, never a CDN's.
MODELTRANSLATION_JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
MODELTRANSLATION_JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"
