"""Production: refuses to start without the settings it needs."""

from .base import *  # noqa: F403
from .base import env_bool, require_env

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = require_env("SECRET_KEY")

# Fingerprinted, pre-compressed static files, served by WhiteNoise with far-future caching.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
