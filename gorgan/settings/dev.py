"""Local development: debug on, a throw-away key, SQLite unless DATABASE_URL is set."""

import os

from .base import *  # noqa: F403
from .base import env_bool, require_env

DEBUG = env_bool("DEBUG", True)
# The built-in key only ever serves a debugging site; with DEBUG off a real key is required.
SECRET_KEY = os.environ.get("SECRET_KEY") or (
    "dev-only-insecure-key-do-not-use-in-production" if DEBUG else require_env("SECRET_KEY")
)

# Derived here, where DEBUG has its final value: `make demo` shows its pictures.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

# Serve static files straight from the app folders while developing.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Template edits should show at the next request, not when what a stored part shows changes.
STORED_PARTS = os.environ.get("STORED_PARTS", "off" if DEBUG else "on") != "off"

# The demo's e-mails are files in outbox/mail/ (one .log file per connection), unless an SMTP
# server is configured; the demo's local channel writes into outbox/channels/.
if not EMAIL_HOST:  # noqa: F405
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "outbox" / "mail"))  # noqa: F405
