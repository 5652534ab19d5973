"""The test suite: fast hashing, local memory cache and storage under a temporary folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="gorgan-test-media-"))
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Tests that are about the page cache turn it on themselves.
PAGE_CACHE_SECONDS = 0
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# A second alias that mirrors the default database, for the replica router's tests.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
# The HTTPS-only headers of production, so the header tests see what visitors get.
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SERVE_MEDIA = True
# Background tasks run at once, inside the code that enqueues them; tests of the worker itself
# use the database backend and run `db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MESSENGER_FOLDER = Path(tempfile.mkdtemp(prefix="gorgan-test-channels-"))
SITE_URL = "https://www.gorgan.example"
