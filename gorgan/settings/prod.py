"""Production: refuses to start without the settings it needs, and speaks HTTPS only.

Every variable is listed in README.md and docs/operations.md. With them set,
``manage.py check --deploy --fail-level WARNING`` passes with nothing silenced.
"""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list, require_env

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = require_env("SECRET_KEY")

# Fingerprinted, pre-compressed static files, served by WhiteNoise with far-future caching.
STORAGES = {
    **STORAGES,  # noqa: F405 (media storage as chosen in base)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
ALLOWED_HOSTS = [host.strip() for host in require_env("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The documented deployment puts nginx in front (deploy/); the client address and scheme
# then come from its X-Forwarded-For and X-Forwarded-Proto headers.
BEHIND_PROXY = env_bool("BEHIND_PROXY", True)
# Without this, every reader behind nginx would share nginx's address (and so one comment
# rate limit and one login lockout). Set 2 with a load balancer in front of nginx.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1" if BEHIND_PROXY else "0"))
if BEHIND_PROXY:
    # Only behind a proxy that sets X-Forwarded-Proto itself and drops the client's copy.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# One year of HSTS for the host and its subdomains, with the preload flag so the domain may be
# submitted to the browsers' preload list. Every subdomain must serve HTTPS before this goes
# live; SECURE_HSTS_PRELOAD=0 drops the flag (check --deploy then warns, on purpose).
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31_536_000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# E-mail is optional; once any of its variables is set, what sending needs must all be set,
# or the site would accept subscriptions it cannot confirm.
EMAIL_VARIABLES = ("EMAIL_HOST", "DEFAULT_FROM_EMAIL", "SITE_URL")
if any(os.environ.get(name) for name in (*EMAIL_VARIABLES, "EMAIL_HOST_USER")):
    for name in EMAIL_VARIABLES:
        require_env(name)
    if bool(os.environ.get("EMAIL_HOST_USER")) != bool(os.environ.get("EMAIL_HOST_PASSWORD")):
        require_env(
            "EMAIL_HOST_PASSWORD" if os.environ.get("EMAIL_HOST_USER") else "EMAIL_HOST_USER"
        )
