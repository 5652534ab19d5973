"""Settings shared by every environment; values that differ come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def require_env(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set in production (see README.md)."
        )
    return value


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "parler",
    "taggit",
    "django_prose_editor",
    "django_countries",
    "csp",
    "reversion",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "gorgan",
    "newsroom",
    "sistercities",
]

# Background work (renditions of uploaded pictures) through Django's Tasks API, stored in the
# database and run by `manage.py db_worker` (see docs/deployment.md): no other server needed.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
    }
}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The read API's 304s, for cached and uncached answers alike.
    "gorgan.kit.api.ApiMiddleware",
    # Cached pages are answered here, before anything touches the database.
    "gorgan.kit.pagecache.PageCacheMiddleware",
    # The read API's CORS headers, no cookies and no Vary: stored with a cached answer.
    "gorgan.kit.api.ApiHeadersMiddleware",
    # The API's per-address rate limit, on the requests that cost the application work.
    "gorgan.kit.api.ApiRateLimitMiddleware",
    "gorgan.kit.db_router.ReplicaRoutingMiddleware",
    "gorgan.kit.middleware.CrossOriginResourcePolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "gorgan.kit.middleware.AdminLanguageMiddleware",
    # After the language is known (for its page), before anything reads the body.
    "gorgan.kit.middleware.RequestSizeLimitMiddleware",
    # Bounds every wait on the database below it (sessions, users, the login lockout, views)
    # and answers 503, in the page's language, while the database is away.
    "gorgan.kit.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-axes wants to be last: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "gorgan.urls"
WSGI_APPLICATION = "gorgan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gorgan.kit.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Waiting on PostgreSQL is bounded (seconds; see gorgan/kit/database.py and docs/operations.md):
# connecting, and a reused connection's health check, take at most DATABASE_CONNECT_TIMEOUT
# (2 at least); a statement at most DATABASE_STATEMENT_TIMEOUT in public requests and
# DATABASE_STAFF_STATEMENT_TIMEOUT in the admin (0: no limit). Management commands
# (migrations, backups) have no statement limit. deploy/gunicorn.conf.py's timeout must stay
# above the staff limit, or gunicorn kills the worker before the database error can be shown.
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "2"))
DATABASE_STATEMENT_TIMEOUT = float(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "5"))
DATABASE_STAFF_STATEMENT_TIMEOUT = float(os.environ.get("DATABASE_STAFF_STATEMENT_TIMEOUT", "20"))
# After the database could not be reached, each process answers 503 at once for this long,
# then one request tries again.
DATABASE_SKIP_SECONDS = float(os.environ.get("DATABASE_SKIP_SECONDS", "2"))
# The site's queries are short; PostgreSQL's JIT compiler spent longer compiling some of them
# (hundreds of ms) than running them. Server-side parameters let psycopg prepare a query it sees
# repeatedly on a connection; off for a pooler that cannot keep prepared statements (PgBouncer
# in transaction mode before 1.21).
POSTGRESQL_OPTIONS = {
    "options": "-c jit=off",
    "connect_timeout": DATABASE_CONNECT_TIMEOUT,
    "server_side_binding": os.environ.get("DATABASE_PREPARED_STATEMENTS", "on") != "off",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(POSTGRESQL_OPTIONS)
if os.environ.get("DATABASE_REPLICA_URL"):
    # Anonymous readers' queries go to a streaming replica; see gorgan/kit/db_router.py.
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if DATABASES["replica"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["replica"].setdefault("OPTIONS", {}).update(POSTGRESQL_OPTIONS)
    DATABASE_ROUTERS = ["gorgan.kit.db_router.PrimaryReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Pages keep rendering from the database while Redis is away (see gorgan/kit/cache.py).
            "BACKEND": "gorgan.kit.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "gorgan",
            "OPTIONS": {
                # Every wait on Redis is short, and after a failure Redis is skipped for
                # REDIS_SKIP_SECONDS before one request tries it again.
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
                "skip_seconds": float(os.environ.get("REDIS_SKIP_SECONDS", "3")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "gorgan",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Persian is the source language of all content and the site's default.
LANGUAGE_CODE = "fa"
LANGUAGES = [
    ("fa", _("Persian")),
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tehran"
USE_I18N = True
USE_TZ = True

PARLER_DEFAULT_LANGUAGE_CODE = "fa"
PARLER_LANGUAGES = {
    None: tuple({"code": code} for code, _name in LANGUAGES),
    "default": {"fallbacks": ["fa"], "hide_untranslated": False},
}
# Views prefetch translations; parler's per-object cache would add a cache round trip per item.
PARLER_ENABLE_CACHING = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Anonymous readers get pages from the full-page cache for at most this long (0 turns it off);
# content changes and scheduled publications refresh them sooner.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Parts of pages (an article's text, pictures, tags, boxes, metadata) are stored in the database
# until what they show changes (gorgan.kit.parts); "off" renders them on every request.
STORED_PARTS = os.environ.get("STORED_PARTS", "on") != "off"

# Client addresses are stored only as keyed hashes. A secret of their own lets SECRET_KEY be
# rotated without losing the link between a sender's comments; empty means derive it from
# SECRET_KEY.
IP_HASH_SECRET = os.environ.get("IP_HASH_SECRET", "")
# Behind a reverse proxy (production: nginx), requests arrive from the proxy, which passes
# the client address and scheme in X-Forwarded-For and X-Forwarded-Proto.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
# Reverse proxies in front of the app (nginx, a load balancer): the client address (login
# lockout, comment rate limit and hashes) is the one this many hops from the end of
# X-Forwarded-For; 0 trusts REMOTE_ADDR only. One proxy by default when BEHIND_PROXY is on.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1" if BEHIND_PROXY else "0"))
# Uploaded media live on the local disk (MEDIA_ROOT) unless a bucket is named: then in an
# S3-compatible object store (install the "s3" extra). App code uses the storage API only,
# so nothing else changes. Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            # Public, unsigned addresses: pages are cached, signed links would expire in them.
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
        },
    }
    # Bounded waits on the object store (seconds), two attempts at most: an upload or a
    # deletion gives up well inside gunicorn's timeout. botocore comes with the "s3" extra.
    from botocore.config import Config

    STORAGES["default"]["OPTIONS"]["client_config"] = Config(
        connect_timeout=float(os.environ.get("AWS_S3_CONNECT_TIMEOUT", "2")),
        read_timeout=float(os.environ.get("AWS_S3_READ_TIMEOUT", "5")),
        retries={"mode": "standard", "total_max_attempts": 2},
    )

ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"
# Media is served by Django only in development (dev.py turns it on with DEBUG, the test suite
# too); production serves it from the web server or object storage with the same headers
# (docs/operations.md).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# --- Security shared by every environment (production adds HTTPS-only parts in prod.py) ---

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (django-csp 4). Templates carry no inline CSS or JS; the one inline
# script the admin needs (the rich-text editor's import map) gets a per-request nonce, see
# templates/admin/change_form.html. Public pages never use the nonce, so they stay cacheable.
# The editor (Tiptap, inside django-prose-editor 0.28) also injects one fixed <style> element
# with the base ProseMirror rules (white-space: pre-wrap, ...); its hash allows exactly that
# text. A new editor version may change it: tests/browser/test_csp.py then reports it.
PROSE_EDITOR_BASE_CSS_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, PROSE_EDITOR_BASE_CSS_HASH],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# Request limits: form bodies up to 2.5 MB and 1,000 fields; a request body (uploads
# included) above MAX_REQUEST_BODY_SIZE is refused with 413 before anything reads it.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 20
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
MAX_REQUEST_BODY_SIZE = int(os.environ.get("MAX_REQUEST_BODY_SIZE", 25 * 1024 * 1024))
# Longer addresses (path and query, percent-encoded) get 414: no page has one, and a redirect
# that echoes the address keeps its headers within what nginx buffers (deploy/nginx).
MAX_REQUEST_URI_LENGTH = 4096

# Admin login: 5 failures for one user name from one address lock that pair out for 15 min.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "gorgan.kit.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "gorgan.kit.security.client_ip"
AXES_VERBOSE = False

# How long a visitor is asked to wait when the database is unreachable.
DATABASE_RETRY_AFTER_SECONDS = 30

# --- The public read API (/api/v1/, see README.md and gorgan/kit/api.py) ---

API_URL_PREFIX = "/api/"
# Requests one client address may make per window (0: no limit), counted in the shared cache
# so that every app server agrees; over it the API answers 429 with Retry-After.
API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", "600"))
API_RATE_WINDOW_SECONDS = int(os.environ.get("API_RATE_WINDOW_SECONDS", "60"))
REST_FRAMEWORK = {
    # JSON only: an answer depends on its address alone (no Accept negotiation, no Vary;
    # gorgan.kit.api.ApiView also ignores Accept).
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "URL_FORMAT_OVERRIDE": None,
    # Anonymous and read-only: no session, no login, no cookie is read or set.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Gorgan Municipality open data API",
    "DESCRIPTION": (
        "Read-only JSON: press releases, sections, tags, partner cities, agreements, "
        "commitments and their progress updates. Anonymous; a rate limit per client address "
        "(429 with Retry-After over it); ETag and 304; CORS for any origin."
    ),
    # The version in the address (/api/v1/); a test fails when the schema changes without it.
    "VERSION": "1.1.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": False,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
}

TAGGIT_CASE_INSENSITIVE = True
TAGGIT_TAGS_FROM_STRING = "newsroom.models.taxonomy.parse_tag_names"

# --- Reaching readers: e-mail and messenger channels (README.md, docs/deployment.md) ---

# The site's public address, for links in e-mails and messenger posts (no trailing slash).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# E-mail goes through Django's backends: SMTP once EMAIL_HOST is set (prod.py then requires
# the rest); without it nothing is sent. dev.py writes messages to files instead.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
# Seconds to wait for the mail server to connect or answer; a slow server fails the batch,
# which is tried again later, instead of holding the worker.
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.dummy.EmailBackend"
)
# Bot API addresses; Bale offers the same methods under its own address.
TELEGRAM_API_URL = os.environ.get("TELEGRAM_API_URL", "https://api.telegram.org")
BALE_API_URL = os.environ.get("BALE_API_URL", "https://tapi.bale.ai")
# Seconds to wait for a messenger to connect and to answer one call.
MESSENGER_TIMEOUT = float(os.environ.get("MESSENGER_TIMEOUT", "10"))
# Where channels of the kind "local folder" write their posts.
MESSENGER_FOLDER = Path(os.environ.get("MESSENGER_FOLDER", BASE_DIR / "outbox" / "channels"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
